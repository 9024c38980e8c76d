/**
 * The call-routing part of compileDialPlan: hunt groups, call rules, follow-me lists and
 * holidays, indexed and parsed once. Like the rest of compilation it never throws: a bad entry
 * is dropped or repaired with a warning. Dangling references are reported by routing-warnings.ts.
 */
import { countryName, isKnownCountry } from "./caller-country";
import { flowId } from "./flow-ids";
import { cleanNumber, normalizePrefix, parseNumber } from "./normalize-number";
import { sharedPeriods } from "./period";
import { huntGroupFacts } from "./routing-facts";
import type {
  CallRuleConfig, CompiledCallerFilter, CompiledDid, CompiledHuntGroup, CompiledFollowMe, CompiledNumberFilter, CompiledRule, Extension, NumberingPlan, NumberPattern, TenantDialPlanInput,
} from "./types";

interface Indexes {
  extensionsById: ReadonlyMap<string, Extension>;
  extensionsByNumber: ReadonlyMap<string, Extension>;
  /** The DIDs compilation kept, by E.164. */
  didNumbers: Iterable<[string, TenantDialPlanInput["dids"][number]]>;
}

export interface CompiledRouting {
  huntGroupsById: Map<string, CompiledHuntGroup>;
  huntGroupsByNumber: Map<string, CompiledHuntGroup>;
  didRoutes: Map<string, CompiledDid>;
  rulesByOwner: Map<string, CompiledRule[]>;
  rulesByExtension: Map<string, CompiledRule[]>;
  rulesByDid: Map<string, CompiledRule[]>;
  followMeByExtension: Map<string, CompiledFollowMe>;
  holidays: Set<string>;
  generalMailbox: string;
}

export function compileRouting(raw: TenantDialPlanInput, indexes: Indexes, warnings: string[]): CompiledRouting {
  const compilePeriod = sharedPeriods();
  const huntGroupsById = new Map<string, CompiledHuntGroup>();
  const huntGroupsByNumber = new Map<string, CompiledHuntGroup>();
  for (const group of raw.huntGroups ?? []) {
    const number = group.number.trim();
    if (huntGroupsById.has(group.id)) {
      warnings.push(`hunt group ${group.name} (${group.id}) is listed twice; ignored`);
      continue;
    }
    const compiled: CompiledHuntGroup = { ...group, number, facts: huntGroupFacts({ ...group, number }, indexes.extensionsById) };
    huntGroupsById.set(group.id, compiled);
    if (indexes.extensionsByNumber.has(number)) warnings.push(`hunt group ${group.name}: number ${number} is an extension's; dialling it rings the extension`);
    else if (huntGroupsByNumber.has(number)) warnings.push(`hunt group ${group.name}: number ${number} is another hunt group's; ignored`);
    else huntGroupsByNumber.set(number, compiled);
  }

  const rulesByOwner = new Map<string, CompiledRule[]>();
  const rulesByExtension = new Map<string, CompiledRule[]>();
  const rulesByDid = new Map<string, CompiledRule[]>();
  const followMeByExtension = new Map<string, CompiledFollowMe>();
  for (const extension of indexes.extensionsById.values()) {
    const owner = `extension ${extension.number}`;
    if (extension.rules?.length) {
      const rules = compileRules(extension.rules, owner, raw.numbering, warnings, compilePeriod);
      rulesByOwner.set(flowId.extension(extension.id), rules);
      rulesByExtension.set(extension.id, rules);
      extension.facts.rules = rules;
    }
    const { followMe } = extension;
    if (followMe && followMe.steps.length === 0) warnings.push(`${owner}: follow-me has no entries; the extension rings normally`);
    else if (followMe) {
      const steps = followMe.steps.map((step, i) => ({
        ...step,
        period: step.activePeriod ? compilePeriod(step.activePeriod, `${owner}: follow-me step ${i + 1}`, warnings) : null,
        nodeId: flowId.followMeStep(extension.id, step.id),
        name: `Follow-me entry ${i + 1}`,
      }));
      const compiled: CompiledFollowMe = { strategy: followMe.strategy, ringSelfFirstSec: followMe.ringSelfFirstSec, steps };
      followMeByExtension.set(extension.id, compiled);
      extension.facts.followMe = compiled;
    }
  }
  const didRoutes = new Map<string, CompiledDid>();
  for (const [e164, did] of indexes.didNumbers) {
    const nodeId = flowId.did(e164);
    let rules: CompiledRule[] | undefined;
    if (did.rules?.length) {
      rules = compileRules(did.rules, `DID ${e164}`, raw.numbering, warnings, compilePeriod);
      rulesByOwner.set(nodeId, rules);
      rulesByDid.set(e164, rules);
    }
    didRoutes.set(e164, { e164, target: did.target, nodeId, noRuleNodeId: flowId.noRuleMatched(nodeId), hangupNodeIds: {}, rules, dialled: { e164, short: null } });
  }

  const holidays = new Set<string>();
  for (const day of raw.holidays ?? []) {
    if (/^\d{4}-\d{2}-\d{2}$/.test(day)) holidays.add(day);
    else warnings.push(`holiday "${day}" is not a date YYYY-MM-DD; ignored`);
  }
  return { huntGroupsById, huntGroupsByNumber, didRoutes, rulesByOwner, rulesByExtension, rulesByDid, followMeByExtension, holidays, generalMailbox: raw.generalMailbox ?? `general@${raw.tenantId}` };
}

function compileRules(rules: CallRuleConfig[], owner: string, numbering: NumberingPlan, warnings: string[], compilePeriod: ReturnType<typeof sharedPeriods>): CompiledRule[] {
  return rules.map((rule) => {
    const label = `${owner}: rule "${rule.name}"`;
    return {
      id: rule.id,
      nodeId: flowId.rule(rule.id),
      matchesHead: `Rule "${rule.name}": matches (`,
      missesHead: `Rule "${rule.name}": does not match (`,
      name: rule.name,
      isEnabled: rule.isEnabled,
      period: rule.period ? compilePeriod(rule.period, label, warnings) : null,
      caller: rule.callerFilter ? compileCallerFilter(rule.callerFilter, label, numbering, warnings) : null,
      dialled: rule.dialledFilter?.length ? compileNumberFilter(rule.dialledFilter, label, numbering, warnings) : null,
      action: rule.action,
    };
  });
}

function compileCallerFilter(filter: NonNullable<CallRuleConfig["callerFilter"]>, owner: string, numbering: NumberingPlan, warnings: string[]): CompiledCallerFilter | null {
  if (filter.patterns.length === 0 && filter.countries.length === 0) return null; // empty lists: any caller
  const countries = new Set<string>();
  for (const country of filter.countries) {
    if (isKnownCountry(country)) countries.add(country);
    else warnings.push(`${owner}: "${country}" is not a country code; ignored`);
  }
  const numbers = compileNumberFilter(filter.patterns, owner, numbering, warnings);
  const text = [numbers.text, [...countries].join(", ")].filter((t) => t !== "").join("; ");
  const names = [...countries].map(countryName);
  const countryNames = names.length <= 1 ? names.join("") : `${names.slice(0, -1).join(", ")} or ${names.at(-1)}`;
  return { numbers, countries, countryNames, text };
}

/** Patterns normalised like block rules (E.164 / E.164 prefixes), plus their raw digits for extension numbers. */
export function compileNumberFilter(patterns: NumberPattern[], owner: string, numbering: NumberingPlan, warnings: string[]): CompiledNumberFilter {
  const exact = new Set<string>();
  const prefixes: string[] = [];
  const rawExact = new Set<string>();
  const rawPrefixes: string[] = [];
  for (const pattern of patterns) {
    const raw = cleanNumber(pattern.number);
    const isDigits = /^\+?[0-9]+$/.test(raw);
    if (pattern.match === "prefix") {
      const normalized = normalizePrefix(pattern.number, numbering);
      if (normalized !== null) prefixes.push(normalized);
      if (isDigits && !raw.startsWith("+")) rawPrefixes.push(raw);
      if (normalized === null && !isDigits) warnings.push(`${owner}: "${pattern.number}" is not a number prefix; ignored`);
    } else {
      const parsed = parseNumber(pattern.number, numbering, "network");
      if (parsed.kind === "e164") exact.add(parsed.e164);
      if (isDigits && !raw.startsWith("+")) rawExact.add(raw);
      if (parsed.kind !== "e164" && !isDigits) warnings.push(`${owner}: "${pattern.number}" is not a number; ignored`);
    }
  }
  const text = patterns.map((p) => (p.match === "prefix" ? `${p.number}…` : p.number)).join(", ");
  return { exact, prefixes, rawExact, rawPrefixes, text };
}
