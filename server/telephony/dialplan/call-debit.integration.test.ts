/**
 * Rated calls reach the ledger (issue 13): the CDR writer debits each rated call once, in the
 * CDR batch's transaction; free, unrated and replayed calls write nothing more.
 */
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { seedTwoTenants } from "@/tests/fixtures/seed-tenant";
import { seedTariff } from "@/tests/fixtures/seed-telephony";
import { balanceOf, creditTenant } from "@/tests/fixtures/seed-billing";
import { silentLogger } from "../log";
import { createCallRecordWriter, writeCallRecord, type CallRecordInput } from "./call-record-store";
import { createTariffCache } from "./tariff-cache";

type World = Awaited<ReturnType<typeof seedTwoTenants>>;

describe("[BILLING] rated calls debit the ledger", () => {
  let world: World;
  let write: (record: CallRecordInput) => Promise<void>;
  beforeAll(async () => {
    world = await seedTwoTenants();
    // 10p a minute to UK landlines, per-second billing; no rate for +1 (calls there stay unrated).
    await seedTariff(world.partner.id, [{ prefix: "4420", ratePerMinute: "0.10", incrementSec: 1 }]);
    const tariffs = createTariffCache(db, { maxAgeMs: 60_000 });
    const insert = createCallRecordWriter(db);
    write = (record) => writeCallRecord(record, { tariffFor: tariffs.tariffFor, insert, log: silentLogger() });
  });

  const outbound = (tenantId: string, over: Partial<CallRecordInput> = {}): CallRecordInput => {
    const startedAt = new Date("2026-12-03T10:00:00Z");
    return {
      tenantId, channelId: `ch-${randomUUID()}`, direction: "OUTBOUND", callerNumber: "201", calledNumber: "+442079460123",
      extensionId: null, didId: null, startedAt, answeredAt: new Date(startedAt.getTime() + 5_000), endedAt: new Date(startedAt.getTime() + 5_000 + 192_000),
      disposition: "ANSWERED", hangupCause: "Normal Clearing", ...over,
    };
  };

  it("writes one CALL entry of −cost for a rated call, referencing its CDR", async () => {
    const tenantId = world.acme.tenant.id;
    await creditTenant(tenantId, "10");
    const record = outbound(tenantId);
    await write(record);
    const cdr = await db.callRecord.findUniqueOrThrow({ where: { channelId: record.channelId } });
    expect(cdr.cost?.toString()).toBe("0.32");
    const entry = await db.ledgerEntry.findUniqueOrThrow({ where: { tenantId_idempotencyKey: { tenantId, idempotencyKey: `call:${record.channelId}` } } });
    expect({ kind: entry.kind, amount: entry.amount.toString(), currency: entry.currency, reference: entry.reference, description: entry.description })
      .toEqual({ kind: "CALL", amount: "-0.32", currency: "GBP", reference: cdr.id, description: "Call to +44 20 7946 0123, 3 min 12 s" });
    expect(await balanceOf(tenantId)).toBe("9.68");
  });

  it("never debits a replayed CDR twice, in one batch or later", async () => {
    const tenantId = world.globex.tenant.id;
    const record = outbound(tenantId);
    await Promise.all([write(record), write(record)]);
    await write(record);
    expect(await db.callRecord.count({ where: { channelId: record.channelId } })).toBe(1);
    expect(await db.ledgerEntry.count({ where: { tenantId, kind: "CALL", idempotencyKey: `call:${record.channelId}` } })).toBe(1);
  });

  it("writes nothing for free, unrated, unanswered, internal and emergency calls", async () => {
    const tenantId = world.acme.tenant.id;
    const before = await db.ledgerEntry.count({ where: { tenantId } });
    await Promise.all([
      write(outbound(tenantId, { calledNumber: "+12125550100" })), // no rate: unrated
      write(outbound(tenantId, { answeredAt: null, disposition: "NO_ANSWER" })), // 0 s: free
      write(outbound(tenantId, { direction: "INTERNAL", calledNumber: "202" })),
      write(outbound(tenantId, { calledNumber: "999", isEmergency: true })),
    ]);
    expect(await db.callRecord.count({ where: { tenantId } })).toBeGreaterThanOrEqual(5);
    expect(await db.ledgerEntry.count({ where: { tenantId } })).toBe(before);
  });

  it("debits each call of a busy batch once, and a batch's failure writes neither CDRs nor debits", async () => {
    const tenantId = world.globex.tenant.id;
    const records = Array.from({ length: 20 }, () => outbound(tenantId));
    await Promise.all(records.map(write));
    const keys = records.map((r) => `call:${r.channelId}`);
    expect(await db.ledgerEntry.count({ where: { tenantId, idempotencyKey: { in: keys } } })).toBe(20);

    // The ledger refuses this tenant's entries (a trigger, this file's database only): the CDR goes too.
    const { tenant } = world.acme;
    await db.$executeRawUnsafe(`CREATE FUNCTION test_refuse_ledger() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'ledger refused'; END $$`);
    await db.$executeRawUnsafe(`CREATE TRIGGER test_refuse_ledger BEFORE INSERT ON "LedgerEntry" FOR EACH ROW WHEN (NEW."tenantId" = '${tenant.id}') EXECUTE FUNCTION test_refuse_ledger()`);
    try {
      const bad = outbound(tenant.id);
      await expect(write(bad)).rejects.toThrow(/ledger refused/);
      expect(await db.callRecord.count({ where: { channelId: bad.channelId } })).toBe(0);
    } finally {
      await db.$executeRawUnsafe(`DROP TRIGGER test_refuse_ledger ON "LedgerEntry"`);
    }
  });
});
