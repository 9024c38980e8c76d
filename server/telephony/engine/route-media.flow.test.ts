import { describe, expect, it } from "vitest";
import { buildCallFlow } from "./call-flow";
import { describePlan } from "./describe-plan";
import { flowId } from "./flow-ids";
import { MAIN_DID, mediaPlan, menu, prompt, queue } from "./media-fixture";
import { routeMenuChoice } from "./menu";
import { routeCall } from "./route-call";
import { period, UK_CALLER } from "./routing-fixture";
import { fromTrunk } from "./test-dial-plan";
import { EMPTY_ROUTING_STATE } from "./types";

const NOW = new Date("2027-01-04T10:00:00Z");
const plan = mediaPlan({
  ivrMenus: [
    menu("m-main", {
      name: "Main",
      directDial: true,
      activePeriod: period({ weekdays: [1, 2, 3, 4, 5], timeRanges: [{ start: "09:00", end: "17:00" }] }),
      inactiveAction: { kind: "voicemail", mailbox: "closed@t1" },
      afterRetries: { kind: "extension", extensionId: "e-bob" },
      fax: { kind: "fax", sipAccountId: "s-fax" },
      options: [
        { digit: "1", destination: { kind: "ivr", ivrMenuId: "m-sales" } },
        { digit: "2", destination: { kind: "queue", queueId: "q-support" } },
        { digit: "3", destination: { kind: "huntGroup", huntGroupId: "gone" } },
      ],
    }),
    menu("m-sales", { name: "Sales", options: [{ digit: "0", destination: { kind: "ivr", ivrMenuId: "m-main" } }] }),
  ],
  queues: [queue("q-support", { name: "Support", maxWaitSec: 300, onTimeout: { kind: "voicemail", mailbox: "support@t1" }, whenNoMembers: "leave" })],
});
const graph = buildCallFlow(plan, { kind: "did", number: MAIN_DID });
const edge = (from: string, to: string) => graph.edges.find((e) => e.from === from && e.to === to)?.label;
const node = (id: string) => graph.nodes.find((n) => n.id === id);
const MAIN = flowId.ivr("m-main");

describe("call-flow graph of menus and queues", () => {
  it("draws an IVR node with an edge per key, direct dial, no choice, fax tone and outside hours", () => {
    expect(edge(flowId.did(MAIN_DID), MAIN)).toBe("then");
    expect(node(MAIN)).toMatchObject({ kind: "ivr", label: "IVR menu Main", ref: { kind: "ivr", ivrMenuId: "m-main" }, detail: "3 options · 5 s per key · Mon–Fri 09:00–17:00" });
    expect(edge(MAIN, flowId.ivr("m-sales"))).toBe("Press 1");
    expect(edge(MAIN, flowId.queue("q-support"))).toBe("Press 2");
    expect(edge(MAIN, flowId.ivrDirectDial("m-main"))).toBe("Direct dial");
    expect(edge(MAIN, flowId.extension("e-bob"))).toBe("No choice");
    expect(edge(MAIN, flowId.fax("s-fax"))).toBe("Fax tone");
    expect(edge(MAIN, flowId.voicemail("closed@t1"))).toBe("Outside hours");
    expect(node(MAIN)?.warning).toBe("key 3 points at a missing hunt group");
  });

  it("draws a menu loop once, as an edge back", () => {
    expect(edge(flowId.ivr("m-sales"), MAIN)).toBe("Press 0");
    expect(graph.nodes.filter((n) => n.id === MAIN)).toHaveLength(1);
  });

  it("draws a queue with its maximum wait and the empty-queue exit", () => {
    const q = flowId.queue("q-support");
    expect(node(q)).toMatchObject({ kind: "queue", label: "Call queue Support (700)", ref: { kind: "queue", queueId: "q-support" }, detail: "4 of 4 members logged in · ringAll · music on hold" });
    expect(edge(q, flowId.voicemail("support@t1"))).toBe("After 5 min");
    expect(edge(q, flowId.hangup(q, "normal"))).toBe("Nobody logged in");
  });

  it("a menu or queue can be the diagram's entry", () => {
    expect(buildCallFlow(plan, { kind: "ivr", ivrMenuId: "m-sales" }).rootId).toBe(flowId.ivr("m-sales"));
    expect(buildCallFlow(plan, { kind: "queue", queueId: "q-support" }).rootId).toBe(flowId.queue("q-support"));
  });

  it("every path of a call and of a menu choice is a walk in the graph", () => {
    const edges = new Set(graph.edges.map((e) => `${e.from} -> ${e.to}`));
    const walk = (path: string[]) => path.slice(1).filter((id, i) => !edges.has(`${path[i]} -> ${id}`));
    for (const at of ["2027-01-04T10:00:00Z", "2027-01-04T20:00:00Z"]) {
      expect(walk(routeCall(plan, fromTrunk(MAIN_DID, UK_CALLER), new Date(at)).path)).toEqual([]);
    }
    for (const digits of ["1", "2"]) {
      const choice = routeMenuChoice(plan, fromTrunk(MAIN_DID, UK_CALLER), "m-main", digits, true, NOW, EMPTY_ROUTING_STATE);
      if (choice.kind !== "route") throw new Error(digits);
      expect(walk(choice.plan.path)).toEqual([]);
    }
  });
});

describe("describePlan of menus and queues", () => {
  it("outlines a menu with its branches, and a queue with its maximum wait", () => {
    expect(describePlan(routeCall(plan, fromTrunk(MAIN_DID, UK_CALLER), NOW))).toEqual([
      `1. IVR menu Main: answer, play ${prompt("m-main-intro")}, then play ${prompt("m-main-menu")} and wait 5s for up to 4 keys; offered again up to 3 times`,
      "   If no valid choice:",
      "      1. Ring PJSIP/bob [IVR menu] for 20s, showing +442079460000",
      "         If busy:",
      "            1. Hang up (busy)",
      "         If no answer:",
      "            1. Hang up (no_answer)",
      "         If unreachable:",
      "            1. Hang up (congestion)",
      "   If a fax tone:",
      "      1. Ring PJSIP/fax-1 [IVR menu] for 60s, showing +442079460000",
      "         If busy:",
      "            1. Hang up (busy)",
      "         If no answer:",
      "            1. Hang up (no_answer)",
      "         If unreachable:",
      "            1. Hang up (congestion)",
    ]);
    const choice = routeMenuChoice(plan, fromTrunk(MAIN_DID, UK_CALLER), "m-main", "2", true, NOW, EMPTY_ROUTING_STATE);
    if (choice.kind !== "route") throw new Error("expected a route");
    expect(describePlan(choice.plan)).toEqual([
      `1. Answer and play ${prompt("connecting")}`,
      "2. Call queue Support: answer and play music on hold, announcing position and expected wait every 60s; ring members for 15s, 5s apart, for up to 300s",
      "   After 5 min:",
      "      1. Voicemail box support@t1 (unavailable greeting)",
    ]);
  });
});
