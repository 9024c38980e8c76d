/**
 * The home pages' figures, one query each, on the tenant scope. Live phone states are not
 * here: the home page reads them from presence.find and the event stream, like Live status.
 */
import type { Prisma } from "../../generated/prisma/client";
import type { TenantScope } from "../../tenancy";
import { getBalance } from "../billing/ledger-service";
import { findExtensions, type Viewer } from "../extensions/service";
import { companyDefaultCli } from "../../telephony/engine/default-cli";
import { nextBillingPeriodStart, startOfDayIn } from "./day-start";

type Clock = { now?: Date; timeZone: string };

/** For company administrators: money, spare accounts, people and today's calls. */
export async function getAdminHome(scope: TenantScope, { now = new Date(), timeZone }: Clock) {
  const { db } = scope;
  const [balances, charges, numberCharges, unusedAccounts, users, admins, callsToday] = await Promise.all([
    getBalance(scope),
    db.sipAccount.groupBy({ by: ["priceCurrency"], where: { monthlyPrice: { not: null }, priceCurrency: { not: null } }, _sum: { monthlyPrice: true }, _count: true, orderBy: { priceCurrency: "asc" } }),
    db.numberPurchase.groupBy({ by: ["currency"], where: { status: "COMPLETED" }, _sum: { monthlyFee: true }, _count: true, orderBy: { currency: "asc" } }),
    db.sipAccount.count({ where: { type: "CENTREX_LINE", extension: null } }),
    db.user.count(),
    db.user.count({ where: { role: "CUSTOMER_ADMIN" } }),
    db.callRecord.count({ where: { startedAt: { gte: startOfDayIn(timeZone, now) } } }),
  ]);
  return {
    balance: balances[0]!,
    nextCharge: {
      on: nextBillingPeriodStart(now),
      // Per currency: accounts and numbers keep the price (and currency) they were bought at.
      totals: chargeTotals(
        charges.map((c) => ({ currency: c.priceCurrency!, amount: c._sum.monthlyPrice!, accounts: c._count, numbers: 0 })),
        numberCharges.map((c) => ({ currency: c.currency, amount: c._sum.monthlyFee!, accounts: 0, numbers: c._count })),
      ),
    },
    unusedAccounts,
    users: { total: users, admins },
    callsToday,
  };
}

type ChargeTotal = { currency: string; amount: Prisma.Decimal; accounts: number; numbers: number };

/** One total per currency, accounts and numbers together, in currency order. */
function chargeTotals(...groups: ChargeTotal[][]) {
  const byCurrency = new Map<string, ChargeTotal>();
  for (const t of groups.flat()) {
    const sum = byCurrency.get(t.currency);
    byCurrency.set(t.currency, sum ? { ...sum, amount: sum.amount.plus(t.amount), accounts: sum.accounts + t.accounts, numbers: sum.numbers + t.numbers } : t);
  }
  return [...byCurrency.values()].sort((a, b) => a.currency.localeCompare(b.currency)).map((t) => ({ ...t, amount: t.amount.toString() }));
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
