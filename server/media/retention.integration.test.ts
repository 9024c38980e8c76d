import { mkdtempSync, rmSync, utimesSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { seedPartner, seedTenant } from "@/tests/fixtures/seed-tenant";
import { runRecordingRetention } from "./retention";
import { LocalFileStore } from "./storage/local-file-store";
import { tenantFileKey } from "./storage/tenant-file-key";

const DAY_MS = 86_400_000;
const NOW = new Date("2026-12-04T12:00:00Z");
let root: string;
let store: LocalFileStore;
let partnerId: string;

beforeAll(async () => {
  root = mkdtempSync(path.join(tmpdir(), "retention-"));
  store = new LocalFileStore(root);
  partnerId = (await seedPartner()).partner.id;
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

async function tenantWith(retentionDays: number | null): Promise<string> {
  const { tenant } = await seedTenant({ partnerId, extensionUsers: 0 });
  await db.tenant.update({ where: { id: tenant.id }, data: { recordingRetentionDays: retentionDays } });
  return tenant.id;
}

/** A recording `ageDays` old with its file and a CDR linking to it. */
async function recordingOf(tenantId: string, ageDays: number) {
  const id = randomUUID();
  const channelId = `ch-${id}`;
  const fileKey = tenantFileKey({ tenantId, kind: "recordings", fileId: id, ext: "wav" });
  const startedAt = new Date(NOW.getTime() - ageDays * DAY_MS);
  await store.put(fileKey, Buffer.from(`RIFF-${id}`));
  await db.callRecord.create({
    data: { tenantId, channelId, direction: "INTERNAL", callerNumber: "201", calledNumber: "202", startedAt, answeredAt: startedAt, endedAt: startedAt, disposition: "ANSWERED", recordingRef: id },
  });
  await db.recording.create({ data: { id, tenantId, channelId, direction: "INTERNAL", callerNumber: "201", calledNumber: "202", startedAt, durationMs: 1000, sizeBytes: 10, fileKey } });
  return { id, channelId, fileKey };
}

const stillThere = async (rec: { id: string; channelId: string; fileKey: string }) => ({
  row: (await db.recording.count({ where: { id: rec.id } })) === 1,
  file: await store.exists(rec.fileKey),
  ref: (await db.callRecord.findUniqueOrThrow({ where: { channelId: rec.channelId } })).recordingRef,
});

describe("recording retention", () => {
  it("deletes what is older than the company keeps, file and row, and clears the CDR's link", async () => {
    const keeps30 = await tenantWith(30);
    const keepsAll = await tenantWith(null);
    const expired = await recordingOf(keeps30, 31);
    const young = await recordingOf(keeps30, 29);
    const forever = await recordingOf(keepsAll, 400);

    const result = await runRecordingRetention({ store, now: NOW });
    expect(result).toMatchObject({ deleted: 1, failed: 0 });
    expect(await stillThere(expired)).toEqual({ row: false, file: false, ref: null });
    expect(await stillThere(young)).toEqual({ row: true, file: true, ref: young.id });
    expect(await stillThere(forever)).toEqual({ row: true, file: true, ref: forever.id });

    // Idempotent: a second run finds nothing more.
    expect(await runRecordingRetention({ store, now: NOW })).toMatchObject({ deleted: 0, failed: 0, orphansRemoved: 0 });
  });

  it("removes old files no row names, never young ones or other kinds", async () => {
    const tenantId = await tenantWith(30);
    const kept = await recordingOf(tenantId, 1);
    const orphan = tenantFileKey({ tenantId, kind: "recordings", fileId: "orphan-old", ext: "wav" });
    const fresh = tenantFileKey({ tenantId, kind: "recordings", fileId: "orphan-fresh", ext: "wav" });
    const prompt = tenantFileKey({ tenantId, kind: "prompts", fileId: "p-old", ext: "wav" });
    for (const key of [orphan, fresh, prompt]) await store.put(key, Buffer.from("x"));
    const twoHoursAgo = new Date(NOW.getTime() - 2 * 3_600_000);
    for (const key of [orphan, prompt, kept.fileKey]) utimesSync(store.pathOf(key), twoHoursAgo, twoHoursAgo);
    utimesSync(store.pathOf(fresh), NOW, NOW);

    const result = await runRecordingRetention({ store, now: NOW });
    expect(result.orphansRemoved).toBe(1);
    expect(await store.exists(orphan)).toBe(false);
    expect(await store.exists(fresh)).toBe(true); // its row may be being written right now
    expect(await store.exists(prompt)).toBe(true);
    expect(await store.exists(kept.fileKey)).toBe(true);
  });

  it("keeps a row whose file cannot be deleted, and deletes the rest", async () => {
    const tenantId = await tenantWith(7);
    const stuck = await recordingOf(tenantId, 10);
    const other = await recordingOf(tenantId, 11);
    const errors: Record<string, unknown>[] = [];
    const failing = new (class extends LocalFileStore {
      override async delete(key: string) {
        if (key === stuck.fileKey) throw new Error("permission denied");
        return super.delete(key);
      }
    })(root);
    const result = await runRecordingRetention({ store: failing, now: NOW, onError: (_m, fields) => errors.push(fields) });
    expect(result).toMatchObject({ deleted: 1, failed: 1 });
    expect(await stillThere(stuck)).toEqual({ row: true, file: true, ref: stuck.id });
    expect(await stillThere(other)).toEqual({ row: false, file: false, ref: null });
    expect(errors).toEqual([expect.objectContaining({ recordingId: stuck.id, tenantId })]);
    // The next run, with the file deletable again, finishes the job.
    expect(await runRecordingRetention({ store, now: NOW })).toMatchObject({ deleted: 1 });
    expect(await stillThere(stuck)).toEqual({ row: false, file: false, ref: null });
  });

  it("deletes each expired recording once when two runners go at once, in batches", async () => {
    const tenantId = await tenantWith(1);
    const many = [];
    for (let i = 0; i < 40; i++) many.push(await recordingOf(tenantId, 2 + i));
    const [a, b] = await Promise.all([
      runRecordingRetention({ store, now: NOW, batchSize: 7 }),
      runRecordingRetention({ store, now: NOW, batchSize: 7 }),
    ]);
    expect(a.deleted + b.deleted).toBe(40);
    expect(a.failed + b.failed).toBe(0);
    expect(await db.recording.count({ where: { tenantId } })).toBe(0);
    for (const rec of many) expect(await store.exists(rec.fileKey)).toBe(false);
    expect(await db.callRecord.count({ where: { tenantId, recordingRef: { not: null } } })).toBe(0);
  });
});
