import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildCallFlow } from "./call-flow";
import { endsTerminally } from "./call-plan";
import type { CallFlowGraph, FlowEntry } from "./flow-ids";
import { flowId } from "./flow-ids";
import { routeCall } from "./route-call";
import { routeMenuChoice } from "./menu";
import { MENU_IDS, routingCall, routingInstant, routingPlan, routingState } from "./routing-arbitraries";
import { ALICE_DID, group, period, rule, withRouting } from "./routing-fixture";

function entryOf(nodeId: string): FlowEntry {
  const [kind, ...rest] = nodeId.split(":");
  const id = rest.join(":");
  if (kind === "did") return { kind: "did", number: id };
  if (kind === "extension") return { kind: "extension", extensionId: id };
  if (kind === "hunt-group") return { kind: "huntGroup", huntGroupId: id };
  if (kind === "ivr") return { kind: "ivr", ivrMenuId: id };
  if (kind === "queue") return { kind: "queue", queueId: id };
  throw new Error(`a path must start at a number, an extension or a hunt group, not ${nodeId}`);
}

/** Path ids that are not nodes, and consecutive pairs that are not edges; both empty for a walk. */
function notAWalk(graph: CallFlowGraph, path: string[]): string[] {
  const nodes = new Set(graph.nodes.map((n) => n.id));
  const edges = new Set(graph.edges.map((e) => `${e.from} -> ${e.to}`));
  const missing = path.filter((id) => !nodes.has(id)).map((id) => `no node ${id}`);
  for (let i = 1; i < path.length; i++) {
    const edge = `${path[i - 1]} -> ${path[i]}`;
    if (!edges.has(edge)) missing.push(`no edge ${edge}`);
  }
  return missing;
}

describe("call-flow graph and CallPlan.path", () => {
  it("every path a call takes is a walk in the graph of its entry", () => {
    fc.assert(fc.property(routingPlan, routingCall, routingInstant, routingState, (plan, call, now, state) => {
      const result = routeCall(plan, call, now, state);
      if (result.path.length === 0) return; // blocked, unallocated, outbound: no routing graph
      const graph = buildCallFlow(plan, entryOf(result.path[0]!));
      expect(graph.rootId).toBe(result.path[0]);
      expect(notAWalk(graph, result.path)).toEqual([]);
      expect(graph.nodes.length).toBeLessThanOrEqual(400);
      const ids = new Set(graph.nodes.map((n) => n.id));
      expect(ids.size).toBe(graph.nodes.length);
      expect(graph.edges.filter((e) => !ids.has(e.from) || !ids.has(e.to))).toEqual([]);
    }), { numRuns: 2000 });
  }, 60_000);

  it("every path of a menu choice is a walk in its menu's graph", () => {
    const keys = fc.constantFrom("1", "2", "0", "#", "20", "201", "0123", "9");
    fc.assert(fc.property(routingPlan, routingCall, routingInstant, routingState, fc.constantFrom(...MENU_IDS), keys, fc.boolean(), (plan, call, now, state, menuId, digits, isFinal) => {
      const choice = routeMenuChoice(plan, call, menuId, digits, isFinal, now, state);
      if (choice.kind !== "route") return;
      expect(endsTerminally(choice.plan.steps)).toBe(true);
      const { path } = choice.plan;
      const walk = (from: number, to?: number) => notAWalk(buildCallFlow(plan, entryOf(path[from]!)), path.slice(from, to));
      // Direct dial reaches any extension: the diagram draws the branch, and the extension dialled starts a walk of its own.
      if (path[1] === flowId.ivrDirectDial(menuId)) {
        expect(walk(0, 2)).toEqual([]);
        expect(walk(2)).toEqual([]);
      } else {
        expect(walk(0)).toEqual([]);
      }
    }), { numRuns: 1000 });
  }, 60_000);

  it("draws a number's rules by time and caller, down to follow-me, hunt group and voicemail", () => {
    const plan = withRouting({
      "e-alice": { followMe: { strategy: "sequential", ringSelfFirstSec: 10, steps: [{ id: "s1", destination: { kind: "external", number: "07700 900123" }, ringSec: 20, confirm: true, activePeriod: null }] } },
    }, {
      huntGroups: [group("g-sales", { name: "Sales", overflow: { kind: "voicemail", mailbox: "sales@t1" } })],
      dids: [{ number: ALICE_DID, target: { kind: "extension", extensionId: "e-alice" }, rules: [
        rule("r-us", { name: "US office hours", period: period({ weekdays: [1, 2, 3, 4, 5], timeRanges: [{ start: "09:00", end: "17:00" }] }), callerFilter: { patterns: [], countries: ["US"] }, action: { kind: "forward", destination: { kind: "huntGroup", huntGroupId: "g-sales" } } }),
      ] }],
    });
    const graph = buildCallFlow(plan, { kind: "did", number: "01632 960001" });
    const node = (id: string) => graph.nodes.find((n) => n.id === id);
    const edge = (from: string, to: string) => graph.edges.find((e) => e.from === from && e.to === to)?.label;
    expect(graph.rootId).toBe(flowId.did(ALICE_DID));
    expect(node(flowId.rule("r-us"))).toMatchObject({ label: "Rule 1: US office hours", detail: "Mon–Fri 09:00–17:00 · from United States", ref: { kind: "did", number: ALICE_DID } });
    expect(edge(flowId.rule("r-us"), flowId.huntGroup("g-sales"))).toBe("matches");
    expect(edge(flowId.rule("r-us"), flowId.noRuleMatched(flowId.did(ALICE_DID)))).toBe("no match");
    expect(edge(flowId.huntGroup("g-sales"), flowId.voicemail("sales@t1"))).toBe("overflow");
    expect(edge(flowId.ring("e-alice"), flowId.followMeStep("e-alice", "s1"))).toBe("busy or no answer");
    expect(node(flowId.followMeStep("e-alice", "s1"))).toMatchObject({ detail: "20 s · press 1 to accept" });
    expect(edge(flowId.followMeStep("e-alice", "s1"), flowId.voicemail("201@t1"))).toBe("no answer");
    expect(node(flowId.huntGroup("g-sales"))?.ref).toEqual({ kind: "huntGroup", huntGroupId: "g-sales" });
  });

  it("draws a forwarding loop once, with an edge back, and shows dangling references as warnings", () => {
    const plan = withRouting({
      "e-alice": { forwarding: { always: { kind: "extension", extensionId: "e-bob" }, busy: null, noAnswer: null } },
      "e-bob": { forwarding: { always: { kind: "extension", extensionId: "e-alice" }, busy: { kind: "huntGroup", huntGroupId: "gone" }, noAnswer: null } },
    });
    const graph = buildCallFlow(plan, { kind: "extension", extensionId: "e-alice" });
    expect(graph.edges).toContainEqual({ from: flowId.forward("e-bob", "always"), to: flowId.extension("e-alice"), label: "then" });
    expect(graph.nodes.filter((n) => n.id === flowId.extension("e-alice"))).toHaveLength(1);
    const dangling = buildCallFlow(withRouting({ "e-alice": { forwarding: { always: { kind: "huntGroup", huntGroupId: "gone" }, busy: null, noAnswer: null } } }), { kind: "extension", extensionId: "e-alice" });
    expect(dangling.nodes.find((n) => n.id === flowId.extension("e-alice"))?.warning).toBe("forward always points at a missing hunt group");
  });

  it("an unknown entry is a single node that says so", () => {
    const graph = buildCallFlow(withRouting(), { kind: "did", number: "+449999999999" });
    expect(graph.nodes).toEqual([expect.objectContaining({ id: "did:+449999999999", warning: "not a number of this company" })]);
  });
});
