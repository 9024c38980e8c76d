import { describe, expect, it } from "vitest";
import type { TRoutingDestination } from "@/server/modules/routing/stored";
import { destinationFromKey, destinationKey } from "./destination-key";

describe("destination keys", () => {
  it.each<TRoutingDestination>([
    { kind: "extension", extensionId: "e1" },
    { kind: "voicemail", extensionId: "e1" },
    { kind: "voicemail", extensionId: null },
    { kind: "fax", sipAccountId: "s1" },
    { kind: "huntGroup", huntGroupId: "h1" },
    { kind: "ivr", ivrMenuId: "m1" },
    { kind: "queue", queueId: "q1" },
    { kind: "external", number: "+447400123456" },
  ])("round-trips %o", (d) => {
    expect(destinationFromKey(destinationKey(d), d.kind === "external" ? d.number : "")).toEqual(d);
  });

  it("reads none and unknown kinds as no destination", () => {
    expect(destinationKey(null)).toBe("");
    expect(destinationFromKey("", "")).toBeNull();
    expect(destinationFromKey("conference:1", "")).toBeNull();
  });
});
