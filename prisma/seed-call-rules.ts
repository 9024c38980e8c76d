/**
 * Demo call rules and holidays: England and Wales bank holidays for both demo companies, a
 * holiday closure on Globex's number, a rule for callers from France on Acme's number, and an
 * evening rule (off) on Bob's extension, so the rule editor, "what happens if" and the call
 * flow have something to show. None of them touches a UK caller on a working day, which the
 * other demo flows (and their tests) rely on. Idempotent per company: one with rules or
 * holidays already is left alone. Rules go through ZCallRuleInput, so a typo fails the seed.
 */
import type { Prisma } from "../server/generated/prisma/client";
import { ZCallRuleInput, type TCallRuleInput } from "../server/modules/routing/rules/schema";
import type { TTimePeriod } from "../server/modules/routing/stored";
import { DEMO_TELEPHONY } from "./seed-telephony";

type Tx = Prisma.TransactionClient;

/** gov.uk/bank-holidays, England and Wales; substitute days where the day falls on a weekend. */
export const UK_BANK_HOLIDAYS: [date: string, name: string][] = [
  ["2026-01-01", "New Year’s Day"], ["2026-04-03", "Good Friday"], ["2026-04-06", "Easter Monday"],
  ["2026-05-04", "Early May bank holiday"], ["2026-05-25", "Spring bank holiday"], ["2026-08-31", "Summer bank holiday"],
  ["2026-12-25", "Christmas Day"], ["2026-12-28", "Boxing Day (substitute day)"],
  ["2027-01-01", "New Year’s Day"], ["2027-03-26", "Good Friday"], ["2027-03-29", "Easter Monday"],
  ["2027-05-03", "Early May bank holiday"], ["2027-05-31", "Spring bank holiday"], ["2027-08-30", "Summer bank holiday"],
  ["2027-12-27", "Christmas Day (substitute day)"], ["2027-12-28", "Boxing Day (substitute day)"],
];

const ANY_TIME: TTimePeriod = { weekdays: [], timeRanges: [], dateRanges: [], holidays: "any" };

const rule = (r: Omit<TCallRuleInput, "isEnabled" | "dialledFilter"> & { isEnabled?: boolean }): TCallRuleInput =>
  ZCallRuleInput.parse({ isEnabled: true, dialledFilter: null, ...r });

type DemoRules = { did?: TCallRuleInput[]; extensions?: Record<string, TCallRuleInput[]> };

export const DEMO_RULES: Record<keyof typeof DEMO_TELEPHONY, DemoRules> = {
  "Acme Ltd": {
    did: [rule({ name: "Callers from France", period: null, callerFilter: { patterns: [], countries: ["FR"] }, action: { kind: "voicemail" } })],
    extensions: {
      "202": [rule({ name: "Evenings to voicemail", isEnabled: false, period: { ...ANY_TIME, timeRanges: [{ start: "18:00", end: "08:00" }] }, callerFilter: null, action: { kind: "voicemail" } })],
    },
  },
  "Globex Corp": {
    did: [rule({ name: "Closed on holidays", period: { ...ANY_TIME, holidays: "only" }, callerFilter: null, action: { kind: "message", message: "nobodyAvailable" } })],
  },
};

const ruleRow = (tenantId: string, owner: { didId: string } | { extensionId: string }, r: TCallRuleInput, position: number) => ({
  tenantId, ...owner, position, name: r.name, isEnabled: r.isEnabled, action: r.action,
  period: r.period ?? undefined, callerFilter: r.callerFilter ?? undefined, dialledFilter: r.dialledFilter ?? undefined,
});

export async function seedDemoCallRules(tx: Tx, partnerId: string) {
  for (const [tenantName, plan] of Object.entries(DEMO_RULES)) {
    const tenant = await tx.tenant.findFirst({ where: { partnerId, name: tenantName }, select: { id: true } });
    if (!tenant || (await tx.callRule.count({ where: { tenantId: tenant.id } })) || (await tx.holiday.count({ where: { tenantId: tenant.id } }))) continue;
    await tx.holiday.createMany({ data: UK_BANK_HOLIDAYS.map(([date, name]) => ({ tenantId: tenant.id, date: new Date(`${date}T00:00:00Z`), name })) });
    const did = await tx.did.findFirst({ where: { tenantId: tenant.id, number: DEMO_TELEPHONY[tenantName as keyof typeof DEMO_TELEPHONY].did }, select: { id: true } });
    if (did && plan.did) await tx.callRule.createMany({ data: plan.did.map((r, i) => ruleRow(tenant.id, { didId: did.id }, r, i)) });
    for (const [number, rules] of Object.entries(plan.extensions ?? {})) {
      const ext = await tx.extension.findFirst({ where: { tenantId: tenant.id, number }, select: { id: true } });
      if (ext) await tx.callRule.createMany({ data: rules.map((r, i) => ruleRow(tenant.id, { extensionId: ext.id }, r, i)) });
    }
  }
}
