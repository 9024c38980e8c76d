/** Rates call records (CDRs) and writes them, many calls per INSERT under load. */
import type { Db } from "@/server/db";
import type { CallDirection, CallDisposition } from "@/server/generated/prisma/enums";
import { callDebits } from "@/server/modules/billing/call-charges";
import { rateCall } from "../cdr/rate-call";
import type { Logger } from "../log";
import { createBatchWriter } from "./batch-writer";
import { callEndedNotices } from "./call-ended-notices";
import { notifyPresence, type PresenceNotice } from "./notify";
import type { PresenceNotifier } from "./presence-store";
import type { Tariff } from "./tariff-cache";

export interface CallRecordInput {
  tenantId: string;
  channelId: string;
  direction: CallDirection;
  callerNumber: string;
  calledNumber: string;
  extensionId: string | null;
  didId: string | null;
  startedAt: Date;
  answeredAt: Date | null;
  endedAt: Date;
  disposition: CallDisposition;
  hangupCause: string | null;
  /** The extension whose phone answered; absent for calls nobody (or no extension) answered. */
  answeredByExtensionId?: string | null;
  /** Who answered as people read it: "Bob Baker (202)", a fax account, or an external number. */
  answeredBy?: string | null;
  /** Why the answering party was rung instead of the number called (engine ForwardVia). */
  forwardedVia?: string | null;
  /** Emergency calls are never charged (and their short codes match no tariff prefix). */
  isEmergency?: boolean;
  /** The web-callback request this leg was placed for (server/telephony/callbacks). */
  callbackRequestId?: string | null;
}

export const billableSeconds = (answeredAt: Date | null, endedAt: Date) =>
  answeredAt ? Math.max(0, Math.floor((endedAt.getTime() - answeredAt.getTime()) / 1000)) : 0;

type CallRecordRow = Omit<CallRecordInput, "isEmergency"> & { billableSec: number; cost: string | null; currency: string | null; ratePrefix: string | null };

/**
 * Inserts records in batches (batch-writer.ts). Idempotent on channelId: a repeated write
 * (StasisEnd and ChannelDestroyed both finishing the call, or a retry) leaves the first record
 * untouched, because a conflicting row is skipped (ON CONFLICT DO NOTHING).
 *
 * Each rated call's debit (a CALL ledger entry, docs/billing.md) is written in the same
 * transaction, for the rows this batch actually inserted (RETURNING gives only those), so a
 * replayed CDR never debits twice and a crash cannot separate a call from its charge.
 */
export function createCallRecordWriter(db: Db, options: { notify?: PresenceNotifier; log?: Logger } = {}) {
  const notify = options.notify ?? ((notice: PresenceNotice) => notifyPresence(db, notice));
  const writer = createBatchWriter<CallRecordRow, void>({
    keyOf: (row) => row.channelId,
    write: async (rows) => {
      await db.$transaction(async (tx) => {
        const inserted = await tx.callRecord.createManyAndReturn({
          data: rows,
          skipDuplicates: true,
          select: { id: true, tenantId: true, channelId: true, calledNumber: true, billableSec: true, cost: true, currency: true },
        });
        const debits = callDebits(inserted);
        if (debits.length > 0) await tx.ledgerEntry.createMany({ data: debits, skipDuplicates: true });
      });
      // After the commit, one notice per tenant per batch; a lost notice only delays a page's
      // refresh (its next reconnect refetches), so it never fails the write.
      await Promise.all(callEndedNotices(rows).map((notice) =>
        notify(notice).catch((err: unknown) => options.log?.warn("callEnded notice not sent", { tenantId: notice.tenantId, err }))));
      return rows.map(() => undefined);
    },
  });
  return (row: CallRecordRow) => writer.add(row);
}

/**
 * Rates one record and hands it to `insert`. Only outbound calls cost money; internal and
 * inbound calls are recorded at 0.
 */
export async function writeCallRecord(
  record: CallRecordInput,
  deps: { tariffFor: (tenantId: string) => Promise<Tariff | null>; insert: (row: CallRecordRow) => Promise<void>; log: Logger },
): Promise<void> {
  const { isEmergency, ...row } = record;
  const billableSec = billableSeconds(row.answeredAt, row.endedAt);
  let rating: { cost: string | null; currency: string | null; ratePrefix: string | null } = { cost: "0", currency: null, ratePrefix: null };
  if (row.direction === "OUTBOUND" && !isEmergency) {
    const tariff = await deps.tariffFor(record.tenantId);
    const log = deps.log.child({ tenantId: record.tenantId, channelId: record.channelId });
    if (!tariff) {
      log.warn("tenant has no tariff; outbound call left unrated", { destination: record.calledNumber });
      rating = { cost: null, currency: null, ratePrefix: null };
    } else {
      const rated = rateCall({ billableSec, destinationE164: record.calledNumber }, tariff.table, (msg, fields) => log.warn(msg, fields));
      rating = { cost: rated.cost?.toString() ?? null, currency: tariff.currency, ratePrefix: rated.prefix };
    }
  }
  await deps.insert({ ...row, billableSec, ...rating });
}
