/**
 * The last checks before a request exists, and its insert: credit, daily spend, and the
 * concurrency cap, which the database enforces at the insert (see insertWithinCaps).
 */
import { randomBytes } from "node:crypto";
import type { CallbackOrder, CallbackRequest, CallbackSource, Prisma } from "@/server/generated/prisma/client";
import { isCreditUsedUp } from "@/server/modules/billing/credit-rule";
import { startOfLocalDay } from "@/server/telephony/dialplan/local-day";
import { tenantStatement, type TenantSql } from "@/server/tenancy";
import type { CallbackRefusalCode } from "../contract";
import { wakeCallbackWorkers } from "../wake-workers";
import type { CallbackCompany } from "./company";

/** What the intake decides about a new request; the rest of the row starts empty. */
export interface RequestData {
  source: CallbackSource;
  widgetId?: string | null;
  apiKeyId?: string | null;
  requestedByUserId?: string | null;
  sipAccountId?: string | null;
  dialled?: string | null;
  visitorNumber?: string | null;
  destination?: Prisma.InputJsonValue | null;
  order?: CallbackOrder | null;
  /**
   * Only when it waits for a widget's next opening. A request for now is stamped with the
   * database's clock, which the admission trigger compares it with: an app server's clock a
   * little ahead would otherwise make it look scheduled, outside the concurrency cap.
   */
  notBefore?: Date;
  idempotencyKey?: string | null;
  requestFingerprint?: string | null;
  statusTokenHash?: string | null;
  clientIp?: string | null;
}
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
 * Ids look like Prisma's cuids (lower-case letters and digits), which the public endpoints
 * check before any query; 120 random bits, so they cannot be guessed either.
 */
const newRequestId = () => `c${randomBytes(15).toString("hex")}`;

/** The columns keep milliseconds (Prisma's DateTime); a stamp rounded up would lie in the future. */
const NOW_MS = "date_trunc('milliseconds', now())";

const INSERT_REQUEST = tenantStatement<CallbackRequest>("callback-request-insert", `
  INSERT INTO "CallbackRequest" ("id", "tenantId", "source", "widgetId", "apiKeyId", "requestedByUserId", "sipAccountId", "dialled",
    "visitorNumber", "destination", "order", "notBefore", "idempotencyKey", "requestFingerprint", "statusTokenHash", "clientIp",
    "state", "createdAt", "updatedAt")
  VALUES ($2, $1, $3::"CallbackSource", $4, $5, $6, $7, $8, $9, $10::jsonb, $11::"CallbackOrder", COALESCE($12::timestamptz, ${NOW_MS}), $13, $14, $15, $16,
    'QUEUED', ${NOW_MS}, ${NOW_MS})
  RETURNING *`);

/**
 * Inserts the request, then wakes the workers if it is due now. The database admits it only while the company
 * has a free place (a trigger counts open requests under a per-company lock), so the cap holds
 * across every web instance in one round trip. A prepared statement, as it runs
 * on every accepted request (server/database/prepared.ts).
 */
export async function insertWithinCaps(sql: TenantSql, data: RequestData): Promise<{ ok: true; request: CallbackRequest } | Refused> {
  try {
    const [request] = await sql(INSERT_REQUEST,
      newRequestId(), data.source, data.widgetId ?? null, data.apiKeyId ?? null, data.requestedByUserId ?? null, data.sipAccountId ?? null, data.dialled ?? null,
      data.visitorNumber ?? null, data.destination === undefined || data.destination === null ? null : JSON.stringify(data.destination), data.order ?? null,
      data.notBefore ?? null, data.idempotencyKey ?? null, data.requestFingerprint ?? null, data.statusTokenHash ?? null, data.clientIp ?? null);
    if (!request) throw new Error("the callback request insert returned no row");
    // One that waits for an opening is not due yet: the workers' poll finds it when it is.
    if (!data.notBefore) await wakeCallbackWorkers();
    return { ok: true, request };
  } catch (err) {
    const refused = capRefusal(err);
    if (refused) return refused;
    throw err;
  }
}
