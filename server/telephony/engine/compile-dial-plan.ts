import { compileMedia } from "./compile-media";
import { compileRouting } from "./compile-routing";
import { compileSpeedDials } from "./compile-speed-dials";
import { collectRoutingWarnings, indexExternalNumbers } from "./destination-problem";
import { extensionFacts } from "./routing-facts";
import { normalizePrefix, parseNumber, toNetworkE164 } from "./normalize-number";
import { sharedPeriods } from "./period";
import type { BlockIndex, BlockRule, DidConfig, DidTarget, Extension, FaxAccountConfig, TenantDialPlan, TenantDialPlanInput } from "./types";

/**
 * Indexes and normalises a tenant's configuration once, so that routing is a handful of
 * Map/Set lookups. Never throws: bad entries are skipped (first entry wins on duplicates)
 * and described in `warnings`, because one typo must not take down a tenant's routing.
 */
export function compileDialPlan(raw: TenantDialPlanInput): TenantDialPlan {
  const warnings: string[] = [];
  const { numbering } = raw;

  const extensionsById = new Map<string, Extension>();
  const extensionsByNumber = new Map<string, Extension>();
  const extensionsByEndpoint = new Map<string, Extension>();
  for (const config of raw.extensions) {
    const number = config.number.trim();
    if (extensionsById.has(config.id) || extensionsByNumber.has(number)) {
      warnings.push(`extension ${number} (${config.id}) duplicates an earlier one; ignored`);
      continue;
    }
    const outboundCli = config.outboundCli === null ? null : toNetworkE164(config.outboundCli, numbering);
    if (config.outboundCli !== null && outboundCli === null) {
      warnings.push(`extension ${number}: outbound CLI "${config.outboundCli}" is not a valid number`);
    }
    const extension: Extension = { ...config, number, outboundCli, facts: extensionFacts({ ...config, number }, raw.defaultRingTimeoutSec) };
    extensionsById.set(config.id, extension);
    extensionsByNumber.set(number, extension);
    if (config.endpoint !== null) extensionsByEndpoint.set(config.endpoint, extension);
  }

  const faxAccountsById = new Map<string, FaxAccountConfig>();
  for (const fax of raw.faxAccounts ?? []) {
    if (faxAccountsById.has(fax.id)) warnings.push(`fax account ${fax.label} (${fax.id}) is listed twice; ignored`);
    else faxAccountsById.set(fax.id, fax);
  }

  const didsByNumber = new Map<string, DidTarget>();
  const didConfigs = new Map<string, DidConfig>();
  for (const did of raw.dids) {
    const e164 = toNetworkE164(did.number, numbering);
    if (e164 === null) warnings.push(`DID "${did.number}" is not a valid number; ignored`);
    else if (didsByNumber.has(e164)) warnings.push(`DID ${e164} is listed twice; the first target wins`);
    else {
      const { target } = did;
      const dangling = target.kind === "extension" && !extensionsById.has(target.extensionId);
      if (dangling) warnings.push(`DID ${e164} points at a missing extension; calls to it are unallocated`);
      if (target.kind === "fax" && !faxAccountsById.has(target.sipAccountId)) {
        warnings.push(`DID ${e164} points at a missing fax account; calls to it are unallocated`);
      }
      didsByNumber.set(e164, did.target);
      didConfigs.set(e164, did);
    }
  }

  let outbound: TenantDialPlan["outbound"] = null;
  if (raw.outbound !== null) {
    const allowedClis = new Set<string>();
    for (const cli of [raw.outbound.defaultCli, ...raw.outbound.allowedClis]) {
      const e164 = toNetworkE164(cli, numbering);
      if (e164 === null) warnings.push(`allowed CLI "${cli}" is not a valid number; ignored`);
      else allowedClis.add(e164);
    }
    const defaultCli = toNetworkE164(raw.outbound.defaultCli, numbering);
    if (defaultCli === null) warnings.push("the trunk's default CLI is invalid; outbound calls are barred");
    else outbound = { trunk: raw.outbound.trunk, allowedClis, defaultCli };
  }

  const emergencyNumbers = new Set(raw.emergencyNumbers.map((n) => n.trim()).filter((n) => n !== ""));
  const routing = compileRouting(raw, { extensionsById, extensionsByNumber, didNumbers: didConfigs }, warnings);
  const media = compileMedia(raw, { extensionsByNumber, huntGroupsByNumber: routing.huntGroupsByNumber }, warnings, sharedPeriods());
  const indexed: Omit<TenantDialPlan, "externalNumbers"> = {
    tenantId: raw.tenantId,
    timeZone: raw.timeZone,
    numbering,
    defaultRingTimeoutSec: raw.defaultRingTimeoutSec,
    extensionsById,
    extensionsByNumber,
    extensionsByEndpoint,
    faxAccountsById,
    didsByNumber,
    blocked: compileBlockList(raw, warnings),
    outbound,
    emergencyNumbers,
    isSuspended: raw.isSuspended === true,
    ...routing,
    ...media,
    speedDialsByCode: compileSpeedDials(raw, {
      emergencyNumbers,
      isInternalNumber: (n) => extensionsByNumber.has(n) || routing.huntGroupsByNumber.has(n) || media.queuesByNumber.has(n),
    }, warnings),
    warnings,
  };
  const plan: TenantDialPlan = { ...indexed, externalNumbers: indexExternalNumbers(indexed) };
  collectRoutingWarnings(plan, warnings);
  return plan;
}

function compileBlockList(raw: TenantDialPlanInput, warnings: string[]): BlockIndex {
  const exact = new Set<string>();
  const prefixes = new Set<string>();
  for (const rule of raw.blocked) {
    const normalized = normalizeRule(rule, raw);
    if (normalized === null) warnings.push(`block rule "${rule.number}" (${rule.match}) is not a number; ignored`);
    else (rule.match === "exact" ? exact : prefixes).add(normalized);
  }
  const lengths = [...prefixes].map((p) => p.length);
  return {
    exact,
    prefixes,
    minPrefixLength: lengths.length > 0 ? Math.min(...lengths) : 0,
    maxPrefixLength: lengths.length > 0 ? Math.max(...lengths) : 0,
    isAnonymousBlocked: raw.isAnonymousBlocked,
  };
}

function normalizeRule(rule: BlockRule, raw: TenantDialPlanInput): string | null {
  if (rule.match === "prefix") return normalizePrefix(rule.number, raw.numbering);
  const parsed = parseNumber(rule.number, raw.numbering, "network");
  return parsed.kind === "e164" ? parsed.e164 : null;
}
