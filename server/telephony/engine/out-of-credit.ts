/**
 * Out of credit (issue 13): a prepaid company whose balance plus credit limit is used up may
 * not place chargeable calls (outside numbers, and forwards to them). The worker says so in
 * RoutingState.isOutOfCredit; routing reads one boolean, so calls cost nothing extra to route.
 *
 * Asterisk's English core sounds have no "out of credit" phrase. These three read "I'm sorry.
 * Your call cannot be completed as dialed. Please try your call again later.", which is true
 * and says the call was refused on purpose; ss-noservice ("the number you have dialed is not
 * in service") would blame the number, which is wrong.
 */
import type { CallStep } from "./call-plan";
import type { RouteContext } from "./route-context";

export const OUT_OF_CREDIT_MEDIA = ["sound:im-sorry", "sound:cannot-complete-as-dialed", "sound:pls-try-call-later"] as const;

export const isOutOfCredit = (ctx: RouteContext) => ctx.state.isOutOfCredit === true;

/** The announcement, then a hang-up; `what` names the refused call in the trace. */
export function outOfCreditSteps(ctx: RouteContext, what: string): CallStep[] {
  ctx.trace.push(`${what} refused: the company's balance and credit limit are used up (prepaid). Announce it and hang up.`);
  return [{ type: "play", media: [...OUT_OF_CREDIT_MEDIA] }, { type: "hangup", cause: "normal" }];
}
