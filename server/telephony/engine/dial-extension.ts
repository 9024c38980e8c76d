import type { CallStep, DialTarget, ForwardVia, HangupCause } from "./call-plan";
import type { Extension, TenantDialPlan } from "./types";

const FALLBACK_RING_TIMEOUT_SEC = 20;
const MAX_RING_TIMEOUT_SEC = 600;

/** Config is user input: a zero, negative or absurd ring time must not strand the caller. */
export function safeRingSec(wanted: number | null | undefined, fallback = FALLBACK_RING_TIMEOUT_SEC): number {
  if (typeof wanted !== "number" || !Number.isFinite(wanted) || wanted < 1) return fallback;
  return Math.min(Math.round(wanted), MAX_RING_TIMEOUT_SEC);
}

/** How long the extension's own phone rings: its setting, else the tenant's default. */
export function ringTimeout(plan: TenantDialPlan, extension: Extension): number {
  return safeRingSec(extension.ringTimeoutSec ?? plan.defaultRingTimeoutSec);
}
// (Routing reads extension.facts.ringTimeoutSec, the same figure computed at compile time.)

/** The extension's phone as a dial target; the caller checked it has an endpoint. */
export function phoneTarget(extension: Extension, via: ForwardVia | undefined, ringSec?: number): DialTarget {
  // Assigned, not spread: spreading builds two throw-away objects per target.
  const target: DialTarget = { kind: "endpoint", endpoint: extension.endpoint ?? "", extensionId: extension.id, label: extension.facts.partyLabel };
  if (ringSec !== undefined) target.ringSec = ringSec;
  if (via) target.via = via;
  return target;
}

/**
 * What happens when ringing the extension fails: its voicemail (with the matching greeting)
 * if enabled, else a hangup whose cause the caller's phone or carrier renders (busy tone etc.).
 */
export function mailboxOrHangup(extension: Extension, greeting: "busy" | "unavailable", cause: HangupCause): CallStep[] {
  const { voicemail } = extension;
  if (voicemail.isEnabled) return [{ type: "voicemail", mailbox: voicemail.mailbox, greeting }];
  return [{ type: "hangup", cause }];
}

export const extensionLabel = (extension: Extension) => extension.facts.label;
/** extensionLabel at the start of a sentence; both built at compile time (routing-facts.ts). */
export const extensionTitle = (extension: Extension) => extension.facts.title;
