import { partyLabel, type CallerId, type CallStep, type HangupCause } from "./call-plan";
import type { Extension, TenantDialPlan } from "./types";

const FALLBACK_RING_TIMEOUT_SEC = 20;
const MAX_RING_TIMEOUT_SEC = 600;

/** Config is user input: a zero, negative or absurd ring time must not strand the caller. */
function ringTimeout(plan: TenantDialPlan, extension: Extension): number {
  const wanted = extension.ringTimeoutSec ?? plan.defaultRingTimeoutSec;
  if (!Number.isFinite(wanted) || wanted < 1) return FALLBACK_RING_TIMEOUT_SEC;
  return Math.min(Math.round(wanted), MAX_RING_TIMEOUT_SEC);
}

/**
 * What happens when ringing the extension fails: its voicemail (with the matching greeting)
 * if enabled, else a hangup whose cause the caller's phone or carrier renders (busy tone etc.).
 */
function fallback(extension: Extension, greeting: "busy" | "unavailable", cause: HangupCause): CallStep[] {
  const { voicemail } = extension;
  if (voicemail.isEnabled) return [{ type: "voicemail", mailbox: voicemail.mailbox, greeting }];
  return [{ type: "hangup", cause }];
}

/**
 * Steps that ring one extension with busy / no-answer / unreachable fallbacks, appending
 * trace lines. An extension without a SIP endpoint goes straight to its unreachable path.
 */
export function dialExtension(
  plan: TenantDialPlan,
  extension: Extension,
  callerId: CallerId,
  trace: string[],
): CallStep[] {
  const label = `extension ${extension.number} (${extension.displayName})`;
  // Asterisk's Dial maps an unregistered endpoint to CHANUNAVAIL; "congestion" is the same signal.
  const onUnreachable = fallback(extension, "unavailable", "congestion");
  const hasVoicemail = extension.voicemail.isEnabled;
  if (extension.endpoint === null) {
    trace.push(`${label} has no phone provisioned; ${hasVoicemail ? "sending to voicemail" : "hanging up"}.`);
    return onUnreachable;
  }
  const timeoutSec = ringTimeout(plan, extension);
  trace.push(`Ring ${label} at ${extension.endpoint} for ${timeoutSec}s.`);
  trace.push(
    hasVoicemail
      ? `If busy, unanswered or unreachable: voicemail box ${extension.voicemail.mailbox}.`
      : "If busy: busy signal; if unanswered or unreachable: hang up (no voicemail).",
  );
  return [
    {
      type: "dial",
      targets: [{
        kind: "endpoint", endpoint: extension.endpoint, extensionId: extension.id,
        label: partyLabel({ number: extension.number, name: extension.displayName }),
      }],
      strategy: "simultaneous",
      timeoutSec,
      callerId,
      onBusy: fallback(extension, "busy", "busy"),
      onNoAnswer: fallback(extension, "unavailable", "no_answer"),
      onUnreachable,
    },
  ];
}
