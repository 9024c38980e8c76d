/** Builds a tenant's routing input (engine `TenantDialPlanInput`) from the database. */
import type { Db } from "@/server/db";
import { isUsableAsCli } from "@/server/modules/caller-id/domain";
import { routingTargetOf, type StoredDestination } from "../../modules/numbers/tenant/destinations";
import { companyDefaultCli, type DidTarget, type NumberingPlan, type TenantDialPlanInput } from "../engine";
import { createLogger, type Logger } from "../log";
import { callRuleSelect, followMeStepSelect, holidayDate, readExtensionRouting, readHuntGroups, readRules, type RoutingReader } from "./load-routing-config";

/** Dialling conventions by country code; the rest of the world dials "0" nationally and "00" abroad. */
const NUMBERING: Record<string, Omit<NumberingPlan, "countryCode">> = {
  "1": { nationalPrefix: "1", internationalPrefix: "011" },
};
const EMERGENCY: Record<string, string[]> = { "44": ["999", "112"], "1": ["911"] };
const DEFAULT_RING_TIMEOUT_SEC = 20;

export const numberingFor = (countryCode: string): NumberingPlan => ({
  countryCode,
  ...(NUMBERING[countryCode] ?? { nationalPrefix: "0", internationalPrefix: "00" }),
});

/** Voicemail box as Asterisk's VoiceMail() wants it: `<box>@<context>`, one context per tenant. */
export const mailboxFor = (tenantId: string, extensionNumber: string) => `${extensionNumber}@${tenantId}`;

/**
 * Reads everything routing needs for one tenant. Throws when the tenant does not exist.
 * A DID whose target extension was deleted keeps pointing at a missing id, so the engine
 * reports it (and routes the call to a clean rejection) instead of the loader hiding it.
 */
export async function loadTenantDialPlan(db: Db, tenantId: string, options: { trunk: string; log?: Logger }): Promise<TenantDialPlanInput> {
  const byPosition = { orderBy: { position: "asc" } } as const;
  const tenant = await db.tenant.findUniqueOrThrow({
    where: { id: tenantId },
    select: {
      status: true,
      timeZone: true,
      countryCode: true,
      extensions: {
        include: {
          sipAccount: { select: { username: true } },
          followMeSteps: { select: followMeStepSelect, ...byPosition },
          callRules: { select: callRuleSelect, ...byPosition },
        },
        orderBy: { number: "asc" },
      },
      dids: { include: { callRules: { select: callRuleSelect, ...byPosition } }, orderBy: { number: "asc" } },
      huntGroups: { include: { members: { select: { extensionId: true, ringSec: true }, ...byPosition } }, orderBy: { number: "asc" } },
      holidays: { select: { date: true }, orderBy: { date: "asc" } },
      sipAccounts: { where: { type: "FAX" }, select: { id: true, username: true }, orderBy: { username: "asc" } },
      blockedNumbers: true,
      verifiedMobiles: { select: { number: true, verifiedAt: true }, orderBy: { number: "asc" } },
      partner: { select: { allowUnverifiedMobileCli: true } },
    },
  });
  const mailboxOf = (extensionId: string | null) => mailboxFor(tenantId, tenant.extensions.find((e) => e.id === extensionId)?.number ?? "general");
  const reader: RoutingReader = { mailboxOf, log: (options.log ?? createLogger()).child({ tenantId }) };
  const dids = tenant.dids.flatMap((did): TenantDialPlanInput["dids"] => {
    const target = didTarget(did, mailboxOf);
    return target ? [{ number: did.number, target, rules: readRules(reader, did.callRules) }] : [];
  });
  const clis = tenant.dids.map((d) => d.number);
  // Mobiles the company proved (or listed, where the partner allows it) may be presented too,
  // but never become the default: that stays the company's own number.
  const mobileClis = tenant.verifiedMobiles.filter((m) => isUsableAsCli(m, tenant.partner)).map((m) => m.number);
  return {
    tenantId,
    timeZone: tenant.timeZone,
    isSuspended: tenant.status !== "ACTIVE",
    numbering: numberingFor(tenant.countryCode),
    defaultRingTimeoutSec: DEFAULT_RING_TIMEOUT_SEC,
    extensions: tenant.extensions.map((ext) => ({
      id: ext.id,
      number: ext.number,
      displayName: ext.displayName,
      endpoint: ext.sipAccount ? `PJSIP/${ext.sipAccount.username}` : null,
      voicemail: { isEnabled: ext.voicemailEnabled, mailbox: mailboxFor(tenantId, ext.number) },
      outboundCli: ext.outboundCli,
      ringTimeoutSec: ext.ringTimeoutSec,
      ...readExtensionRouting(reader, ext),
    })),
    faxAccounts: tenant.sipAccounts.map((fax) => ({ id: fax.id, endpoint: `PJSIP/${fax.username}`, label: fax.username })),
    dids,
    huntGroups: readHuntGroups(reader, tenant.huntGroups),
    holidays: tenant.holidays.map((h) => holidayDate(h.date)),
    blocked: tenant.blockedNumbers.map((b) => ({ number: b.pattern, match: b.isPrefix ? "prefix" : "exact" })),
    isAnonymousBlocked: false,
    // A tenant without numbers cannot present a CLI, so it has no outbound calling.
    outbound: clis.length > 0 ? { trunk: options.trunk, allowedClis: [...clis, ...mobileClis], defaultCli: companyDefaultCli(clis)! } : null,
    emergencyNumbers: EMERGENCY[tenant.countryCode] ?? ["112"],
  };
}

/** Each destination kind says how it routes (server/modules/numbers/tenant/destinations.ts). */
function didTarget(did: StoredDestination & { number: string }, mailboxOf: (extensionId: string | null) => string): DidTarget | null {
  return routingTargetOf(did, { mailboxOf });
}
