import { describe, expect, it } from "vitest";
import { compileDialPlan } from "./compile-dial-plan";
import { testInput } from "./test-dial-plan";

describe("compileDialPlan", () => {
  it("indexes extensions by id, number and endpoint, and DIDs by E.164", () => {
    const plan = compileDialPlan(testInput());
    expect(plan.extensionsByNumber.get("201")?.id).toBe("e-alice");
    expect(plan.extensionsByEndpoint.get("PJSIP/bob")?.number).toBe("202");
    expect(plan.extensionsById.get("e-carol")?.outboundCli).toBe("+447700900999");
    expect(plan.extensionsById.get("e-alice")?.outboundCli).toBe("+441632960001");
    expect(plan.didsByNumber.get("+441632960002")).toEqual({ kind: "voicemail", mailbox: "sales@t1" });
  });

  it("normalises block rules and records the prefix length bounds", () => {
    const { blocked } = compileDialPlan(testInput());
    expect([...blocked.exact]).toEqual(["+447700900666"]);
    expect([...blocked.prefixes].sort()).toEqual(["+1900", "+44900"]);
    expect([blocked.minPrefixLength, blocked.maxPrefixLength]).toEqual([5, 6]);
  });

  it("always allows the default CLI", () => {
    const plan = compileDialPlan(testInput());
    expect(plan.outbound?.allowedClis.has("+441632960000")).toBe(true);
    expect(plan.outbound?.allowedClis.has("+441632960002")).toBe(true);
  });

  it("keeps the first of duplicates and warns about every bad entry instead of throwing", () => {
    const input = testInput();
    const alice = input.extensions[0]!;
    const plan = compileDialPlan({
      ...input,
      extensions: [...input.extensions, { ...alice, id: "e-alice-2", displayName: "Impostor" }],
      dids: [...input.dids, { number: "+441632960001", target: { kind: "voicemail", mailbox: "x" } }, { number: "nope", target: { kind: "voicemail", mailbox: "x" } }],
      blocked: [...input.blocked, { number: "spam", match: "prefix" }],
    });
    expect(plan.extensionsByNumber.get("201")?.displayName).toBe("Alice");
    expect(plan.didsByNumber.get("+441632960001")).toEqual({ kind: "extension", extensionId: "e-alice" });
    expect(plan.warnings).toEqual([
      expect.stringContaining("extension 201 (e-alice-2) duplicates"),
      expect.stringContaining("+441632960005 points at a missing extension"),
      expect.stringContaining("+441632960008 points at a missing fax account"),
      expect.stringContaining("DID +441632960001 is listed twice"),
      expect.stringContaining('DID "nope"'),
      expect.stringContaining('block rule "spam"'),
    ]);
  });

  it("bars outbound calling when the default CLI is unusable", () => {
    const plan = compileDialPlan(testInput({ outbound: { trunk: "t", allowedClis: [], defaultCli: "withheld" } }));
    expect(plan.outbound).toBeNull();
    expect(plan.warnings.some((w) => w.includes("default CLI is invalid"))).toBe(true);
  });

  it("gives an empty prefix walk when there are no prefix rules", () => {
    const { blocked } = compileDialPlan(testInput({ blocked: [] }));
    expect([blocked.minPrefixLength, blocked.maxPrefixLength]).toEqual([0, 0]);
  });
});
