/**
 * Gold / silver / bronze numbers: a partner's pattern rules decide which premium a number
 * carries. Pure and browser-safe: the back office previews a tier with the same function the
 * purchase prices with. Rules look at the national significant number (no country code, no
 * trunk prefix), because that is what people remember: "020 7000 0000" is round, "+44" is not.
 */
import { z } from "zod";
import { singleLine } from "../../validation/text";

export type TierRule =
  /** The same digit `length` or more times in a row: 2071 **7777** 1. */
  | { kind: "repeated"; length: number }
  /** `length` or more consecutive digits counting up or down: 20 **12345** 6. */
  | { kind: "sequence"; length: number }
  /** Ends in `zeros` or more zeros: 20 7123 **000**. */
  | { kind: "roundEnding"; zeros: number }
  /** The partner's own pattern, tested against the national digits. */
  | { kind: "regex"; pattern: string };

export type Tier<Money = string> = { name: string; rank: number; rules: readonly TierRule[]; setupPremium: Money; monthlyPremium: Money };

const MAX_PATTERN = 120;

/**
 * A regular expression a partner may save: it compiles, it is short, and it has no nested
 * quantifier such as (a+)+, which backtracks exponentially. The inputs are at most 15 digits,
 * so this bounds every match to a few thousand steps.
 */
export function patternProblem(pattern: string): string | null {
  if (pattern.length === 0) return "Enter a pattern.";
  if (pattern.length > MAX_PATTERN) return `Keep the pattern under ${MAX_PATTERN} characters.`;
  if (/[\u0000-\u001f\u007f]/.test(pattern)) return "The pattern contains control characters.";
  try {
    new RegExp(pattern);
  } catch (err) {
    return `This is not a valid regular expression: ${(err as Error).message.replace(/^Invalid regular expression: /, "")}`;
  }
  if (/\([^()]*[+*}][^()]*\)\s*[+*{]/.test(pattern)) return "Nested repetition such as (1+)+ is not allowed; it can take very long to match.";
  return null;
}

const ZLength = (label: string) => z.number({ error: `${label} must be a number.` }).int().min(2, `${label} must be at least 2.`).max(15, `${label} cannot exceed 15.`);

export const ZTierRule = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("repeated"), length: ZLength("Run length") }),
  z.object({ kind: z.literal("sequence"), length: ZLength("Sequence length") }),
  z.object({ kind: z.literal("roundEnding"), zeros: z.number().int().min(1, "Zeros must be at least 1.").max(14, "Zeros cannot exceed 14.") }),
  z.object({
    kind: z.literal("regex"),
    pattern: singleLine({ trim: false }).superRefine((pattern, ctx) => {
      const problem = patternProblem(pattern);
      if (problem) ctx.addIssue({ code: "custom", message: problem });
    }),
  }),
]);
export const ZTierRules = z.array(ZTierRule).min(1, "Add at least one rule.").max(20, "At most 20 rules per tier.");

function longestRun(digits: string, step: (a: number, b: number) => boolean): number {
  let best = digits.length > 0 ? 1 : 0;
  let run = 1;
  for (let i = 1; i < digits.length; i++) {
    run = step(Number(digits[i - 1]), Number(digits[i])) ? run + 1 : 1;
    best = Math.max(best, run);
  }
  return best;
}

export function ruleMatches(rule: TierRule, digits: string): boolean {
  switch (rule.kind) {
    case "repeated":
      return longestRun(digits, (a, b) => a === b) >= rule.length;
    case "sequence":
      return longestRun(digits, (a, b) => b === a + 1) >= rule.length || longestRun(digits, (a, b) => b === a - 1) >= rule.length;
    case "roundEnding":
      return (/0+$/.exec(digits)?.[0].length ?? 0) >= rule.zeros;
    case "regex":
      // Saved patterns were checked by patternProblem; a bad one read back matches nothing.
      try {
        return new RegExp(rule.pattern).test(digits);
      } catch {
        return false;
      }
  }
}

/** The highest-ranked tier with a rule matching the national digits, or null (a standard number). */
export function tierFor<T extends Pick<Tier<unknown>, "rank" | "rules">>(nationalDigits: string, tiers: readonly T[]): T | null {
  if (!/^\d{1,17}$/.test(nationalDigits)) return null;
  let best: T | null = null;
  for (const tier of tiers) {
    if ((best === null || tier.rank > best.rank) && tier.rules.some((rule) => ruleMatches(rule, nationalDigits))) best = tier;
  }
  return best;
}

/** "4 or more of the same digit in a row", for the back office's tier list. */
export function describeRule(rule: TierRule): string {
  switch (rule.kind) {
    case "repeated":
      return `${rule.length} or more of the same digit in a row`;
    case "sequence":
      return `${rule.length} or more digits in sequence (up or down)`;
    case "roundEnding":
      return `ends in ${rule.zeros} or more zeros`;
    case "regex":
      return `matches /${rule.pattern}/`;
  }
}
