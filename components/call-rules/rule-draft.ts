/**
 * The rule editor's form state and its way to and from a rule. The form holds what people type
 * (numbers as one comma-separated line, "+1212*" for a prefix); `toRuleInput` turns it into the
 * procedure's input, which ZCallRuleInput then judges, so the form and the server agree.
 */
import type { TCallRuleInput } from "@/server/modules/routing/rules/schema";
import type { TNumberPattern, TRoutingDestination, TTimePeriod } from "@/server/modules/routing/stored";
import type { RuleMessageId } from "@/server/telephony/engine/types";

export const ACTION_CHOICES = [
  { value: "forward", label: "Forward to…" },
  { value: "ringNormally", label: "Ring normally" },
  { value: "voicemail", label: "Send to voicemail" },
  { value: "busy", label: "Reject as busy" },
  { value: "rejected", label: "Reject the call" },
  { value: "message", label: "Play a message and hang up" },
] as const;
export type ActionChoice = (typeof ACTION_CHOICES)[number]["value"];

/** The forward picker's value for a typed-in number. */
export const EXTERNAL_CHOICE = "external";

export type RuleDraft = {
  name: string;
  isEnabled: boolean;
  hasPeriod: boolean;
  period: TTimePeriod;
  hasCaller: boolean;
  callerNumbers: string;
  countries: string[];
  hasDialled: boolean;
  dialledNumbers: string;
  action: ActionChoice;
  /** JSON of a stored destination, or EXTERNAL_CHOICE. */
  destinationKey: string;
  externalNumber: string;
  message: RuleMessageId;
};

const EMPTY_PERIOD: TTimePeriod = { weekdays: [], timeRanges: [], dateRanges: [], holidays: "any" };

export const destinationKey = (d: TRoutingDestination) => JSON.stringify(d);

/** "+1212*, 020 7946 0000" → a prefix and an exact number; spaces, dashes and brackets dropped. */
export function parsePatterns(text: string): TNumberPattern[] {
  return text.split(",").map((part) => part.trim()).filter(Boolean).map((part) => {
    const isPrefix = part.endsWith("*");
    return { number: part.replace(/\*$/, "").replace(/[\s\-().]/g, ""), match: isPrefix ? "prefix" : "exact" };
  });
}

export const formatPatterns = (patterns: TNumberPattern[] | null) => (patterns ?? []).map((p) => (p.match === "prefix" ? `${p.number}*` : p.number)).join(", ");

export function draftOf(rule: TCallRuleInput | null): RuleDraft {
  const action = rule?.action ?? { kind: "ringNormally" as const };
  return {
    name: rule?.name ?? "",
    isEnabled: rule?.isEnabled ?? true,
    hasPeriod: Boolean(rule?.period),
    period: rule?.period ?? EMPTY_PERIOD,
    hasCaller: Boolean(rule?.callerFilter),
    callerNumbers: formatPatterns(rule?.callerFilter?.patterns ?? null),
    countries: rule?.callerFilter?.countries ?? [],
    hasDialled: Boolean(rule?.dialledFilter),
    dialledNumbers: formatPatterns(rule?.dialledFilter ?? null),
    action: action.kind === "reject" ? action.cause : action.kind,
    destinationKey: action.kind === "forward" ? (action.destination.kind === "external" ? EXTERNAL_CHOICE : destinationKey(action.destination)) : "",
    externalNumber: action.kind === "forward" && action.destination.kind === "external" ? action.destination.number : "",
    message: action.kind === "message" ? action.message : "nobodyAvailable",
  };
}

function actionOf(draft: RuleDraft): unknown {
  switch (draft.action) {
    case "forward": {
      if (draft.destinationKey === EXTERNAL_CHOICE) return { kind: "forward", destination: { kind: "external", number: draft.externalNumber } };
      return { kind: "forward", destination: draft.destinationKey ? (JSON.parse(draft.destinationKey) as unknown) : undefined };
    }
    case "busy":
    case "rejected":
      return { kind: "reject", cause: draft.action };
    case "message":
      return { kind: "message", message: draft.message };
    default:
      return { kind: draft.action };
  }
}

/** The procedure's input for this draft, unchecked: ZCallRuleInput decides whether it is good. */
export function toRuleInput(draft: RuleDraft): unknown {
  return {
    name: draft.name,
    isEnabled: draft.isEnabled,
    period: draft.hasPeriod ? draft.period : null,
    callerFilter: draft.hasCaller ? { patterns: parsePatterns(draft.callerNumbers), countries: draft.countries } : null,
    dialledFilter: draft.hasDialled ? parsePatterns(draft.dialledNumbers) : null,
    action: actionOf(draft),
  };
}

/** Issue paths as the form's error keys: "period.timeRanges.0.end" → shown by the fields that own them. */
export function errorsByPath(issues: readonly { path: readonly PropertyKey[]; message: string }[]): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of issues) {
    const key = issue.path.map(String).join(".");
    errors[key] ??= issue.message;
  }
  return errors;
}

/** The first error at `prefix` or below it, for a field that shows one message for its part. */
export function errorUnder(errors: Record<string, string>, prefix: string): string | undefined {
  const key = Object.keys(errors).find((k) => k === prefix || k.startsWith(`${prefix}.`));
  return key ? errors[key] : undefined;
}
