/**
 * Whether one call rule matches a call, and why (or why not) in words a customer understands:
 * "caller +44 2079460000 is from United Kingdom, not United States", "Monday 10:00 is outside
 * Mon–Fri 09:00–17:00", "disabled".
 */
import { callerCountry, countryName, displayNumber } from "./caller-country";
import { matchPeriod } from "./period";
import { localTimeOf, type RouteContext, type RuleNumber } from "./route-context";
import type { CompiledCallerFilter, CompiledNumberFilter, CompiledRule } from "./types";

export interface RuleVerdict {
  isMatch: boolean;
  reason: string;
}

export function matchesNumberFilter(filter: CompiledNumberFilter, number: RuleNumber): boolean {
  const { e164, short } = number;
  if (e164 !== null && (filter.exact.has(e164) || startsWithAny(e164, filter.prefixes))) return true;
  return short !== null && (filter.rawExact.has(short) || startsWithAny(short, filter.rawPrefixes));
}

/** A plain loop: `some` with an arrow would allocate a closure per rule per call. */
function startsWithAny(number: string, prefixes: readonly string[]): boolean {
  for (let i = 0; i < prefixes.length; i++) if (number.startsWith(prefixes[i]!)) return true;
  return false;
}

const DISABLED: RuleVerdict = { isMatch: false, reason: "disabled" };
const EVERY_CALL: RuleVerdict = { isMatch: true, reason: "applies to every call" };
const WITHHELD: RuleVerdict = { isMatch: false, reason: "caller withheld their number" };

/** The caller's number as reasons show it and their country, each worked out once per call (ctx.caller is set before any rule). */
function shownCaller(ctx: RouteContext, caller: RuleNumber): string {
  return (ctx.callerShown ??= caller.e164 !== null ? displayNumber(caller.e164) : caller.short ?? "");
}
function countryOfCaller(ctx: RouteContext, caller: RuleNumber): string | null {
  if (ctx.callerCountry === undefined) ctx.callerCountry = caller.e164 !== null ? callerCountry(caller.e164) : null;
  return ctx.callerCountry;
}

function matchCaller(ctx: RouteContext, filter: CompiledCallerFilter): RuleVerdict {
  const { caller } = ctx;
  if (caller.e164 === null && caller.short === null) return WITHHELD;
  const shown = shownCaller(ctx, caller);
  if (matchesNumberFilter(filter.numbers, caller)) return { isMatch: true, reason: `caller ${shown} matches ${filter.numbers.text}` };
  const country = countryOfCaller(ctx, caller);
  if (country !== null && filter.countries.has(country)) return { isMatch: true, reason: `caller ${shown} is from ${countryName(country)}` };
  const wanted = filter.countryNames;
  const from = caller.e164 === null ? "an internal caller" : `from ${countryName(country)}`;
  if (filter.numbers.text === "") return { isMatch: false, reason: `caller ${shown} is ${from}, not ${wanted}` };
  if (filter.countries.size === 0) return { isMatch: false, reason: `caller ${shown} does not match ${filter.numbers.text}` };
  return { isMatch: false, reason: `caller ${shown} does not match ${filter.numbers.text} and is ${from}, not ${wanted}` };
}

/** `dialled`: the DID for a number's rules; for an extension's, the DID the call came in on, else its number. */
export function matchRule(ctx: RouteContext, rule: CompiledRule, dialled: RuleNumber): RuleVerdict {
  if (!rule.isEnabled) return DISABLED;
  // The reasons of the parts that match, joined with "; " as they come (no array per rule).
  let reason = "";
  if (rule.period !== null) {
    const period = matchPeriod(rule.period, localTimeOf(ctx), ctx.plan.holidays);
    if (!period.isMatch) return period;
    reason = period.reason;
  }
  if (rule.caller !== null) {
    const caller = matchCaller(ctx, rule.caller);
    if (!caller.isMatch) return caller;
    reason = reason === "" ? caller.reason : `${reason}; ${caller.reason}`;
  }
  if (rule.dialled !== null) {
    const shown = dialled.e164 ?? dialled.short ?? "nothing";
    if (!matchesNumberFilter(rule.dialled, dialled)) return { isMatch: false, reason: `number dialled ${shown} does not match ${rule.dialled.text}` };
    const matched = `number dialled ${shown} matches ${rule.dialled.text}`;
    reason = reason === "" ? matched : `${reason}; ${matched}`;
  }
  return reason === "" ? EVERY_CALL : { isMatch: true, reason };
}
