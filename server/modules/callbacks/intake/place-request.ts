/**
 * The last checks before a request exists, and its insert: credit, daily spend, and the
 * concurrency cap, which the database enforces at the insert (see insertWithinCaps).
 */
import type { CallbackRequest, Prisma } from "@/server/generated/prisma/client";
import { isCreditUsedUp } from "@/server/modules/billing/credit-rule";
import { startOfLocalDay } from "@/server/telephony/dialplan/local-day";
import type { TenantDb } from "@/server/tenancy";
import type { CallbackRefusalCode } from "../contract";
import type { CallbackCompany } from "./company";

export type RequestData = Omit<Prisma.CallbackRequestUncheckedCreateInput, "tenantId" | "state" | "id">;
type Refused = { ok: false; code: CallbackRefusalCode; message: string; retryAfterSec?: number };

/** Prepaid companies pay for external legs up front: refused when nothing is left to spend. */
export function creditRefusal(company: CallbackCompany): Refused | null {
  if (!company.isPrepaid) return null;
  if (!isCreditUsedUp({ isPrepaid: true, balance: company.balance, creditLimit: company.creditLimit })) return null;
  return { ok: false, code: "OUT_OF_CREDIT", message: "The company's balance and credit are used up, so no callback can be placed." };
}

/**
 * Today's callback spend against the company's daily limit. Calls in progress are not rated
 * yet, so the limit can be overshot by the calls running when it is met.
 */
export function spendRefusal(company: CallbackCompany, now: Date): Refused | null {
  if (company.spentToday.lessThan(company.dailySpendLimit)) return null;
  const since = startOfLocalDay(now, company.timeZone);
  const tomorrowSec = Math.max(60, Math.ceil((startOfLocalDay(new Date(since.getTime() + 26 * 3600_000), company.timeZone).getTime() - now.getTime()) / 1000));
  return { ok: false, code: "DAILY_SPEND_LIMIT", message: "Today's callback budget is used up. Please try again tomorrow.", retryAfterSec: tomorrowSec };
}

/** The admission trigger's refusals (migration 20261204223300_callback_admission), by message. */
function capRefusal(err: unknown): Refused | null {
  const text = err instanceof Error ? `${err.message} ${String((err as { meta?: unknown }).meta ? JSON.stringify((err as { meta?: unknown }).meta) : "")}` : "";
  if (text.includes("CALLBACK_CONCURRENCY_CAP")) {
    return { ok: false, code: "CONCURRENCY_LIMIT", message: "All lines for callbacks are busy right now. Please try again in a minute.", retryAfterSec: 30 };
  }
  if (text.includes("CALLBACK_SCHEDULED_CAP")) {
    return { ok: false, code: "CONCURRENCY_LIMIT", message: "Too many callbacks are already waiting for opening time.", retryAfterSec: 600 };
  }
  return null;
}

/**
 * Inserts the request. The database admits it only while the company has a free place (a
 * trigger counts open requests under a per-company lock and wakes the workers at commit), so
 * the cap holds across every web instance in one round trip.
 */
export async function insertWithinCaps(scoped: TenantDb, company: CallbackCompany, data: RequestData): Promise<{ ok: true; request: CallbackRequest } | Refused> {
  try {
    return { ok: true, request: await scoped.callbackRequest.create({ data: { ...data, tenantId: company.id } }) };
  } catch (err) {
    const refused = capRefusal(err);
    if (refused) return refused;
    throw err;
  }
}
