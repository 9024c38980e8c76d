/**
 * A call-flow graph under construction: nodes by id (each added once, so shared destinations
 * and loops are drawn once), edges deduplicated, and a size cap so a huge tenant's diagram
 * stays readable. Used only by call-flow.ts.
 */
import type { CallFlowGraph, FlowEdge, FlowEntry, FlowNode } from "./flow-ids";

/** Far beyond any diagram a person reads; a tenant forwarding through hundreds of nodes gets a cut, said on the node. */
export const MAX_FLOW_NODES = 400;

export class FlowGraph {
  private readonly nodes = new Map<string, FlowNode>();
  private readonly edges = new Map<string, FlowEdge>();

  has(id: string): boolean {
    return this.nodes.has(id);
  }

  get isFull(): boolean {
    return this.nodes.size >= MAX_FLOW_NODES;
  }

  /** Adds the node unless present; true when it is new (then the caller expands it). */
  add(node: Omit<FlowNode, "detail" | "ref" | "warning"> & Partial<Pick<FlowNode, "detail" | "ref" | "warning">>): boolean {
    if (this.nodes.has(node.id)) return false;
    this.nodes.set(node.id, { detail: null, ref: null, warning: null, ...node });
    return true;
  }

  /** Sets a node's second line once its details are known (menus and queues are added before they are read). */
  setDetail(id: string, detail: string): void {
    const node = this.nodes.get(id);
    if (node) node.detail = detail === "" ? null : detail;
  }

  /** Appends a warning to a node (several problems can sit on one extension). */
  warn(id: string, warning: string): void {
    const node = this.nodes.get(id);
    if (node) node.warning = node.warning === null ? warning : `${node.warning}; ${warning}`;
  }

  link(from: string, to: string, label: string): void {
    const key = `${from}\u0000${to}`;
    const existing = this.edges.get(key);
    if (!existing) this.edges.set(key, { from, to, label });
    else if (!existing.label.split(" / ").includes(label)) existing.label = `${existing.label} / ${label}`;
  }

  toGraph(entry: FlowEntry, rootId: string): CallFlowGraph {
    return { entry, rootId, nodes: [...this.nodes.values()], edges: [...this.edges.values()] };
  }
}
