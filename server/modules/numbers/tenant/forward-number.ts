/**
 * Whether a number typed as a forwarding destination may be called: a real number (national
 * form is read in the company's country), not premium-rate or shared-cost (the company would
 * pay the premium on every forwarded call), and not one of the company's own numbers (the
 * call would come straight back in, and round again).
 */
import { isPremiumKind, parsePhoneNumber } from "@/components/format/phone-number";
import type { ChoiceContext } from "./destinations";

export type ForwardCheck = { kind: "ok"; e164: string } | { kind: "refused"; message: string };

export async function checkForwardNumber(ctx: Pick<ChoiceContext, "db" | "did" | "region">, typed: string): Promise<ForwardCheck> {
  const parsed = parsePhoneNumber(typed, ctx.region);
  if (!parsed) return { kind: "refused", message: "Enter a full phone number, in national form or starting with +." };
  if (isPremiumKind(parsed.kind)) return { kind: "refused", message: "Calls cannot be forwarded to premium-rate or shared-cost numbers." };
  if (parsed.e164 === ctx.did.number) return { kind: "refused", message: "A number cannot forward to itself." };
  const own = await ctx.db.did.findFirst({ where: { number: parsed.e164 }, select: { id: true } });
  if (own) return { kind: "refused", message: "That is one of your own numbers: point this number at its destination instead." };
  return { kind: "ok", e164: parsed.e164 };
}

