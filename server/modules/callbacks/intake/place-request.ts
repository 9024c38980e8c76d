/**
 * The last checks before a request exists, and its insert: credit, daily spend, and the
 * concurrency cap, which is counted and enforced under a per-company advisory lock so that
 * two requests arriving together cannot both take the last free place.
 */
import { Prisma, type CallbackRequest } from "@/server/generated/prisma/client";
import { isCreditUsedUp } from "@/server/modules/billing/credit-rule";
import { startOfLocalDay } from "@/server/telephony/dialplan/local-day";
import type { TenantDb } from "@/server/tenancy";
import { CALLBACK_QUEUED, OPEN_CALLBACK_STATES, type CallbackRefusalCode } from "../contract";
import type { CallbackCompany } from "./company";
import { MAX_SCHEDULED_PER_TENANT } from "./limits";

export type RequestData = Omit<Prisma.CallbackRequestUncheckedCreateInput, "tenantId" | "state" | "id">;
type Refused = { ok: false; code: CallbackRefusalCode; message: string; retryAfterSec?: number };

/** Prepaid companies pay for external legs up front: refused when nothing is left to spend. */
export async function creditRefusal(scoped: TenantDb, company: CallbackCompany): Promise<Refused | null> {
  if (!company.isPrepaid) return null;
  const sum = await scoped.ledgerEntry.aggregate({ where: { currency: company.currency }, _sum: { amount: true } });
  const balance = sum._sum.amount ?? new Prisma.Decimal(0);
  if (!isCreditUsedUp({ isPrepaid: true, balance, creditLimit: company.creditLimit })) return null;
  return { ok: false, code: "OUT_OF_CREDIT", message: "The company's balance and credit are used up, so no callback can be placed." };
}

/**
 * What the company's callbacks cost today (rated CDRs of callback legs, local day). Calls in
 * progress are not rated yet, so the cap can be overshot by the calls running when it is met.
 */
export async function spendRefusal(scoped: TenantDb, company: CallbackCompany, now: Date): Promise<Refused | null> {
  const since = startOfLocalDay(now, company.timeZone);
  const sum = await scoped.callRecord.aggregate({
    where: { callbackRequestId: { not: null }, startedAt: { gte: since }, currency: company.currency },
    _sum: { cost: true },
  });
  const spent = sum._sum.cost ?? new Prisma.Decimal(0);
  if (spent.lessThan(company.dailySpendLimit)) return null;
  const tomorrowSec = Math.max(60, Math.ceil((startOfLocalDay(new Date(since.getTime() + 26 * 3600_000), company.timeZone).getTime() - now.getTime()) / 1000));
  return { ok: false, code: "DAILY_SPEND_LIMIT", message: "Today's callback budget is used up. Please try again tomorrow.", retryAfterSec: tomorrowSec };
}

const OPEN = [...OPEN_CALLBACK_STATES];

/** Inserts the request if the company has a free place; the NOTIFY wakes the workers after commit. */
export async function insertWithinCaps(scoped: TenantDb, company: CallbackCompany, data: RequestData, now: Date): Promise<{ ok: true; request: CallbackRequest } | Refused> {
  const isScheduled = data.notBefore !== undefined && new Date(data.notBefore).getTime() > now.getTime();
  return scoped.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`callback-cap:${company.id}`}, 0))`;
    if (isScheduled) {
      const scheduled = await tx.callbackRequest.count({ where: { state: "QUEUED", notBefore: { gt: now } } });
      if (scheduled >= MAX_SCHEDULED_PER_TENANT) {
        return { ok: false, code: "CONCURRENCY_LIMIT", message: "Too many callbacks are already waiting for opening time.", retryAfterSec: 600 } satisfies Refused;
      }
    } else {
      const open = await tx.callbackRequest.count({ where: { state: { in: OPEN }, notBefore: { lte: now } } });
      if (open >= company.maxConcurrent) {
        return { ok: false, code: "CONCURRENCY_LIMIT", message: "All lines for callbacks are busy right now. Please try again in a minute.", retryAfterSec: 30 } satisfies Refused;
      }
    }
    const request = await tx.callbackRequest.create({ data: { ...data, tenantId: company.id } });
    // Delivered at commit, and only then: a worker never looks for a row it cannot see yet.
    if (!isScheduled) await tx.$executeRaw`SELECT pg_notify(${CALLBACK_QUEUED}, '')`;
    return { ok: true, request } as const;
  });
}
