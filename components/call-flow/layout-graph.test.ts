import { describe, expect, it } from "vitest";
import { depthsOf, layoutGraph, NODE_HEIGHT, pathEdgeKeys } from "./layout-graph";
import { nodeHref } from "./node-link";

const node = (id: string) => ({ id, kind: "rule" as const, label: id, detail: null, ref: null, warning: null });
const GRAPH = {
  rootId: "did",
  nodes: ["did", "rule1", "rule2", "fwd", "ring", "orphan"].map(node),
  edges: [
    { from: "did", to: "rule1", label: "" },
    { from: "rule1", to: "fwd", label: "matches" },
    { from: "rule1", to: "rule2", label: "no match" },
    { from: "rule2", to: "ring", label: "no match" },
    { from: "ring", to: "did", label: "loop" },
  ],
};

describe("call-flow layout", () => {
  it("puts each node at its shortest depth, loops included, and strays below the rest", () => {
    expect(Object.fromEntries(depthsOf(GRAPH))).toEqual({ did: 0, rule1: 1, fwd: 2, rule2: 2, ring: 3, orphan: 4 });
  });

  it("lays layers top-down, side by side, without overlaps", () => {
    const placed = layoutGraph(GRAPH);
    const at = Object.fromEntries(placed.map((p) => [p.id, p]));
    expect(at.did!.y).toBe(0);
    expect(at.fwd!.y).toBe(at.rule2!.y);
    expect(at.fwd!.y).toBeGreaterThan(at.rule1!.y + NODE_HEIGHT);
    expect(Math.abs(at.fwd!.x - at.rule2!.x)).toBeGreaterThanOrEqual(220);
  });

  it("keys the edges between consecutive path nodes", () => {
    expect([...pathEdgeKeys(["did", "rule1", "fwd"])]).toEqual(["did→rule1", "rule1→fwd"]);
  });

  it("links nodes to the pages that configure them", () => {
    const ids = (n: string) => (n === "+442071234500" ? "d1" : undefined);
    expect(nodeHref({ kind: "did", number: "+442071234500" }, ids)).toBe("/numbers/d1");
    expect(nodeHref({ kind: "extension", extensionId: "e1", section: "rules" }, ids)).toBe("/extensions/e1/rules");
    expect(nodeHref({ kind: "huntGroup", huntGroupId: "h1" }, ids)).toBe("/routing/hunt-groups/h1");
    expect(nodeHref(null, ids)).toBeNull();
  });
});
