/**
 * An IVR menu reached as a destination. Outside its active period: the inactive prompt, then
 * the inactive action (else hang up). Inside: one MenuStep for the worker, with what follows
 * the last try and a fax tone planned now (off the path: they may never happen). The options
 * themselves are NOT routed here: a menu whose option leads back to it would recurse, and the
 * caller may never press the key. The worker asks routeMenuChoice (menu.ts) once keys arrive.
 */
import type { CallStep, MenuStep } from "./call-plan";
import { destinationProblem } from "./destination-problem";
import type { CompiledIvrMenu } from "./media-types";
import { matchPeriod } from "./period";
import { inBranch, localTimeOf, type RouteContext } from "./route-context";
import { routeExit } from "./route-exit";

export function routeMenu(ctx: RouteContext, menu: CompiledIvrMenu): CallStep[] {
  ctx.trace.push(menu.titleLine);
  if (menu.period !== null) {
    const match = matchPeriod(menu.period, localTimeOf(ctx), ctx.plan.holidays);
    if (!match.isMatch) {
      ctx.trace.push(`Outside the menu's hours (${match.reason}).`);
      const exit = routeExit(ctx, menu, "IVR menu", menu.inactiveAction, "outside its hours", "IVR");
      return menu.prompts.inactive.length > 0 ? [{ type: "play", media: menu.prompts.inactive }, ...exit] : exit;
    }
    ctx.trace.push(`Within the menu's hours (${match.reason}).`);
  }
  const keys = [...menu.optionsByDigit.keys()];
  ctx.trace.push(
    `Offer the menu: ${keys.length > 0 ? `keys ${keys.join(", ")}` : "no keys"}${menu.maxDigits > 1 || menu.extensionPrefixes.size > 0 ? ", or an extension's number" : ""}; ` +
    `offered again up to ${menu.maxRetries} ${menu.maxRetries === 1 ? "time" : "times"}, ${menu.digitTimeoutSec}s to press a key.`,
  );
  const onRetriesExhausted = inBranch(ctx, () => routeExit(ctx, menu, "IVR menu", menu.afterRetries, "after the last try", "IVR"));
  const onFax = menu.fax === null ? null : inBranch(ctx, () => faxBranch(ctx, menu));
  const step: MenuStep = {
    type: "menu",
    menuId: menu.id,
    name: menu.name,
    intro: menu.prompts.intro,
    prompt: menu.prompts.menu,
    invalidPrompt: menu.prompts.invalid,
    timeoutPrompt: menu.prompts.timeout,
    digitTimeoutSec: menu.digitTimeoutSec,
    maxRetries: menu.maxRetries,
    maxDigits: menu.maxDigits,
    onRetriesExhausted,
    onFax,
  };
  return [step];
}

/** A fax destination that is gone arms no detection (null), rather than hanging up on a fax tone. */
function faxBranch(ctx: RouteContext, menu: CompiledIvrMenu): CallStep[] | null {
  const problem = destinationProblem(ctx.plan, menu.fax!);
  if (problem !== null) {
    ctx.trace.push(`IVR menu ${menu.name}: fax tone ${problem}; no fax detection.`);
    return null;
  }
  ctx.trace.push("A fax tone goes to the fax destination.");
  return routeExit(ctx, menu, "IVR menu", menu.fax, "fax tone", "IVR");
}
