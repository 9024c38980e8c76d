/**
 * The home pages' figures, one query each, on the tenant scope. Live phone states are not
 * here: the home page reads them from presence.find and the event stream, like Live status.
 */
import type { TenantScope } from "../../tenancy";
import { getBalance } from "../billing/ledger-service";
import { findExtensions, type Viewer } from "../extensions/service";
import { companyDefaultCli } from "../../telephony/engine/default-cli";
import { nextBillingPeriodStart, startOfDayIn } from "./day-start";

type Clock = { now?: Date; timeZone: string };

/** For company administrators: money, spare accounts, people and today's calls. */
export async function getAdminHome(scope: TenantScope, { now = new Date(), timeZone }: Clock) {
  const { db } = scope;
  const [balances, charges, unusedAccounts, users, admins, callsToday] = await Promise.all([
    getBalance(scope),
    db.sipAccount.groupBy({ by: ["priceCurrency"], where: { monthlyPrice: { not: null }, priceCurrency: { not: null } }, _sum: { monthlyPrice: true }, _count: true, orderBy: { priceCurrency: "asc" } }),
    db.sipAccount.count({ where: { type: "CENTREX_LINE", extension: null } }),
    db.user.count(),
    db.user.count({ where: { role: "CUSTOMER_ADMIN" } }),
    db.callRecord.count({ where: { startedAt: { gte: startOfDayIn(timeZone, now) } } }),
  ]);
  return {
    balance: balances[0]!,
    nextCharge: {
      on: nextBillingPeriodStart(now),
      // Per currency: accounts keep the price (and currency) they were bought at.
      totals: charges.map((c) => ({ currency: c.priceCurrency!, amount: c._sum.monthlyPrice!.toString(), accounts: c._count })),
    },
    unusedAccounts,
    users: { total: users, admins },
    callsToday,
  };
}

/** For anyone: their own extensions' settings and today's calls on them. */
export async function getMyHome(scope: TenantScope, viewer: Viewer, { now = new Date(), timeZone }: Clock) {
  const extensions = await findExtensions(scope, { ...viewer, role: "EXTENSION_USER" }); // own ones, admins too
  const usesCompanyCli = extensions.some((e) => e.outboundCli === null);
  const dids = usesCompanyCli ? await scope.db.did.findMany({ select: { number: true }, orderBy: { number: "asc" } }) : [];
  const callsToday =
    extensions.length === 0
      ? 0
      : await scope.db.callRecord.count({ where: { extensionId: { in: extensions.map((e) => e.id) }, startedAt: { gte: startOfDayIn(timeZone, now) } } });
  // What callers see: the extension's own number, else what the company default resolves to
  // (the numbers themselves stay with the admins).
  const companyCli = companyDefaultCli(dids.map((d) => d.number));
  return {
    extensions: extensions.map((e) => ({
      id: e.id, number: e.number, displayName: e.displayName, voicemailEnabled: e.voicemailEnabled,
      callerId: e.outboundCli ?? companyCli, isCompanyCallerId: e.outboundCli === null,
    })),
    callsToday,
  };
}
