/**
 * The visitor's request as the widget sends it: `{ number, website, captchaToken? }`. Types are
 * checked here (400 INVALID_REQUEST naming the field); what the number means is the intake's to
 * judge, so a bad number is refused and recorded there, not here. Unknown fields are ignored.
 */
import { z } from "zod";
import { singleLine } from "@/server/validation/text";

export const ZWidgetCallbackBody = z.object({
  /** As typed: national or +E.164; the intake's destination policy decides. */
  number: singleLine().min(1, "Enter your phone number").max(64, "Use at most 64 characters"),
  /** The honeypot: people never see it, so it arrives empty. Taken as sent (no trim). */
  website: singleLine({ trim: false }).max(512, "Use at most 512 characters"),
  captchaToken: singleLine().max(2048, "Use at most 2048 characters").nullish(),
});
export type TWidgetCallbackBody = z.infer<typeof ZWidgetCallbackBody>;

export type SubmissionResult = { ok: true; value: TWidgetCallbackBody } | { ok: false; message: string };

export function parseWidgetCallbackBody(unverifiedBody: Record<string, unknown>): SubmissionResult {
  const parsed = ZWidgetCallbackBody.safeParse(unverifiedBody);
  if (parsed.success) return { ok: true, value: parsed.data };
  const issue = parsed.error.issues[0]!;
  const field = issue.path.join(".") || "body";
  const message = issue.code === "invalid_type" ? `'${field}' must be ${expected(issue.expected)}.` : `'${field}': ${issue.message}.`;
  return { ok: false, message };
}

const expected = (type: unknown) => (type === "string" ? "a string" : `of type ${String(type)}`);
