/**
 * Rated calls reach the ledger (issue 13). Pure: which inserted CDRs debit the customer, and
 * how each debit reads. The worker's CDR writer (telephony/dialplan/call-record-store.ts)
 * writes these rows in the same transaction as the CDRs, for the CDRs that batch actually
 * inserted, so a crash can never leave a call charged without its record or the reverse.
 */
import { formatInternational } from "@/components/format/phone-display";
import { Prisma } from "../../generated/prisma/client";

/** What the writer knows of an inserted CDR. */
export interface InsertedCall {
  id: string;
  tenantId: string;
  channelId: string;
  calledNumber: string;
  billableSec: number;
  cost: Prisma.Decimal | string | null;
  currency: string | null;
}

export interface CallDebitRow {
  tenantId: string;
  kind: "CALL";
  amount: Prisma.Decimal;
  currency: string;
  description: string;
  reference: string;
  idempotencyKey: string;
}

/** One debit per channel, whatever path inserts it: the ledger's unique key is the last guard. */
export const callIdempotencyKey = (channelId: string) => `call:${channelId}`;

/** "3 min 12 s", "45 s", "1 h 2 min 5 s": what a person reads on a statement. */
export function formatCallDuration(totalSec: number): string {
  const sec = Math.max(0, Math.floor(totalSec));
  const hours = Math.floor(sec / 3600);
  const minutes = Math.floor((sec % 3600) / 60);
  const seconds = sec % 60;
  const parts = [hours > 0 ? `${hours} h` : null, hours > 0 || minutes > 0 ? `${minutes} min` : null, `${seconds} s`];
  return parts.filter((p): p is string => p !== null).join(" ");
}

/** "Call to +44 20 7946 0123, 3 min 12 s". */
export const callChargeDescription = (calledNumber: string, billableSec: number) =>
  `Call to ${formatInternational(calledNumber)}, ${formatCallDuration(billableSec)}`;

/**
 * The debits for freshly inserted CDRs: amount −cost in the CDR's currency. Unrated calls
 * (cost null), free ones (cost 0) and calls without a currency write nothing.
 */
export function callDebits(calls: readonly InsertedCall[]): CallDebitRow[] {
  const rows: CallDebitRow[] = [];
  for (const call of calls) {
    if (call.cost === null || call.currency === null) continue;
    const cost = new Prisma.Decimal(call.cost);
    if (!cost.isFinite() || cost.lte(0)) continue;
    rows.push({
      tenantId: call.tenantId,
      kind: "CALL",
      amount: cost.neg(),
      currency: call.currency,
      description: callChargeDescription(call.calledNumber, call.billableSec),
      reference: call.id,
      idempotencyKey: callIdempotencyKey(call.channelId),
    });
  }
  return rows;
}
