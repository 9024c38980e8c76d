/**
 * Records a refused callback request for the company's admins (CallbackRefusal). The same
 * refusal within a minute is one row with a count, so a flood writes a row a minute, not a
 * row a request. Recording never changes the answer: if it fails, the request is still
 * refused and the failure is logged.
 */
import { createHash } from "node:crypto";
import { tenantDb } from "@/server/tenancy";
import type { CallbackRefusal } from "../contract";

export interface RefusalFacts {
  tenantId: string;
  source: "PORTAL" | "WIDGET" | "API";
  widgetId?: string | null;
  apiKeyId?: string | null;
  userId?: string | null;
  clientIp?: string | null;
  origin?: string | null;
  /** As submitted; made printable and cut before it is stored. */
  destination?: string | null;
}

const MAX_STORED = 64;
/** Control and format characters (bidi overrides too) would mislead whoever reads the list. */
const UNPRINTABLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu;
export const printable = (text: string | null | undefined, max = MAX_STORED) => (text ? text.replace(UNPRINTABLE, "?").slice(0, max) : null);

export async function recordRefusal(facts: RefusalFacts, refusal: CallbackRefusal, now = new Date()): Promise<void> {
  const destination = printable(facts.destination);
  const origin = printable(facts.origin, 200);
  const clientIp = printable(facts.clientIp, 64);
  const dedupeKey = createHash("sha256")
    .update([facts.source, facts.widgetId ?? "", facts.apiKeyId ?? "", facts.userId ?? "", refusal.code, clientIp ?? "", destination ?? "", origin ?? ""].join("\u0000"))
    .digest("hex");
  const minute = new Date(Math.floor(now.getTime() / 60_000) * 60_000);
  try {
    await tenantDb(facts.tenantId).$executeRaw`
      INSERT INTO "CallbackRefusal" ("tenantId", "source", "widgetId", "apiKeyId", "userId", "reason", "detail", "clientIp", "origin", "destination", "dedupeKey", "minute", "firstAt", "lastAt")
      VALUES (${facts.tenantId}, ${facts.source}::"CallbackSource", ${facts.widgetId ?? null}, ${facts.apiKeyId ?? null}, ${facts.userId ?? null}, ${refusal.code}, ${refusal.message},
              ${clientIp}, ${origin}, ${destination}, ${dedupeKey}, ${minute}, ${now}, ${now})
      ON CONFLICT ("tenantId", "dedupeKey", "minute") DO UPDATE SET "count" = "CallbackRefusal"."count" + 1, "lastAt" = EXCLUDED."lastAt"`;
  } catch (err) {
    console.error("callback refusal could not be recorded", { tenantId: facts.tenantId, code: refusal.code, err });
  }
}
