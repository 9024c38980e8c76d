import { describe, expect, it } from "vitest";
import type { RecordingPolicy } from "./media-types";
import { shouldRecord, type RecordingParties } from "./recording";

type Flag = "incomingExternal" | "incomingInternal" | "outgoingExternal" | "outgoingInternal";
const FLAGS: Flag[] = ["incomingExternal", "incomingInternal", "outgoingExternal", "outgoingInternal"];

const policy = (flags: Flag[], announcement: string[] = []): RecordingPolicy => ({
  incomingExternal: flags.includes("incomingExternal"),
  incomingInternal: flags.includes("incomingInternal"),
  outgoingExternal: flags.includes("outgoingExternal"),
  outgoingInternal: flags.includes("outgoingInternal"),
  announcement,
});

const planOf = (byId: Record<string, RecordingPolicy | undefined>) => ({
  extensionsById: new Map(Object.entries(byId).map(([id, recording]) => [id, recording ? { recording } : {}])),
});

/** The four kinds of bridged call, each with the end whose flag decides it. */
const CALLS: { kind: string; parties: RecordingParties; decidingEnd: "A" | "B"; flag: Flag }[] = [
  { kind: "inbound from the trunk, answered by B", parties: { answeredExtensionId: "B", isExternalCaller: true, isExternalCallee: false }, decidingEnd: "B", flag: "incomingExternal" },
  { kind: "internal A to B, B's side", parties: { callerExtensionId: "A", answeredExtensionId: "B", isExternalCaller: false, isExternalCallee: false }, decidingEnd: "B", flag: "incomingInternal" },
  { kind: "outbound from A to a number", parties: { callerExtensionId: "A", isExternalCaller: false, isExternalCallee: true }, decidingEnd: "A", flag: "outgoingExternal" },
  { kind: "internal A to B, A's side", parties: { callerExtensionId: "A", answeredExtensionId: "B", isExternalCaller: false, isExternalCallee: false }, decidingEnd: "A", flag: "outgoingInternal" },
];

describe("shouldRecord", () => {
  // Every call kind against every single flag on, at the deciding end: only its own flag records.
  for (const call of CALLS) {
    for (const flag of FLAGS) {
      const isExpected = flag === call.flag;
      it(`${call.kind}: ${flag} on ${call.decidingEnd} ${isExpected ? "records" : "does not record"}`, () => {
        const plan = planOf({ [call.decidingEnd]: policy([flag], ["sound:rec-notice"]) });
        const decision = shouldRecord(plan, call.parties);
        if (isExpected) expect(decision).toEqual({ extensionId: call.decidingEnd, announcement: ["sound:rec-notice"] });
        else expect(decision).toBeNull();
      });
    }
  }

  it("records nothing for an extension without a policy, or an unknown one", () => {
    const parties = { callerExtensionId: "A", answeredExtensionId: "B", isExternalCaller: false, isExternalCallee: false };
    expect(shouldRecord(planOf({ A: undefined }), parties)).toBeNull();
    expect(shouldRecord(planOf({}), parties)).toBeNull();
  });

  it("gives an internal call recorded at both ends to the caller, with the first announcement there is", () => {
    const parties = { callerExtensionId: "A", answeredExtensionId: "B", isExternalCaller: false, isExternalCallee: false };
    const plan = planOf({ A: policy(["outgoingInternal"]), B: policy(["incomingInternal"], ["sound:b-notice"]) });
    expect(shouldRecord(plan, parties)).toEqual({ extensionId: "A", announcement: ["sound:b-notice"] });
  });

  it("asks only the extension's end of a call with the trunk at the other", () => {
    // An extension named in the plan but not party to the call records nothing, whatever its flags.
    const plan = planOf({ A: policy(FLAGS), B: policy([]) });
    expect(shouldRecord(plan, { answeredExtensionId: "B", isExternalCaller: true, isExternalCallee: false })).toBeNull();
    expect(shouldRecord(planOf({ B: policy(FLAGS), A: policy([]) }), { callerExtensionId: "A", isExternalCaller: false, isExternalCallee: true })).toBeNull();
  });

  it("does not ask a trunk-to-trunk call (a number forwarded outside) of anyone", () => {
    const plan = planOf({ A: policy(FLAGS) });
    expect(shouldRecord(plan, { isExternalCaller: true, isExternalCallee: true })).toBeNull();
  });

  it("returns a copy of the announcement, so the plan cannot be changed through it", () => {
    const announcement = ["sound:x"];
    const decision = shouldRecord(planOf({ B: policy(["incomingExternal"], announcement) }), CALLS[0]!.parties);
    decision!.announcement.push("sound:y");
    expect(announcement).toEqual(["sound:x"]);
  });
});
