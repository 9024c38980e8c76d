"use client";

import Link from "next/link";
import type { ReactNode } from "react";
import type { CallFlowGraph, FlowNode } from "@/server/telephony/engine/flow-ids";
import { nodeHref } from "./node-link";
import { NODE_KIND } from "./node-style";

type Props = { graph: CallFlowGraph; path: readonly string[]; didIds: Record<string, string> };

/**
 * The call flow as a nested list, from the entry down: the text alternative of the diagram.
 * A node reached a second time (a loop, or two branches joining) is named, not repeated.
 */
export function FlowTextList({ graph, path, didIds }: Props) {
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const out = new Map<string, { to: string; label: string }[]>();
  for (const e of graph.edges) out.set(e.from, [...(out.get(e.from) ?? []), { to: e.to, label: e.label }]);
  const onPath = new Set(path);
  const shown = new Set<string>();

  function item(node: FlowNode, via: string | null): ReactNode {
    const isRepeat = shown.has(node.id);
    shown.add(node.id);
    const href = nodeHref(node.ref, (n) => didIds[n]);
    const children = isRepeat ? [] : (out.get(node.id) ?? []).flatMap((e) => (byId.has(e.to) ? [{ node: byId.get(e.to)!, via: e.label }] : []));
    return (
      <li key={`${via}-${node.id}`}>
        {via && <span className="text-gray-600">{via}: </span>}
        <span className="font-medium">{NODE_KIND[node.kind].name}</span>{" "}
        {href ? <Link href={href} className="text-indigo-700 underline">{node.label}</Link> : node.label}
        {node.detail && <span className="text-gray-700"> — {node.detail}</span>}
        {node.warning && <span className="text-red-700"> (warning: {node.warning})</span>}
        {onPath.has(node.id) && <strong> (taken)</strong>}
        {isRepeat && <span className="text-gray-600"> (see above)</span>}
        {children.length > 0 && <ul className="ml-5 list-disc">{children.map((c) => item(c.node, c.via))}</ul>}
      </li>
    );
  }

  const root = byId.get(graph.rootId);
  return root ? <ul className="ml-5 list-disc space-y-1 text-sm" aria-label="Call flow as a list">{item(root, null)}</ul> : null;
}
