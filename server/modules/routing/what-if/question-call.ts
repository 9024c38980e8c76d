/**
 * Turns "what happens if <caller> calls <entry>" into the call the engine routes. Only the
 * engine's input is shaped here, never its decisions:
 * - a number: an inbound call from the trunk to it;
 * - an extension or hunt group, from one of the company's extensions: that extension dials it;
 * - an extension or hunt group, from outside: an inbound call to the number dialled (or the
 *   company's first number), which for the question's sake leads straight to the entry.
 */
import { AppError } from "../../../errors";
import type { IncomingCall, TenantDialPlanInput } from "../../../telephony/engine";
import type { ResolvedEntry } from "./entry-access";

const invalid = (field: string, message: string) => new AppError("INVALID", message, { fieldErrors: { [field]: message } });

export type QuestionCaller = { kind: "withheld" } | { kind: "external"; e164: string } | { kind: "extension"; extensionId: string };

export function questionCall(input: TenantDialPlanInput, entry: ResolvedEntry, caller: QuestionCaller, dialledE164: string | null): { input: TenantDialPlanInput; call: IncomingCall } {
  const callerId = { number: caller.kind === "external" ? caller.e164 : null, name: null };
  if (entry.kind === "did") return { input, call: { source: { kind: "trunk" }, dialled: entry.number, callerId } };
  if (caller.kind === "extension") {
    const from = input.extensions.find((e) => e.id === caller.extensionId);
    return { input, call: { source: { kind: "extension", extensionId: caller.extensionId }, dialled: entry.number, callerId: { number: null, name: from?.displayName ?? null } } };
  }
  const via = dialledE164 ?? input.dids[0]?.number;
  if (!via) throw invalid("caller", "Your company has no phone numbers, so outside callers cannot reach this; ask with one of your extensions as the caller.");
  const target = entry.kind === "extension" ? { kind: "extension" as const, extensionId: entry.id } : { kind: "huntGroup" as const, huntGroupId: entry.id };
  const dids = [...input.dids.filter((d) => d.number !== via), { number: via, target }];
  return { input: { ...input, dids }, call: { source: { kind: "trunk" }, dialled: via, callerId } };
}
