/**
 * A top-down layered layout for the call-flow graph: each node's layer is its shortest depth
 * from the root (breadth first), nodes of a layer sit side by side in the order the graph lists
 * them, each layer centred. Enough for trees of rules and destinations; no layout library.
 * Pure, so the view and its tests agree on where everything is.
 */
import type { CallFlowGraph } from "@/server/telephony/engine/flow-ids";

export const NODE_WIDTH = 220;
export const NODE_HEIGHT = 84;
const GAP_X = 40;
const GAP_Y = 70;

export type Positioned = { id: string; x: number; y: number; depth: number };
type GraphShape = Pick<CallFlowGraph, "rootId" | "nodes" | "edges">;

/** Depth of every node reachable from the root; unreachable nodes go one layer below the deepest. */
export function depthsOf(graph: GraphShape): Map<string, number> {
  const next = new Map<string, string[]>();
  for (const e of graph.edges) next.set(e.from, [...(next.get(e.from) ?? []), e.to]);
  const depth = new Map<string, number>([[graph.rootId, 0]]);
  const queue = [graph.rootId];
  while (queue.length > 0) {
    const id = queue.shift()!;
    for (const to of next.get(id) ?? []) {
      if (depth.has(to)) continue; // loops and joins keep their first (shallowest) depth
      depth.set(to, depth.get(id)! + 1);
      queue.push(to);
    }
  }
  const deepest = Math.max(0, ...depth.values());
  for (const n of graph.nodes) if (!depth.has(n.id)) depth.set(n.id, deepest + 1);
  return depth;
}

export function layoutGraph(graph: GraphShape): Positioned[] {
  const depth = depthsOf(graph);
  const layers = new Map<number, string[]>();
  for (const n of graph.nodes) {
    const d = depth.get(n.id)!;
    layers.set(d, [...(layers.get(d) ?? []), n.id]);
  }
  const widest = Math.max(1, ...[...layers.values()].map((ids) => ids.length));
  const fullWidth = widest * NODE_WIDTH + (widest - 1) * GAP_X;
  return [...layers.entries()].flatMap(([d, ids]) => {
    const width = ids.length * NODE_WIDTH + (ids.length - 1) * GAP_X;
    const left = (fullWidth - width) / 2;
    return ids.map((id, i) => ({ id, depth: d, x: left + i * (NODE_WIDTH + GAP_X), y: d * (NODE_HEIGHT + GAP_Y) }));
  });
}

/** Edges a plan's path walked: between consecutive path nodes, as "from→to" keys. */
export function pathEdgeKeys(path: readonly string[]): Set<string> {
  const keys = new Set<string>();
  for (let i = 1; i < path.length; i++) keys.add(`${path[i - 1]}→${path[i]}`);
  return keys;
}
