/**
 * Node ids shared by the call-flow graph (call-flow.ts) and the path a plan records
 * (CallPlan.path), so the view highlights what routing really did. One function per node kind;
 * nothing else builds these strings.
 */
export const flowId = {
  did: (e164: string) => `did:${e164}`,
  extension: (extensionId: string) => `extension:${extensionId}`,
  rule: (ruleId: string) => `rule:${ruleId}`,
  /** The "no rule matched" branch out of an owner's rule list. */
  noRuleMatched: (ownerNodeId: string) => `${ownerNodeId}:no-rule`,
  dnd: (extensionId: string) => `dnd:${extensionId}`,
  forward: (extensionId: string, when: "always" | "busy" | "noAnswer") => `forward:${extensionId}:${when}`,
  /** Ringing the extension's own phone (normally, or first in a follow-me). */
  ring: (extensionId: string) => `ring:${extensionId}`,
  followMeStep: (extensionId: string, stepId: string) => `follow-me:${extensionId}:${stepId}`,
  huntGroup: (huntGroupId: string) => `hunt-group:${huntGroupId}`,
  huntMember: (huntGroupId: string, extensionId: string) => `hunt-member:${huntGroupId}:${extensionId}`,
  voicemail: (mailbox: string) => `voicemail:${mailbox}`,
  external: (e164: string) => `external:${e164}`,
  fax: (sipAccountId: string) => `fax:${sipAccountId}`,
  ivr: (ivrMenuId: string) => `ivr:${ivrMenuId}`,
  /** A menu's "dial an extension's number" branch; the extension dialled follows it on a path. */
  ivrDirectDial: (ivrMenuId: string) => `ivr-direct:${ivrMenuId}`,
  queue: (queueId: string) => `queue:${queueId}`,
  message: (ownerNodeId: string, message: string) => `message:${ownerNodeId}:${message}`,
  hangup: (ownerNodeId: string, cause: string) => `hangup:${ownerNodeId}:${cause}`,
} as const;

/** Where a call-flow diagram starts. */
export type FlowEntry =
  | { kind: "did"; number: string }
  | { kind: "extension"; extensionId: string }
  | { kind: "huntGroup"; huntGroupId: string }
  | { kind: "ivr"; ivrMenuId: string }
  | { kind: "queue"; queueId: string };

export type FlowNodeKind =
  | "did" | "extension" | "rule" | "noRuleMatched" | "dnd" | "forward" | "ring" | "followMeStep"
  | "huntGroup" | "huntMember" | "voicemail" | "external" | "fax" | "message" | "hangup" | "ivr" | "queue";

/** What a node configures, so the view can link it to the page that edits it. */
export type FlowNodeRef =
  | { kind: "did"; number: string }
  | { kind: "extension"; extensionId: string; section: "forwarding" | "rules" }
  | { kind: "huntGroup"; huntGroupId: string }
  | { kind: "faxAccount"; sipAccountId: string }
  | { kind: "ivr"; ivrMenuId: string }
  | { kind: "queue"; queueId: string };

export interface FlowNode {
  id: string;
  kind: FlowNodeKind;
  /** e.g. "202 · Bob Baker", "Rule 1: US office hours", "Voicemail 202". */
  label: string;
  /** A second line, e.g. "Mon–Fri 09:00–17:00 · from United States" or "rings 20 s". */
  detail: string | null;
  ref: FlowNodeRef | null;
  /** Config problems at this node (dangling reference, loop cut), shown on it. */
  warning: string | null;
}

export interface FlowEdge {
  from: string;
  to: string;
  /** e.g. "matches", "no match", "busy", "no answer", "then", "overflow". */
  label: string;
}

/** Read-only diagram of everything a call to `entry` can do; built from the compiled plan. */
export interface CallFlowGraph {
  entry: FlowEntry;
  rootId: string;
  nodes: FlowNode[];
  edges: FlowEdge[];
}
