/** Writes rated call records (CDRs); the tariff they are rated with comes from tariff-cache.ts. */
import type { Db } from "@/server/db";
import type { CallDirection, CallDisposition } from "@/server/generated/prisma/enums";
import { rateCall } from "../cdr/rate-call";
import type { Logger } from "../log";
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
  /** Emergency calls are never charged (and their short codes match no tariff prefix). */
  isEmergency?: boolean;
}

export const billableSeconds = (answeredAt: Date | null, endedAt: Date) =>
  answeredAt ? Math.max(0, Math.floor((endedAt.getTime() - answeredAt.getTime()) / 1000)) : 0;

/**
 * Rates and writes one record. Idempotent on channelId: a repeated write (StasisEnd and
 * ChannelDestroyed both finishing the call, or a retry) leaves the first record untouched.
 * Only outbound calls cost money; internal and inbound calls are recorded at 0.
 */
export async function writeCallRecord(
  db: Db,
  record: CallRecordInput,
  deps: { tariffFor: (tenantId: string) => Promise<Tariff | null>; log: Logger },
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
  await db.callRecord.upsert({
    where: { channelId: row.channelId },
    create: { ...row, billableSec, ...rating },
    update: {},
  });
}
