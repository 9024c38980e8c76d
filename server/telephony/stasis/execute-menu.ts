/**
 * A MenuStep (call-plan.ts): the auto attendant. The caller is answered, hears the intro (keys
 * ignored), then the menu prompt, which the first key stops. Keys are collected with
 * `digitTimeoutSec` between them, up to `maxDigits`, and after each one the engine says what
 * they mean so far (`deps.menuChoice`): wait for more, invalid, or a plan to run. A timeout or
 * an invalid entry plays its prompt and offers the menu again, `maxRetries` times in all, then
 * `onRetriesExhausted` runs. With `onFax` set, fax-tone detection is armed for the whole menu
 * and a tone at any point runs `onFax`. A caller hanging up at any point ends it: the prompt
 * playing is stopped and no timer outlives the call.
 */
import type { CallPlan } from "../engine";
import type { MenuStep } from "../engine/call-plan";
import { CallerInput } from "./caller-input";
import { answerCaller, playInterruptible } from "./caller-media";
import { quietly } from "./deps";
import { executeSteps, type ExecuteContext } from "./execute-plan";
import { decideMenuChoice } from "./menu-choice";

/**
 * res_tonedetect's TONE_DETECT (Asterisk 16.21+; ARI's ChannelToneDetected from 21): a fax
 * machine's CNG tone is 1100 Hz in 0.5 s bursts. `r`: listen to what the caller sends only, so
 * our own prompts and music can never trigger it.
 */
export const FAX_TONE_DETECT = "TONE_DETECT(1100,500,r)";
/** The same function with `x` removes the detector. */
export const FAX_TONE_DETECT_OFF = "TONE_DETECT(1100,,x)";
/** An empty menu prompt still needs a cue that the caller may press now. */
const BEEP = ["sound:beep"];

type MenuOutcome = { kind: "route"; plan: CallPlan } | { kind: "fax" } | { kind: "exhausted" } | { kind: "callerGone" };
type TryOutcome = MenuOutcome | { kind: "retry"; prompt: string[]; why: string };

export async function executeMenu(ctx: ExecuteContext, step: MenuStep): Promise<{ plan: CallPlan | null; steps: MenuStep["onRetriesExhausted"] }> {
  const { deps, session } = ctx;
  const log = session.log.child({ menuId: step.menuId, menu: step.name });
  await answerCaller(deps, session);
  const input = new CallerInput(deps.ari, session);
  let outcome: MenuOutcome;
  try {
    if (step.onFax) await deps.ari.channels.setVariable(session.callerId, FAX_TONE_DETECT, "");
    outcome = await runMenu(ctx, step, input);
  } finally {
    input.close();
  }
  // Detection stays armed on the channel otherwise, listening through whatever comes next.
  if (step.onFax && outcome.kind !== "callerGone") {
    await quietly(log, "fax detection off", () => deps.ari.channels.setVariable(session.callerId, FAX_TONE_DETECT_OFF, ""));
  }
  log.info("menu finished", { outcome: outcome.kind });
  switch (outcome.kind) {
    case "route":
      return { plan: outcome.plan, steps: outcome.plan.steps };
    case "fax":
      return { plan: null, steps: step.onFax ?? [] };
    case "exhausted":
      return { plan: null, steps: step.onRetriesExhausted };
    case "callerGone":
      return { plan: null, steps: [] };
  }
}

async function runMenu(ctx: ExecuteContext, step: MenuStep, input: CallerInput): Promise<MenuOutcome> {
  const { deps, session } = ctx;
  const intro = await playInterruptible(deps, session, input, step.intro, { stopOnKey: false });
  if (intro.kind === "fax" || intro.kind === "callerGone") return intro;
  input.discardKeys();
  const tries = Math.max(1, step.maxRetries);
  for (let attempt = 1; ; attempt++) {
    const result = await oneTry(ctx, step, input);
    if (result.kind !== "retry") return result;
    session.log.info("menu entry not accepted", { why: result.why, attempt, of: tries });
    const after = await playInterruptible(deps, session, input, result.prompt, { stopOnKey: false });
    if (after.kind === "fax" || after.kind === "callerGone") return after;
    input.discardKeys();
    if (attempt >= tries) return { kind: "exhausted" };
  }
}

/** One offer of the menu: the prompt, then keys until a choice, a timeout or an invalid entry. */
async function oneTry(ctx: ExecuteContext, step: MenuStep, input: CallerInput): Promise<TryOutcome> {
  const { deps, session } = ctx;
  const prompt = await playInterruptible(deps, session, input, step.prompt.length > 0 ? step.prompt : BEEP, { stopOnKey: true });
  if (prompt.kind === "fax" || prompt.kind === "callerGone") return prompt;
  const timeoutMs = step.digitTimeoutSec * 1000;
  let digits = prompt.kind === "key" ? prompt.digit : "";
  for (;;) {
    if (digits === "") {
      const first = await input.next(timeoutMs);
      if (first.kind === "fax" || first.kind === "callerGone") return first;
      if (first.kind !== "key") return { kind: "retry", prompt: step.timeoutPrompt, why: "no key" };
      digits = first.digit;
    }
    const isFinal = digits.length >= step.maxDigits;
    const choice = await decideMenuChoice(ctx, step.menuId, digits, isFinal);
    if (session.isCallerGone) return { kind: "callerGone" };
    if (choice.kind === "route") return choice;
    if (choice.kind === "invalid") return { kind: "retry", prompt: step.invalidPrompt, why: choice.reason };
    if (isFinal) return { kind: "retry", prompt: step.invalidPrompt, why: `'${digits}' is incomplete with no more keys to come` };
    const more = await input.next(timeoutMs);
    if (more.kind === "fax" || more.kind === "callerGone") return more;
    if (more.kind === "key") {
      digits += more.digit;
      continue;
    }
    // The caller stopped typing: what they typed is all there is.
    const final = await decideMenuChoice(ctx, step.menuId, digits, true);
    if (session.isCallerGone) return { kind: "callerGone" };
    if (final.kind === "route") return final;
    return { kind: "retry", prompt: step.invalidPrompt, why: final.kind === "invalid" ? final.reason : `'${digits}' is incomplete` };
  }
}

/** Runs a menu step and then what it led to; the caller of this is executeSteps. */
export async function runMenuStep(ctx: ExecuteContext, plan: CallPlan, step: MenuStep): Promise<void> {
  const next = await executeMenu(ctx, step);
  if (ctx.session.isCallerGone) return;
  if (next.plan) ctx.session.log.info("menu choice routed", { trace: next.plan.trace });
  await executeSteps(ctx, next.plan ?? plan, next.steps);
}
