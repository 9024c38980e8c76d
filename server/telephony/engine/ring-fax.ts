import type { CallerId, CallStep, ForwardVia } from "./call-plan";
import { hangUp, type Decision } from "./decision";
import type { DidTarget, FaxAccountConfig, TenantDialPlan } from "./types";

/**
 * Fax machines and ATAs answer within a few rings when they answer at all; a minute covers a
 * device that is busy finishing a page, and is short enough not to hold the sender's line.
 */
const FAX_RING_TIMEOUT_SEC = 60;

/**
 * Rings a fax account's device. Nothing falls back to voicemail (a fax tone in a mailbox helps
 * nobody): busy, unanswered and unreachable end the call with the cause the sender's machine
 * understands, so it retries later.
 */
export function ringFax(
  plan: TenantDialPlan,
  did: string,
  target: Extract<DidTarget, { kind: "fax" }>,
  callerId: CallerId,
  trace: string[],
): Decision {
  const fax = plan.faxAccountsById.get(target.sipAccountId);
  if (!fax) return hangUp("unallocated", "unallocated", `DID ${did} points at a missing fax account.`, trace);
  trace.push(`DID ${did} goes to fax account ${fax.label}.`);
  return { kind: "inbound", steps: faxDial(fax, callerId, trace) };
}

/** Dials a fax account's device, appending trace lines; `via` when it is a forward's destination. */
export function faxDial(fax: FaxAccountConfig, callerId: CallerId, trace: string[], via?: ForwardVia): CallStep[] {
  trace.push(`Ring fax account ${fax.label} at ${fax.endpoint} for ${FAX_RING_TIMEOUT_SEC}s.`);
  trace.push("If busy, unanswered or unreachable: hang up, so the sender retries.");
  return [
    {
      type: "dial",
      targets: [{ kind: "fax", endpoint: fax.endpoint, sipAccountId: fax.id, label: fax.label, ...(via ? { via } : {}) }],
      strategy: "simultaneous",
      timeoutSec: FAX_RING_TIMEOUT_SEC,
      callerId,
      onBusy: [{ type: "hangup", cause: "busy" }],
      onNoAnswer: [{ type: "hangup", cause: "no_answer" }],
      onUnreachable: [{ type: "hangup", cause: "congestion" }],
    },
  ];
}
