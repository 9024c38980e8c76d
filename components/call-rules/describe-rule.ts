/**
 * A rule in words, as the list shows it: "Weekdays 09:00–17:00 · from United States → forward
 * to +1 212-555-0100". Pure and browser-safe; destinations are named by the caller (it knows
 * the company's extensions), external numbers are formatted here.
 */
import { countryName, formatInternational } from "@/components/format/phone-display";
import { RULE_MESSAGES } from "@/server/telephony/engine/types";
import type { TCallerFilter, TNumberPattern, TRoutingDestination, TRuleAction, TTimePeriod } from "@/server/modules/routing/stored";

const DAY_NAMES = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"] as const;

const sameDays = (days: number[], wanted: number[]) => days.length === wanted.length && wanted.every((d) => days.includes(d));

export function describeWeekdays(days: number[]): string | null {
  if (days.length === 0 || days.length === 7) return null;
  if (sameDays(days, [1, 2, 3, 4, 5])) return "Weekdays";
  if (sameDays(days, [6, 7])) return "Weekends";
  return [...days].sort().map((d) => DAY_NAMES[d - 1]).join(", ");
}

/** null when the period does not restrict anything (it is "any time"). */
export function describePeriod(period: TTimePeriod | null): string | null {
  if (!period) return null;
  const parts = [
    describeWeekdays(period.weekdays),
    period.timeRanges.map((r) => `${r.start}–${r.end}`).join(", ") || null,
    period.dateRanges.map((r) => (r.from === r.to ? r.from : `${r.from} to ${r.to}`)).join(", ") || null,
    period.holidays === "only" ? "on holidays" : period.holidays === "except" ? "except holidays" : null,
  ].filter(Boolean);
  return parts.length > 0 ? parts.join(" ") : null;
}

/** "+1212…" for a prefix, the formatted number for an exact one. */
export const describePattern = (p: TNumberPattern) => (p.match === "prefix" ? `${p.number}…` : formatInternational(p.number));

const orList = (items: string[]) => (items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} or ${items.at(-1)}`);

export function describeCaller(filter: TCallerFilter | null): string | null {
  if (!filter) return null;
  const names = [...filter.countries.map((iso) => countryName(iso, "en-GB")), ...filter.patterns.map(describePattern)];
  return names.length > 0 ? `from ${orList(names)}` : null;
}

export function describeDialled(patterns: TNumberPattern[] | null): string | null {
  return patterns && patterns.length > 0 ? `dialled ${orList(patterns.map(describePattern))}` : null;
}

export type DestinationNamer = (destination: TRoutingDestination) => string;

export function describeAction(action: TRuleAction, nameOf: DestinationNamer): string {
  switch (action.kind) {
    case "forward":
      return `forward to ${action.destination.kind === "external" ? formatInternational(action.destination.number) : nameOf(action.destination)}`;
    case "ringNormally":
      return "ring normally";
    case "voicemail":
      return "voicemail";
    case "reject":
      return action.cause === "busy" ? "reject as busy" : "reject";
    case "message":
      return `play “${RULE_MESSAGES[action.message].label}” and hang up`;
  }
}

type RuleLike = { period: TTimePeriod | null; callerFilter: TCallerFilter | null; dialledFilter: TNumberPattern[] | null; action: TRuleAction };

export function describeRule(rule: RuleLike, nameOf: DestinationNamer): string {
  const when = [describePeriod(rule.period), describeCaller(rule.callerFilter), describeDialled(rule.dialledFilter)].filter(Boolean);
  return `${when.length > 0 ? when.join(" · ") : "Every call"} → ${describeAction(rule.action, nameOf)}`;
}
