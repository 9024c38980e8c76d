/**
 * The CallDailyRollup trigger (prisma/migrations/20261204200006_call_daily_rollup_trigger)
 * against a hand-computed fixture: London's spring DST day, a call across local midnight, a
 * second company in another zone, a duplicate CDR, and rows arriving through Prisma's
 * createMany, a raw INSERT and COPY.
 */
import { randomUUID } from "node:crypto";
import { pipeline } from "node:stream/promises";
import { Readable } from "node:stream";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import type { CallDirection, CallDisposition } from "@/server/generated/prisma/enums";
import { seedPartner } from "@/tests/fixtures/seed-tenant";

type Cdr = {
  tenantId: string; extensionId: string | null; direction: CallDirection; disposition: CallDisposition;
  startedAt: string; answerAfterMs?: number; billableSec?: number; cost?: string | null; channelId?: string;
};

function row(c: Cdr) {
  const startedAt = new Date(c.startedAt);
  const answeredAt = c.answerAfterMs === undefined ? null : new Date(startedAt.getTime() + c.answerAfterMs);
  const billableSec = c.billableSec ?? 0;
  return {
    tenantId: c.tenantId, channelId: c.channelId ?? `ch-${randomUUID()}`, direction: c.direction, disposition: c.disposition,
    callerNumber: "201", calledNumber: "+442079460000", extensionId: c.extensionId, startedAt, answeredAt,
    endedAt: new Date((answeredAt ?? startedAt).getTime() + billableSec * 1000 + 1000), billableSec, cost: c.cost ?? null,
  };
}

async function rollupOf(tenantId: string) {
  const rows = await db.callDailyRollup.findMany({ where: { tenantId }, orderBy: [{ day: "asc" }, { extensionId: "asc" }, { direction: "asc" }] });
  return rows.map((r) => ({
    extensionId: r.extensionId, day: r.day.toISOString().slice(0, 10), direction: r.direction,
    calls: r.calls, answered: r.answered, missed: r.missed, busy: r.busy, failed: r.failed,
    talkSec: Number(r.talkSec), ringSec: Number(r.ringSec), cost: r.cost.toFixed(5),
  }));
}

const zero = { calls: 0, answered: 0, missed: 0, busy: 0, failed: 0, talkSec: 0, ringSec: 0, cost: "0.00000" };

describe("[REPORTS] the daily rollup trigger", () => {
  let london: string;
  let newYork: string;
  let duplicateChannel: string;
  const A = "ext-a", B = "ext-b", C = "ext-c";

  beforeAll(async () => {
    const { partner } = await seedPartner();
    london = (await db.tenant.create({ data: { partnerId: partner.id, name: "London Ltd", timeZone: "Europe/London" } })).id;
    newYork = (await db.tenant.create({ data: { partnerId: partner.id, name: "New York Inc", timeZone: "America/New_York" } })).id;
    duplicateChannel = `ch-dup-${randomUUID()}`;

    // Batch 1, as the worker writes (createMany, skipDuplicates). 2027-03-28: London goes from
    // GMT to BST at 01:00 UTC.
    await db.callRecord.createMany({
      skipDuplicates: true,
      data: [
        // 11:00 BST, rang 7.6 s (counts 7), talked 120 s.
        row({ tenantId: london, extensionId: A, direction: "OUTBOUND", disposition: "ANSWERED", startedAt: "2027-03-28T10:00:00Z", answerAfterMs: 7600, billableSec: 120, cost: "0.12345", channelId: duplicateChannel }),
        // 23:50 BST on the 28th, talked past local midnight: the 28th's.
        row({ tenantId: london, extensionId: A, direction: "INBOUND", disposition: "ANSWERED", startedAt: "2027-03-28T22:50:00Z", answerAfterMs: 10_000, billableSec: 2390, cost: "0" }),
        // 00:30 BST on the 29th although still the 28th in UTC.
        row({ tenantId: london, extensionId: A, direction: "INBOUND", disposition: "VOICEMAIL", startedAt: "2027-03-28T23:30:00Z", answerAfterMs: 20_000, billableSec: 15 }),
        // 23:30 GMT on the 27th (no offset yet).
        row({ tenantId: london, extensionId: A, direction: "INBOUND", disposition: "BUSY", startedAt: "2027-03-27T23:30:00Z" }),
        // 00:30 GMT on the 28th, before the clocks go forward.
        row({ tenantId: london, extensionId: B, direction: "INTERNAL", disposition: "ANSWERED", startedAt: "2027-03-28T00:30:00Z", answerAfterMs: 3000, billableSec: 60, cost: "0" }),
      ],
    });

    // Batch 2, a raw multi-row INSERT: calls no extension took part in, and New York.
    const raw = [
      row({ tenantId: london, extensionId: null, direction: "INBOUND", disposition: "REJECTED", startedAt: "2027-03-28T12:00:00Z" }),
      row({ tenantId: london, extensionId: null, direction: "INBOUND", disposition: "FAILED", startedAt: "2027-03-28T13:00:00Z" }),
      // 23:00 EDT on the 27th.
      row({ tenantId: newYork, extensionId: C, direction: "OUTBOUND", disposition: "ANSWERED", startedAt: "2027-03-28T03:00:00Z", answerAfterMs: 5000, billableSec: 30, cost: "0.50000" }),
    ];
    for (const r of raw) {
      await db.$executeRaw`INSERT INTO "CallRecord" ("id", "tenantId", "channelId", "direction", "callerNumber", "calledNumber", "extensionId", "startedAt", "answeredAt", "endedAt", "billableSec", "disposition", "cost")
        VALUES (${randomUUID()}, ${r.tenantId}, ${r.channelId}, ${r.direction}::"CallDirection", ${r.callerNumber}, ${r.calledNumber}, ${r.extensionId}, ${r.startedAt}, ${r.answeredAt}, ${r.endedAt}, ${r.billableSec}, ${r.disposition}::"CallDisposition", ${r.cost}::numeric)`;
    }

    // Batch 3, COPY (as the generator loads): one more outbound call on an existing key, unanswered.
    const copied = row({ tenantId: london, extensionId: A, direction: "OUTBOUND", disposition: "NO_ANSWER", startedAt: "2027-03-28T11:00:00Z", cost: "0" });
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    try {
      const line = [randomUUID(), copied.tenantId, copied.channelId, copied.direction, copied.callerNumber, copied.calledNumber, copied.extensionId,
        copied.startedAt.toISOString(), "\\N", copied.endedAt.toISOString(), copied.billableSec, copied.disposition, copied.cost].join("\t");
      await pipeline(Readable.from([`${line}\n`]), client.query(copyFrom(
        `COPY "CallRecord" ("id", "tenantId", "channelId", "direction", "callerNumber", "calledNumber", "extensionId", "startedAt", "answeredAt", "endedAt", "billableSec", "disposition", "cost") FROM STDIN`,
      )));
    } finally {
      await client.end();
    }

    // The worker writing the first call again (StasisEnd and ChannelDestroyed both finishing it):
    // skipped by ON CONFLICT DO NOTHING, so it adds nothing even with different figures.
    await db.callRecord.createMany({
      skipDuplicates: true,
      data: [row({ tenantId: london, extensionId: A, direction: "OUTBOUND", disposition: "ANSWERED", startedAt: "2027-03-28T10:00:00Z", answerAfterMs: 1000, billableSec: 999, cost: "9.99999", channelId: duplicateChannel })],
    });
  });

  const expectedLondon = [
    { ...zero, extensionId: A, day: "2027-03-27", direction: "INBOUND", calls: 1, busy: 1 },
    { ...zero, extensionId: "", day: "2027-03-28", direction: "INBOUND", calls: 2, failed: 2 },
    { ...zero, extensionId: A, day: "2027-03-28", direction: "INBOUND", calls: 1, answered: 1, talkSec: 2390, ringSec: 10 },
    { ...zero, extensionId: A, day: "2027-03-28", direction: "OUTBOUND", calls: 2, answered: 1, missed: 1, talkSec: 120, ringSec: 7, cost: "0.12345" },
    { ...zero, extensionId: B, day: "2027-03-28", direction: "INTERNAL", calls: 1, answered: 1, talkSec: 60, ringSec: 3 },
    // Voicemail took the call: missed, and neither its seconds nor its "answer" count as talk or ring.
    { ...zero, extensionId: A, day: "2027-03-29", direction: "INBOUND", calls: 1, missed: 1 },
  ];

  it("counts each CDR once, on the local day it started, per extension and direction", async () => {
    expect(await rollupOf(london)).toEqual(expectedLondon);
  });

  it("reads each company's day in its own time zone", async () => {
    expect(await rollupOf(newYork)).toEqual([
      { ...zero, extensionId: C, day: "2027-03-27", direction: "OUTBOUND", calls: 1, answered: 1, talkSec: 30, ringSec: 5, cost: "0.50000" },
    ]);
  });

  it("sums the same as the CDRs it was built from, and a rebuild from the CDRs agrees", async () => {
    const cdrs = await db.callRecord.count({ where: { tenantId: london } });
    const { _sum } = await db.callDailyRollup.aggregate({ where: { tenantId: london }, _sum: { calls: true } });
    expect(_sum.calls).toBe(cdrs);
    await db.$executeRaw`SELECT "call_daily_rollup_rebuild"()`;
    expect(await rollupOf(london)).toEqual(expectedLondon);
  });
});
