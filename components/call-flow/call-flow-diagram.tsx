"use client";

import "@xyflow/react/dist/style.css";
import "./call-flow.css";
import { Background, Controls, MarkerType, ReactFlow, type Edge } from "@xyflow/react";
import { useMemo } from "react";
import type { CallFlowGraph } from "@/server/telephony/engine/flow-ids";
import { FlowNodeBox, type DiagramNode } from "./flow-node";
import { layoutGraph, pathEdgeKeys } from "./layout-graph";
import { nodeHref } from "./node-link";

const NODE_TYPES = { flow: FlowNodeBox };

type Props = { graph: CallFlowGraph; path: readonly string[]; didIds: Record<string, string> };

/**
 * The read-only diagram, top-down from the entry. `path` (a plan's CallPlan.path) is
 * highlighted: its nodes, and the edges between consecutive ones. Each node's label is a link
 * that the keyboard reaches; FlowTextList gives screen readers the same graph as a nested list.
 */
export function CallFlowDiagram({ graph, path, didIds }: Props) {
  const { nodes, edges } = useMemo(() => {
    const onPath = new Set(path);
    const walked = pathEdgeKeys(path);
    const at = new Map(layoutGraph(graph).map((p) => [p.id, p]));
    const nodes: DiagramNode[] = graph.nodes.map((node) => ({
      id: node.id,
      type: "flow",
      position: { x: at.get(node.id)!.x, y: at.get(node.id)!.y },
      data: { node, href: nodeHref(node.ref, (n) => didIds[n]), isOnPath: onPath.has(node.id) },
    }));
    const edges: Edge[] = graph.edges.map((e, i) => {
      const isWalked = walked.has(`${e.from}→${e.to}`);
      return {
        id: `${e.from}→${e.to}#${i}`,
        source: e.from,
        target: e.to,
        label: e.label,
        animated: isWalked,
        markerEnd: { type: MarkerType.ArrowClosed },
        style: isWalked ? { stroke: "#4f46e5", strokeWidth: 3 } : { stroke: "#9ca3af" },
        data: { isWalked },
        className: isWalked ? "on-path" : undefined,
      };
    });
    return { nodes, edges };
  }, [graph, path, didIds]);

  return (
    <div className="h-[28rem] w-full rounded-lg border border-gray-200 bg-white" role="group" aria-label="Call-flow diagram" data-testid="call-flow-diagram">
      <ReactFlow
        nodes={nodes}
        edges={edges}
        nodeTypes={NODE_TYPES}
        nodesDraggable={false}
        nodesConnectable={false}
        elementsSelectable={false}
        nodesFocusable={false}
        edgesFocusable={false}
        fitView
      >
        <Background />
        <Controls showInteractive={false} />
      </ReactFlow>
    </div>
  );
}
