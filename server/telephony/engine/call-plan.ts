/**
 * The engine's output: data the worker executes step by step. Later features are new step
 * types or compositions of these (follow-me = dial whose onNoAnswer is another dial), never
 * special cases in the worker.
 */

/** ARI `DELETE /channels/{id}?reason=` values, so the worker passes them straight through. */
export const HANGUP_CAUSES = [
  "normal", // Q.850 16
  "busy", // 17
  "congestion", // 34
  "no_answer", // 19
  "timeout", // 18
  "rejected", // 21
  "unallocated", // 1
  "normal_unspecified", // 31
  "number_incomplete", // 28 (invalid number format)
  "codec_mismatch", // 58
  "interworking", // 127
  "failure", // 38
  "answered_elsewhere", // 26
] as const;
export type HangupCause = (typeof HANGUP_CAUSES)[number];

/** `number` null means withheld; the worker sets presentation accordingly. */
export interface CallerId {
  number: string | null;
  name: string | null;
}

/**
 * How a party reads on Live status and the wallboard: "Bob Baker (202)", or the bare number
 * when there is no other name, "Anonymous" when it is withheld. Never a dial string.
 */
export function partyLabel(party: CallerId): string {
  if (party.number === null) return "Anonymous";
  const name = party.name?.trim();
  return name && name !== party.number ? `${name} (${party.number})` : party.number;
}

/** Why a party is rung instead of the number called; the CDR keeps it (CallRecord.forwardedVia). */
export type ForwardVia = "FOLLOW_ME" | "FORWARD_ALWAYS" | "FORWARD_BUSY" | "FORWARD_NO_ANSWER" | "RULE" | "HUNT_GROUP" | "IVR" | "QUEUE";

/**
 * Shared by every target: `ringSec` rings this target for less than the step's `timeoutSec`
 * (per-destination ring times of a simultaneous follow-me or hunt group); `via` says why it
 * is rung (absent = it is what was called).
 */
interface TargetCommon {
  ringSec?: number;
  via?: ForwardVia;
}

export type DialTarget =
  /** `label`: the extension as people know it, see {@link partyLabel}. */
  | ({ kind: "endpoint"; endpoint: string; extensionId: string; label: string } & TargetCommon)
  /** A fax account's device: no extension, so no presence; `label` as for endpoints. */
  | ({ kind: "fax"; endpoint: string; sipAccountId: string; label: string } & TargetCommon)
  /** `confirm`: once answered, the callee must press 1 within a few seconds or the leg counts as unanswered. */
  | ({ kind: "external"; trunk: string; number: string; confirm?: boolean } & TargetCommon);

export interface DialStep {
  type: "dial";
  targets: DialTarget[];
  /** simultaneous: ring all for timeoutSec; sequential: each in turn for timeoutSec. */
  strategy: "simultaneous" | "sequential";
  timeoutSec: number;
  callerId: CallerId;
  /** Run instead of the remaining steps when the dial fails this way. */
  onBusy: CallStep[];
  onNoAnswer: CallStep[];
  onUnreachable: CallStep[];
}

export interface VoicemailStep {
  type: "voicemail";
  mailbox: string;
  /** Which greeting the caller hears (Asterisk VoiceMail b/u options). */
  greeting: "busy" | "unavailable";
}

export interface DialOutboundStep {
  type: "dialOutbound";
  trunk: string;
  /** E.164, or the short code itself for emergency calls. */
  number: string;
  callerId: CallerId;
  /** The worker must not apply limits (credit, concurrency) to these. */
  isEmergency: boolean;
  /** Set when this is a forward (a rule's, or an extension's) rather than a call the user dialled. */
  via?: ForwardVia;
}

/** Answers the caller and plays `media` (ARI media URIs) to the end; the next step follows. */
export interface PlayStep {
  type: "play";
  media: string[];
}

export interface HangupStep {
  type: "hangup";
  cause: HangupCause;
}

/**
 * An IVR menu (issue 12). The worker answers, plays `intro` (keys ignored), then `prompt`
 * (a key stops it), and collects keys until `digitTimeoutSec` passes without one. What a key
 * sequence means is the engine's call: the worker asks `routeMenuChoice` (menu.ts) with the
 * keys so far and runs the plan it returns. After a timeout or an invalid entry it plays
 * `timeoutPrompt` / `invalidPrompt` and offers the menu again, `maxRetries` times in all, then
 * runs `onRetriesExhausted`. With `onFax` set it arms fax-tone detection for the whole menu
 * and a detected tone runs `onFax` instead.
 */
export interface MenuStep {
  type: "menu";
  menuId: string;
  /** The menu's name, for logs and Live status. */
  name: string;
  intro: string[];
  prompt: string[];
  invalidPrompt: string[];
  timeoutPrompt: string[];
  digitTimeoutSec: number;
  maxRetries: number;
  /** Most keys a choice can take (1 without direct dial; the longest extension number with it). */
  maxDigits: number;
  onRetriesExhausted: CallStep[];
  /** null: no fax detection. */
  onFax: CallStep[] | null;
}

/**
 * A call queue (issue 12). The worker answers, records the caller as waiting, plays `holdMedia`
 * in a loop (empty: music on hold) with position / expected-wait announcements every
 * `announceEverySec`, and tries members: each attempt asks `queueAttempt` (queue.ts) which
 * logged-in, free members to ring now, rings them for `memberRingSec`, and pauses `retrySec`
 * after a miss. An answer bridges the caller; `maxWaitSec` after joining it runs `onTimeout`.
 */
export interface QueueStep {
  type: "queue";
  queueId: string;
  name: string;
  holdMedia: string[];
  announcePosition: boolean;
  announceWaitTime: boolean;
  announceEverySec: number;
  memberRingSec: number;
  retrySec: number;
  maxWaitSec: number;
  onTimeout: CallStep[];
}

export type CallStep = DialStep | VoicemailStep | DialOutboundStep | PlayStep | HangupStep | MenuStep | QueueStep;

/** What kind of decision was taken; for CDR tagging, previews and the bench mix. */
export type RouteKind =
  | "internal"
  | "inbound"
  | "outbound"
  | "emergency"
  | "blocked"
  | "unallocated"
  | "invalid"
  | "barred";

/** One call processing rule as routing weighed it, for "what happens if" and traces. */
export interface RuleCheck {
  /** Call-flow node id of the number or extension that owns the rule (see flow-ids.ts). */
  ownerNodeId: string;
  ruleId: string;
  name: string;
  outcome: "matched" | "notMatched" | "disabled" | "notReached";
  /** e.g. "caller +44 20 7946 0000 is not from United States"; for matched, what matched. */
  reason: string;
}

export interface CallPlan {
  tenantId: string;
  kind: RouteKind;
  steps: CallStep[];
  /** Human-readable reasons, in decision order. */
  trace: string[];
  /**
   * Call-flow node ids (flow-ids.ts) the routing decision passed through, in order, ending
   * with the nodes of what is rung first; the call-flow view highlights exactly these.
   */
  path: string[];
  /** Every rule weighed, in order, with why it did or did not match. */
  ruleChecks: RuleCheck[];
  /** Round-robin cursors this plan used; the worker claims each atomically (and re-routes on a lost race). */
  roundRobin: { huntGroupId: string; cursor: number }[];
}

/**
 * True when every path through `steps` ends in a step after which the call is over:
 * hangup, voicemail, an outbound leg, or a dial whose every failure branch ends terminally
 * (an answered dial ends when either side hangs up); a menu or queue when what follows its
 * last try, fax tone or maximum wait does.
 */
export function endsTerminally(steps: readonly CallStep[]): boolean {
  const last = steps.at(-1);
  if (!last) return false;
  // A menu's options are routed when chosen (menu.ts), each into a plan of its own.
  if (last.type === "menu") return endsTerminally(last.onRetriesExhausted) && (last.onFax === null || endsTerminally(last.onFax));
  if (last.type === "queue") return endsTerminally(last.onTimeout);
  if (last.type !== "dial") return true;
  return (
    endsTerminally(last.onBusy) && endsTerminally(last.onNoAnswer) && endsTerminally(last.onUnreachable)
  );
}
