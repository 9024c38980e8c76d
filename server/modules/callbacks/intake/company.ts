/**
 * What the intake needs to know about a company, its partner's callback policy and its money,
 * read in one statement: the intake runs on every public request, so each round trip and each
 * ORM query counts (bench/callback.ts). Prepared statements of the one tenant ($1).
 */
import { Prisma } from "@/server/generated/prisma/client";
import { tenantStatement, type TenantSql } from "@/server/tenancy";
import type { DestinationPolicy } from "./destination-policy";

export interface CallbackCompany {
  id: string;
  isSuspended: boolean;
  timeZone: string;
  isPrepaid: boolean;
  creditLimit: Prisma.Decimal;
  currency: string;
  maxConcurrent: number;
  dailySpendLimit: Prisma.Decimal;
  policy: DestinationPolicy;
  /** Sum of the ledger in the partner's currency (prepaid companies only; 0 otherwise). */
  balance: Prisma.Decimal;
  /** What callback legs cost since the company's local midnight, rated CDRs summed. */
  spentToday: Prisma.Decimal;
  /** Local dates ("YYYY-MM-DD") of the company's holidays. */
  holidays: Set<string>;
}

type Row = {
  id: string;
  status: string;
  timeZone: string;
  countryCode: string;
  isPrepaid: boolean;
  creditLimit: string;
  callbackCountries: string[];
  callbackMaxConcurrent: number;
  callbackDailySpendLimit: string;
  currency: string;
  callbackAllowedNumberTypes: string[];
  callbackBlockedPrefixes: string[];
  balance: string | null;
  spentToday: string | null;
  holidays: string[] | null;
};

/**
 * The company's columns, from "Tenant" t joined to its "Partner" pa. "Today" starts at local
 * midnight in the company's zone (PostgreSQL's zone rules, the same tz database the engine's
 * Intl uses).
 */
const COMPANY_COLUMNS = `
  t."id", t."status"::text AS "status", t."timeZone", t."countryCode", t."isPrepaid", t."creditLimit"::text AS "creditLimit",
  t."callbackCountries", t."callbackMaxConcurrent", t."callbackDailySpendLimit"::text AS "callbackDailySpendLimit",
  pa."currency", pa."callbackAllowedNumberTypes", pa."callbackBlockedPrefixes",
  CASE WHEN t."isPrepaid" THEN (SELECT SUM(l."amount")::text FROM "LedgerEntry" l WHERE l."tenantId" = t."id" AND l."currency" = pa."currency") END AS "balance",
  (SELECT SUM(c."cost")::text FROM "CallRecord" c
    WHERE c."tenantId" = t."id" AND c."callbackRequestId" IS NOT NULL AND c."currency" = pa."currency"
      AND c."startedAt" >= (date_trunc('day', now() AT TIME ZONE t."timeZone") AT TIME ZONE t."timeZone")) AS "spentToday",
  (SELECT array_agg(to_char(h."date", 'YYYY-MM-DD')) FROM "Holiday" h WHERE h."tenantId" = t."id") AS "holidays"`;
const COMPANY_FROM = `FROM "Tenant" t JOIN "Partner" pa ON pa."id" = t."partnerId"`;

const COMPANY = tenantStatement<Row>("callback-company", `SELECT ${COMPANY_COLUMNS} ${COMPANY_FROM} WHERE t."id" = $1`);

function toCompany(t: Row): CallbackCompany {
  return {
    id: t.id,
    isSuspended: t.status === "SUSPENDED",
    timeZone: t.timeZone,
    isPrepaid: t.isPrepaid,
    creditLimit: new Prisma.Decimal(t.creditLimit),
    currency: t.currency,
    maxConcurrent: t.callbackMaxConcurrent,
    dailySpendLimit: new Prisma.Decimal(t.callbackDailySpendLimit),
    policy: {
      countryCode: t.countryCode,
      allowedCountries: t.callbackCountries,
      allowedTypes: t.callbackAllowedNumberTypes,
      blockedPrefixes: t.callbackBlockedPrefixes,
    },
    balance: new Prisma.Decimal(t.balance ?? 0),
    spentToday: new Prisma.Decimal(t.spentToday ?? 0),
    holidays: new Set(t.holidays ?? []),
  };
}

export async function loadCallbackCompany(sql: TenantSql): Promise<CallbackCompany | null> {
  const row = (await sql(COMPANY))[0];
  return row ? toCompany(row) : null;
}

export interface ClickToCallAccount {
  id: string;
  type: string;
  /** The account's own extension number, or null when it has none. */
  extensionNumber: string | null;
}

/** Which account a click-to-call starts from: by id, or (the API's `from`) by id or extension number. */
export type ClickToCallLine = { sipAccountId: string } | { idOrExtension: string };

type FactsRow = Row & { accountId: string | null; accountType: string | null; accountExtension: string | null; internal: string | null };

/**
 * Everything a click-to-call's checks read, in one statement: the company, the account it
 * starts from, and whether the number dialled is one of the company's extensions.
 */
const CLICK_TO_CALL_FACTS = tenantStatement<FactsRow>("click-to-call-facts", `
  SELECT ${COMPANY_COLUMNS},
         line."id" AS "accountId", line."type" AS "accountType", line."extensionNumber" AS "accountExtension",
         (SELECT x."number" FROM "Extension" x WHERE x."tenantId" = $1 AND x."number" = $4) AS "internal"
  ${COMPANY_FROM}
  LEFT JOIN LATERAL (
    SELECT s."id", s."type"::text AS "type", e."number" AS "extensionNumber"
    FROM "SipAccount" s LEFT JOIN "Extension" e ON e."sipAccountId" = s."id" AND e."tenantId" = $1
    WHERE s."tenantId" = $1 AND (s."id" = $2 OR ($3::boolean AND e."number" = $2))
    ORDER BY (s."id" = $2) DESC
    LIMIT 1
  ) line ON true
  WHERE t."id" = $1`);

/** Null when the company does not exist; `account` null when no account of it matches `line`. */
export async function loadClickToCallFacts(sql: TenantSql, line: ClickToCallLine, dialled: string) {
  const [ref, byExtension] = "sipAccountId" in line ? [line.sipAccountId, false] : [line.idOrExtension, true];
  const row = (await sql(CLICK_TO_CALL_FACTS, ref, byExtension, dialled))[0];
  if (!row) return null;
  const account: ClickToCallAccount | null = row.accountId ? { id: row.accountId, type: row.accountType ?? "", extensionNumber: row.accountExtension } : null;
  return { company: toCompany(row), account, internalNumber: row.internal };
}
