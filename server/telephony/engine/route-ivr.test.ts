import { describe, expect, it } from "vitest";
import type { CallStep, MenuStep } from "./call-plan";
import { endsTerminally } from "./call-plan";
import { flowId } from "./flow-ids";
import { MAIN_DID, mediaPlan, menu, prompt, queue } from "./media-fixture";
import { routeMenuChoice, type MenuChoice } from "./menu";
import { routeCall } from "./route-call";
import { group, period, rung, state, UK_CALLER } from "./routing-fixture";
import { fromExtension, fromTrunk } from "./test-dial-plan";
import type { Destination, TenantDialPlan } from "./types";
import { EMPTY_ROUTING_STATE } from "./types";

const NOW = new Date("2027-01-04T10:00:00Z"); // Monday 10:00 in London
const SALES: Destination = { kind: "huntGroup", huntGroupId: "g-sales" };
const ALICE: Destination = { kind: "extension", extensionId: "e-alice" };

function menuStep(steps: readonly CallStep[]): MenuStep {
  const step = steps[0];
  if (step?.type !== "menu") throw new Error(`expected a menu, got ${JSON.stringify(step)}`);
  return step;
}
const call = (plan: TenantDialPlan, at = NOW) => routeCall(plan, fromTrunk(MAIN_DID, UK_CALLER), at, EMPTY_ROUTING_STATE);
const choose = (plan: TenantDialPlan, digits: string, isFinal = false, menuId = "m-main") =>
  routeMenuChoice(plan, fromTrunk(MAIN_DID, UK_CALLER), menuId, digits, isFinal, NOW, EMPTY_ROUTING_STATE);
function routed(choice: MenuChoice) {
  if (choice.kind !== "route") throw new Error(`expected a route, got ${JSON.stringify(choice)}`);
  return choice.plan;
}

describe("an IVR menu reached by a number", () => {
  it("offers one menu step with its prompts, timings and retries, and ends the path at the menu", () => {
    const plan = mediaPlan({ ivrMenus: [menu("m-main", { digitTimeoutSec: 7, maxRetries: 2, options: [{ digit: "1", destination: ALICE }] })] });
    const result = call(plan);
    expect(result.steps).toEqual([{
      type: "menu", menuId: "m-main", name: "m-main",
      intro: [prompt("m-main-intro")], prompt: [prompt("m-main-menu")], invalidPrompt: [prompt("invalid")], timeoutPrompt: [prompt("timeout")],
      digitTimeoutSec: 7, maxRetries: 2, maxDigits: 1,
      onRetriesExhausted: [{ type: "hangup", cause: "normal" }], onFax: null,
    }]);
    expect(result.path).toEqual([flowId.did(MAIN_DID), flowId.ivr("m-main")]);
    expect(result.trace).toContain("IVR menu m-main.");
    expect(endsTerminally(result.steps)).toBe(true);
  });

  it.each<[string, Destination | null, CallStep[]]>([
    ["no choice hangs up by default", null, [{ type: "hangup", cause: "normal" }]],
    ["no choice goes to voicemail", { kind: "voicemail", mailbox: "sales@t1" }, [{ type: "voicemail", mailbox: "sales@t1", greeting: "unavailable" }]],
    ["no choice to a missing menu hangs up", { kind: "ivr", ivrMenuId: "gone" }, [{ type: "hangup", cause: "normal" }]],
  ])("timeouts and invalid keys are retried, then %s", (_, afterRetries, expected) => {
    const step = menuStep(call(mediaPlan({ ivrMenus: [menu("m-main", { afterRetries })] })).steps);
    expect(step.maxRetries).toBe(3);
    expect(step.onRetriesExhausted).toEqual(expected);
  });

  it("after the last try an extension is routed with its own handling, marked as reached through the IVR", () => {
    const step = menuStep(call(mediaPlan({ ivrMenus: [menu("m-main", { afterRetries: ALICE })] })).steps);
    expect(rung(step.onRetriesExhausted)).toEqual(["PJSIP/alice"]);
    expect(step.onRetriesExhausted[0]).toMatchObject({ targets: [{ via: "IVR" }], onNoAnswer: [{ type: "voicemail", mailbox: "201@t1" }] });
  });

  it("a fax tone goes to the fax account, and a missing one arms no detection", () => {
    const withFax = menuStep(call(mediaPlan({ ivrMenus: [menu("m-main", { fax: { kind: "fax", sipAccountId: "s-fax" } })] })).steps);
    expect(withFax.onFax).toMatchObject([{ type: "dial", targets: [{ kind: "fax", endpoint: "PJSIP/fax-1", sipAccountId: "s-fax", via: "IVR" }] }]);
    const gone = mediaPlan({ ivrMenus: [menu("m-main", { fax: { kind: "fax", sipAccountId: "s-gone" } })] });
    expect(menuStep(call(gone).steps).onFax).toBeNull();
    expect(gone.warnings).toContain("IVR menu m-main: fax tone points at a missing fax account; skipped");
  });

  describe("active period", () => {
    const hours = period({ weekdays: [1, 2, 3, 4, 5], timeRanges: [{ start: "09:00", end: "17:00" }] });
    const night = period({ weekdays: [6], timeRanges: [{ start: "22:00", end: "02:00" }] }); // Saturday night, crossing midnight
    const closed = (p = hours, inactiveAction: Destination | null = { kind: "voicemail", mailbox: "sales@t1" }) =>
      mediaPlan({ ivrMenus: [menu("m-main", { activePeriod: p, inactiveAction })] });

    it.each<[string, ReturnType<typeof period>, string, boolean]>([
      ["Monday 10:00 in office hours", hours, "2027-01-04T10:00:00Z", true],
      ["Monday 18:00 after hours", hours, "2027-01-04T18:00:00Z", false],
      ["Saturday 23:00, in a window crossing midnight", night, "2027-01-09T23:00:00Z", true],
      ["Sunday 01:30, still Saturday's window", night, "2027-01-10T01:30:00Z", true],
      ["Sunday 02:30, after it", night, "2027-01-10T02:30:00Z", false],
      ["the DST night: 00:59 GMT, before the clocks go forward", night, "2027-03-28T00:59:00Z", true],
      ["the DST night: 02:00 BST, the window ends at the jump", night, "2027-03-28T01:00:00Z", false],
    ])("%s", (_, p, iso, isActive) => {
      const result = call(closed(p), new Date(iso));
      if (isActive) {
        expect(result.steps[0]?.type).toBe("menu");
      } else {
        expect(result.steps).toEqual([{ type: "play", media: [prompt("closed")] }, { type: "voicemail", mailbox: "sales@t1", greeting: "unavailable" }]);
        expect(result.path).toEqual([flowId.did(MAIN_DID), flowId.ivr("m-main"), flowId.voicemail("sales@t1")]);
      }
    });

    it("outside hours with no inactive action and no prompt: hang up at once", () => {
      const plan = mediaPlan({ ivrMenus: [menu("m-main", { activePeriod: hours, prompts: { ...menu("x").prompts, inactive: [] } })] });
      const result = call(plan, new Date("2027-01-04T18:00:00Z"));
      expect(result.steps).toEqual([{ type: "hangup", cause: "normal" }]);
      expect(result.path.at(-1)).toBe(flowId.hangup(flowId.ivr("m-main"), "normal"));
    });
  });

  it("a menu that leads back to itself is planned once and cut, never recursing", () => {
    const plan = mediaPlan({ ivrMenus: [
      menu("m-main", { afterRetries: { kind: "ivr", ivrMenuId: "m-sub" } }),
      menu("m-sub", { afterRetries: { kind: "ivr", ivrMenuId: "m-main" } }),
    ] });
    const main = menuStep(call(plan).steps);
    const sub = menuStep(main.onRetriesExhausted);
    expect(sub.menuId).toBe("m-sub");
    expect(sub.onRetriesExhausted).toEqual([{ type: "hangup", cause: "normal" }]);
  });

  it("a number pointing at a missing menu is unallocated, with a warning", () => {
    const plan = mediaPlan({}, { dids: [{ number: MAIN_DID, target: { kind: "ivr", ivrMenuId: "gone" } }] });
    expect(call(plan).steps).toEqual([{ type: "hangup", cause: "unallocated" }]);
    expect(plan.warnings).toContain(`DID ${MAIN_DID} points at a missing IVR menu; skipped`);
  });
});

describe("routeMenuChoice", () => {
  const options = [
    { digit: "1" as const, destination: ALICE },
    { digit: "2" as const, destination: { kind: "queue", queueId: "q-support" } as Destination },
    { digit: "3" as const, destination: SALES },
    { digit: "9" as const, destination: { kind: "ivr", ivrMenuId: "m-sub" } as Destination },
  ];
  const plan = mediaPlan({
    ivrMenus: [menu("m-main", { options }), menu("m-sub", { options: [{ digit: "*", destination: { kind: "ivr", ivrMenuId: "m-main" } }] })],
    queues: [queue("q-support", { onTimeout: { kind: "voicemail", mailbox: "support@t1" } })],
  }, { huntGroups: [group("g-sales", { strategy: "roundRobin", number: "600" })] });

  it("routes a key to its option after the post-selection prompt, through the extension's own handling", () => {
    const result = routed(choose(plan, "1"));
    expect(result.steps[0]).toEqual({ type: "play", media: [prompt("connecting")] });
    expect(rung(result.steps.slice(1))).toEqual(["PJSIP/alice"]);
    expect(result.steps[1]).toMatchObject({ targets: [{ via: "IVR" }], callerId: { number: UK_CALLER } });
    expect(result.path).toEqual([flowId.ivr("m-main"), flowId.extension("e-alice"), flowId.ring("e-alice")]);
    expect(result.kind).toBe("inbound");
  });

  it("a key into a queue gives its queue step, whose maximum wait reaches voicemail", () => {
    const result = routed(choose(plan, "2"));
    expect(result.steps[1]).toMatchObject({ type: "queue", queueId: "q-support", maxWaitSec: 300, onTimeout: [{ type: "voicemail", mailbox: "support@t1" }] });
    expect(result.path).toEqual([flowId.ivr("m-main"), flowId.queue("q-support")]);
  });

  it("a key into a round-robin hunt group returns the cursor to claim", () => {
    const result = routed(routeMenuChoice(plan, fromTrunk(MAIN_DID, UK_CALLER), "m-main", "3", false, NOW, state({ roundRobinCursors: new Map([["g-sales", 2]]) })));
    expect(result.roundRobin).toEqual([{ huntGroupId: "g-sales", cursor: 2 }]);
    expect(rung(result.steps.slice(1))[0]).toBe("PJSIP/erin");
  });

  it("menus that lead into each other route one choice at a time", () => {
    const sub = routed(choose(plan, "9"));
    expect(menuStep(sub.steps.slice(1)).menuId).toBe("m-sub");
    const back = routed(choose(plan, "*", false, "m-sub"));
    expect(menuStep(back.steps.slice(1)).menuId).toBe("m-main");
  });

  it.each<[string, string, string]>([
    ["a key without an option", "5", "key 5 is not an option of IVR menu m-main"],
    ["two keys without direct dial", "12", "key 12 is not an option of IVR menu m-main"],
    ["nothing", "", "no key was pressed"],
    ["not keys at all", "1a", '"1a" is not a sequence of phone keys'],
  ])("%s is invalid, with the reason", (_, digits, reason) => {
    expect(choose(plan, digits)).toEqual({ kind: "invalid", reason });
  });

  it("a key whose option points at something deleted is invalid, so the caller may choose again", () => {
    const broken = mediaPlan({ ivrMenus: [menu("m-main", { options: [{ digit: "4", destination: { kind: "huntGroup", huntGroupId: "gone" } }] })] });
    expect(choose(broken, "4")).toEqual({ kind: "invalid", reason: "key 4 of IVR menu m-main points at a missing hunt group" });
    expect(broken.warnings).toContain("IVR menu m-main: key 4 points at a missing hunt group; skipped");
  });

  it("an unknown menu is invalid", () => {
    expect(choose(plan, "1", true, "gone")).toEqual({ kind: "invalid", reason: "IVR menu gone is not in this company's dial plan" });
  });

  it("a call from an extension shows the extension's configured identity", () => {
    const result = routed(routeMenuChoice(plan, fromExtension("e-bob", MAIN_DID, "+449999"), "m-main", "1", true, NOW, EMPTY_ROUTING_STATE));
    expect(result.kind).toBe("internal");
    expect(result.steps[1]).toMatchObject({ callerId: { number: "202", name: "Bob" } });
  });
});

describe("direct dial", () => {
  // Extensions 201, 202, 203, 0123, 204, 205; key 2 is also an option.
  const plan = mediaPlan({ ivrMenus: [menu("m-main", { directDial: true, options: [{ digit: "2", destination: SALES }, { digit: "7", destination: ALICE }] })] }, { huntGroups: [group("g-sales", {})] });

  it("lets the menu collect as many keys as the longest extension number", () => {
    expect(menuStep(call(plan).steps).maxDigits).toBe(4);
  });

  it.each<[string, string, boolean, MenuChoice["kind"], string[] | null]>([
    ["a complete number routes to the extension", "202", false, "route", ["PJSIP/bob"]],
    ["a proper prefix waits for more keys", "20", false, "incomplete", null],
    ["a proper prefix that is final is invalid", "20", true, "invalid", null],
    ["a key that is an option but starts a number waits", "2", false, "incomplete", null],
    ["the same key, final, is the option", "2", true, "route", ["PJSIP/alice", "PJSIP/bob", "PJSIP/erin", "PJSIP/finn"]],
    ["an option no number starts with routes at once", "7", false, "route", ["PJSIP/alice"]],
    ["a leading-zero number", "0123", false, "route", ["PJSIP/dora"]],
    ["a number nobody has", "299", false, "invalid", null],
  ])("%s", (_, digits, isFinal, kind, ringing) => {
    const choice = choose(plan, digits, isFinal);
    expect(choice.kind).toBe(kind);
    if (ringing === null) return;
    const { steps } = routed(choice);
    const dial = steps.find((s) => s.type === "dial")!;
    expect(rung([dial])).toEqual(ringing);
  });

  it("a dialled extension gets no post-selection prompt and is on the path through the direct-dial branch", () => {
    const result = routed(choose(plan, "201"));
    expect(result.steps[0]?.type).toBe("dial");
    expect(result.path).toEqual([flowId.ivr("m-main"), flowId.ivrDirectDial("m-main"), flowId.extension("e-alice"), flowId.ring("e-alice")]);
    expect(result.steps[0]).toMatchObject({ targets: [{ via: "IVR" }] });
  });

  it("an extension on do-not-disturb dialled directly gets its own handling", () => {
    const dnd = mediaPlan({ ivrMenus: [menu("m-main", { directDial: true })] }, {}, { "e-alice": { doNotDisturb: true } });
    expect(routed(choose(dnd, "201", true)).steps).toEqual([{ type: "voicemail", mailbox: "201@t1", greeting: "busy" }]);
  });
});
