import { describe, expect, it } from "vitest";
import { nodeHref } from "./node-link";

const noDid = () => undefined;

describe("nodeHref", () => {
  it("links IVR menu and call-queue nodes to their pages", () => {
    expect(nodeHref({ kind: "ivr", ivrMenuId: "m1" }, noDid)).toBe("/routing/ivr/m1");
    expect(nodeHref({ kind: "queue", queueId: "q1" }, noDid)).toBe("/routing/queues/q1");
  });

  it("keeps the existing links", () => {
    expect(nodeHref({ kind: "huntGroup", huntGroupId: "h1" }, noDid)).toBe("/routing/hunt-groups/h1");
    expect(nodeHref({ kind: "did", number: "+44" }, () => "d1")).toBe("/numbers/d1");
    expect(nodeHref(null, noDid)).toBeNull();
  });
});
