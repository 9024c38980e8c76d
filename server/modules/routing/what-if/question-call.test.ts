import { describe, expect, it } from "vitest";
import type { TenantDialPlanInput } from "@/server/telephony/engine";
import { questionCall } from "./question-call";

const INPUT = {
  extensions: [{ id: "e1", number: "201", displayName: "Alice" }, { id: "e2", number: "202", displayName: "Bob" }],
  dids: [{ number: "+442071234500", target: { kind: "voicemail", mailbox: "201@t" }, rules: [{ id: "r1" }] }, { number: "+442071234501", target: { kind: "extension", extensionId: "e2" } }],
} as unknown as TenantDialPlanInput;

const US = { kind: "external" as const, e164: "+12125550100" };
const alice = { kind: "extension" as const, id: "e1", number: "201", flow: { kind: "extension" as const, extensionId: "e1" } };

describe("questionCall", () => {
  it("calls a number from the trunk, changing nothing", () => {
    const { input, call } = questionCall(INPUT, { kind: "did", id: "d1", number: "+442071234500", flow: { kind: "did", number: "+442071234500" } }, US, null);
    expect(input).toBe(INPUT);
    expect(call).toEqual({ source: { kind: "trunk" }, dialled: "+442071234500", callerId: { number: "+12125550100", name: null } });
  });

  it("has a colleague dial an extension internally", () => {
    const { input, call } = questionCall(INPUT, alice, { kind: "extension", extensionId: "e2" }, null);
    expect(input).toBe(INPUT);
    expect(call).toEqual({ source: { kind: "extension", extensionId: "e2" }, dialled: "201", callerId: { number: null, name: "Bob" } });
  });

  it("reaches an extension from outside through the number dialled, which then leads only to it", () => {
    const { input, call } = questionCall(INPUT, alice, US, "+442071234500");
    expect(call).toMatchObject({ source: { kind: "trunk" }, dialled: "+442071234500" });
    expect(input.dids).toEqual([INPUT.dids[1], { number: "+442071234500", target: { kind: "extension", extensionId: "e1" } }]);
    expect(INPUT.dids).toHaveLength(2); // the loaded input itself is untouched
  });

  it("uses the company's first number when none was dialled, and refuses when it has none", () => {
    const { call } = questionCall(INPUT, { kind: "huntGroup", id: "h1", number: "600", flow: { kind: "huntGroup", huntGroupId: "h1" } }, { kind: "withheld" }, null);
    expect(call).toEqual({ source: { kind: "trunk" }, dialled: "+442071234500", callerId: { number: null, name: null } });
    expect(() => questionCall({ ...INPUT, dids: [] }, alice, US, null)).toThrow(/no phone numbers/);
  });
});
