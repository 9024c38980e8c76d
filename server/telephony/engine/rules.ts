/**
 * Call processing rules of one owner (a DID or an extension): weighed in order, the first
 * enabled match decides. Every rule weighed is recorded in plan.ruleChecks (those after the
 * match as "notReached") and on the path, so "what happens if" can say why each did or did not.
 */
import type { CallStep } from "./call-plan";
import { destinationProblem } from "./destination-problem";
import { flowId } from "./flow-ids";
import { ownerHangupNodeId } from "./routing-facts";
import { routeDestination } from "./route-destination";
import { visit, type RouteContext, type RuleNumber } from "./route-context";
import { matchRule } from "./rule-match";
import { RULE_MESSAGES, type CompiledRule } from "./types";

/**
 * The matching rule of `rules` (the owner's, from plan.rulesByDid / rulesByExtension), or null
 * (then the owner's normal handling follows; the path is at its no-rule node).
 */
/** The owner of a rule list as routing needs it: node ids built at compile time. */
export interface RuleOwner {
  nodeId: string;
  noRuleNodeId: string;
  hangupNodeIds: Record<string, string>;
  rules: readonly CompiledRule[] | undefined;
}

export function weighRules(ctx: RouteContext, owner: RuleOwner, dialled: RuleNumber): CompiledRule | null {
  const { rules } = owner;
  if (!rules || rules.length === 0) return null;
  const ownerNodeId = owner.nodeId;
  let matched: CompiledRule | null = null;
  for (let i = 0; i < rules.length; i++) {
    const rule = rules[i]!;
    if (matched !== null) {
      if (ctx.isRecording) ctx.ruleChecks.push({ ownerNodeId, ruleId: rule.id, name: rule.name, outcome: "notReached", reason: "an earlier rule matched" });
      continue;
    }
    visit(ctx, rule.nodeId);
    const verdict = matchRule(ctx, rule, dialled);
    const outcome = verdict.isMatch ? "matched" : rule.isEnabled ? "notMatched" : "disabled";
    if (ctx.isRecording) ctx.ruleChecks.push({ ownerNodeId, ruleId: rule.id, name: rule.name, outcome, reason: verdict.reason });
    ctx.trace.push(`${verdict.isMatch ? rule.matchesHead : rule.missesHead}${verdict.reason}).`);
    if (verdict.isMatch) matched = rule;
  }
  if (matched === null) visit(ctx, owner.noRuleNodeId);
  return matched;
}

/**
 * The steps of a matched rule's action, or null for "carry on as normal": ringNormally, or a
 * forward whose destination is gone (skipped with a trace line). `mailbox` is the box the
 * "voicemail" action uses for this owner.
 */
export function ruleActionSteps(ctx: RouteContext, owner: RuleOwner, rule: CompiledRule, mailbox: string): CallStep[] | null {
  const ownerNodeId = owner.nodeId;
  const { action } = rule;
  switch (action.kind) {
    case "forward": {
      const problem = destinationProblem(ctx.plan, action.destination);
      if (problem !== null) {
        ctx.trace.push(`Rule "${rule.name}" ${problem}; ringing normally instead.`);
        visit(ctx, owner.noRuleNodeId);
        return null;
      }
      return routeDestination(ctx, action.destination, "RULE");
    }
    case "ringNormally":
      visit(ctx, owner.noRuleNodeId);
      return null;
    case "voicemail":
      ctx.trace.push(`Rule "${rule.name}": voicemail box ${mailbox}.`);
      visit(ctx, flowId.voicemail(mailbox));
      return [{ type: "voicemail", mailbox, greeting: "unavailable" }];
    case "reject":
      ctx.trace.push(`Rule "${rule.name}": reject the call (${action.cause}).`);
      visit(ctx, ownerHangupNodeId(owner, action.cause));
      return [{ type: "hangup", cause: action.cause }];
    case "message": {
      const message = RULE_MESSAGES[action.message] ?? RULE_MESSAGES.notInService;
      ctx.trace.push(`Rule "${rule.name}": play "${message.label}" and hang up.`);
      visit(ctx, flowId.message(ownerNodeId, action.message));
      visit(ctx, ownerHangupNodeId(owner, "normal"));
      return [{ type: "play", media: [message.media] }, { type: "hangup", cause: "normal" }];
    }
    default: {
      const unknown: { kind?: unknown } = action;
      ctx.trace.push(`Rule "${rule.name}" has an unsupported action "${String(unknown.kind)}"; ringing normally instead.`);
      visit(ctx, owner.noRuleNodeId);
      return null;
    }
  }
}
