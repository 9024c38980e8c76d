"use client";

import { Handle, Position, type Node, type NodeProps } from "@xyflow/react";
import Link from "next/link";
import type { FlowNode } from "@/server/telephony/engine/flow-ids";
import { NODE_HEIGHT, NODE_WIDTH } from "./layout-graph";
import { NODE_KIND } from "./node-style";

export type FlowNodeData = { node: FlowNode; href: string | null; isOnPath: boolean };
export type DiagramNode = Node<FlowNodeData, "flow">;

/** One box of the diagram: kind, label, detail, a warning if any; its label links to its page. */
export function FlowNodeBox({ data }: NodeProps<DiagramNode>) {
  const { node, href, isOnPath } = data;
  const kind = NODE_KIND[node.kind];
  return (
    <div
      style={{ width: NODE_WIDTH, minHeight: NODE_HEIGHT }}
      className={`rounded-lg border-2 px-3 py-2 text-xs shadow-sm ${kind.classes} ${isOnPath ? "ring-4 ring-indigo-600" : ""}`}
      data-node-id={node.id}
      data-on-path={isOnPath ? "true" : undefined}
    >
      <Handle type="target" position={Position.Top} className="!opacity-0" isConnectable={false} />
      <p className="font-semibold tracking-wide text-gray-600 uppercase">{kind.name}{isOnPath && <span className="sr-only"> (on the path)</span>}</p>
      {href ? (
        <Link href={href} className="nodrag font-medium text-indigo-800 underline focus-visible:outline-2 focus-visible:outline-indigo-600">{node.label}</Link>
      ) : (
        <p className="font-medium text-gray-900">{node.label}</p>
      )}
      {node.detail && <p className="text-gray-700">{node.detail}</p>}
      {node.warning && <p className="mt-1 font-medium text-red-700" role="note">⚠ {node.warning}</p>}
      <Handle type="source" position={Position.Bottom} className="!opacity-0" isConnectable={false} />
    </div>
  );
}
