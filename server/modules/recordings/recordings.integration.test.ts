/**
 * Call recordings as people reach them: the list with its filters and keyset pages, who sees
 * which (admins all, users their own extensions'), the file route over real signed-in requests,
 * deletion (file, row, CDR link), and the recording settings with the worker's notifications.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

const mediaDir = vi.hoisted(() => {
  const dir = `${process.env.TMPDIR ?? "/tmp"}/recordings-it-${process.pid}-${Date.now()}`;
  process.env.MEDIA_DIR = dir;
  return dir;
});

import { db } from "@/server/db";
import { LocalFileStore } from "@/server/media/storage/local-file-store";
import { mediaStore } from "@/server/media/storage/web-media-store";
import { DIALPLAN_CHANGED, SIP_ACCOUNTS_CHANGED } from "@/server/telephony/dialplan/notify";
import { signInCookie } from "@/tests/fixtures/auth-http";
import { heardDuring } from "@/tests/fixtures/notifications";
import { expectTrpcError } from "@/tests/fixtures/procedures";
import { seedLineExtension, seedPrompt, seedRecording } from "@/tests/fixtures/seed-media";
import { TEST_PASSWORD, callerFor, seedTwoTenants } from "@/tests/fixtures/seed-tenant";
import { requestHeaders, sendToAuth, webSessions, type WebSessions } from "@/tests/fixtures/web-sessions";
import { RECORDING_PAGE_SIZE } from "./schema";
import { createRecordingFileHandler, recordingFileName } from "./file-handler";

type World = Awaited<ReturnType<typeof seedTwoTenants>>;

let world: World;
let sessions: WebSessions;
const getUser = async (request: Request) => (await sessions.read(request.headers))?.user ?? null;
const serve = createRecordingFileHandler({ getUser, store: mediaStore });
const get = (cookie: string, id: string, query = "") => serve(new Request(`http://localhost/api/media/recordings/${id}${query}`, { headers: requestHeaders(cookie) }), id);
const cookieOf = (email: string) => signInCookie(sendToAuth, email, TEST_PASSWORD);

beforeAll(async () => {
  world = await seedTwoTenants();
  sessions = webSessions();
});
afterAll(async () => {
  await sessions.close();
  rmSync(mediaDir, { recursive: true, force: true });
});

describe("[RECORDINGS] list", () => {
  it("pages newest first without repeats or gaps, even when start times tie", async () => {
    const tenant = (await db.tenant.create({ data: { partnerId: world.partner.id, name: "Paging Co" } })).id;
    const admin = await db.user.create({ data: { tenantId: tenant, role: "CUSTOMER_ADMIN", name: "P", email: `p-${Date.now()}@test.example`, passwordHash: "x" } });
    const base = Date.parse("2026-11-01T10:00:00Z");
    // Pairs share a start time, so the id breaks the tie.
    for (let i = 0; i < RECORDING_PAGE_SIZE + 6; i++) await seedRecording(tenant, { startedAt: new Date(base + Math.floor(i / 2) * 60_000) });
    const caller = await callerFor(admin.id);
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await caller.recording.find({ cursor });
      seen.push(...page.items.map((r) => r.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    const expected = (await db.recording.findMany({ where: { tenantId: tenant }, orderBy: [{ startedAt: "desc" }, { id: "desc" }] })).map((r) => r.id);
    expect(seen).toEqual(expected);
    expect(new Set(seen).size).toBe(RECORDING_PAGE_SIZE + 6);
  });

  it("filters by the company's calendar days, extension and direction", async () => {
    const { tenant } = world.acme;
    await db.tenant.update({ where: { id: tenant.id }, data: { timeZone: "Europe/London" } });
    const ext = await seedLineExtension(tenant.id, "301");
    // 23:30 UTC on 9 July is 00:30 on 10 July in London.
    const late = await seedRecording(tenant.id, { startedAt: new Date("2026-07-09T23:30:00Z"), extensionId: ext.id, direction: "OUTBOUND" });
    const early = await seedRecording(tenant.id, { startedAt: new Date("2026-07-09T22:30:00Z"), extensionId: ext.id, direction: "INBOUND" });
    const admin = await callerFor(world.acme.admin.id);
    const ids = async (filter: Parameters<typeof admin.recording.find>[0]["filter"]) => (await admin.recording.find({ filter })).items.map((r) => r.id);
    expect(await ids({ from: "2026-07-10", to: "2026-07-10", extensionId: ext.id })).toEqual([late.id]);
    expect(await ids({ from: "2026-07-09", to: "2026-07-09", extensionId: ext.id })).toEqual([early.id]);
    expect(await ids({ extensionId: ext.id, direction: "INBOUND" })).toEqual([early.id]);
    const listed = (await admin.recording.find({ filter: { extensionId: ext.id } })).items[0]!;
    expect(listed.extension).toEqual({ id: ext.id, number: "301", displayName: "Ext 301" });
    await expectTrpcError(admin.recording.find({ filter: { from: "2026-07-10", to: "2026-07-09" } }), "BAD_REQUEST");
  });

  it("shows an extension user only their own extensions' recordings", async () => {
    const { tenant, users } = world.acme;
    const mine = await seedLineExtension(tenant.id, "311", users[0]!.id);
    const colleague = await seedLineExtension(tenant.id, "312", users[1]!.id);
    const own = await seedRecording(tenant.id, { extensionId: mine.id });
    const theirs = await seedRecording(tenant.id, { extensionId: colleague.id });
    const unassigned = await seedRecording(tenant.id, { extensionId: null });
    const user = await callerFor(users[0]!.id);
    const seen = (await user.recording.find({})).items.map((r) => r.id);
    expect(seen).toContain(own.id);
    expect(seen).not.toContain(theirs.id);
    expect(seen).not.toContain(unassigned.id);
    expect((await user.recording.find({ filter: { extensionId: colleague.id } })).items).toEqual([]);
    expect((await user.recording.extensions()).map((e) => e.id)).toEqual([mine.id]);
    const admin = (await (await callerFor(world.acme.admin.id)).recording.find({})).items.map((r) => r.id);
    expect(admin).toEqual(expect.arrayContaining([own.id, theirs.id, unassigned.id]));
  });
});

describe("[RECORDINGS] file route", () => {
  it("plays and downloads for the admin; 404 across companies and for a colleague's; 401 signed out", async () => {
    const { tenant, users } = world.acme;
    const mine = await seedLineExtension(tenant.id, "321", users[0]!.id);
    const colleague = await seedLineExtension(tenant.id, "322", users[1]!.id);
    const own = await seedRecording(tenant.id, { extensionId: mine.id, callerNumber: "+44 20 7123 4567", calledNumber: "321", startedAt: new Date("2026-12-02T14:05:00Z") }, mediaStore());
    const theirs = await seedRecording(tenant.id, { extensionId: colleague.id }, mediaStore());
    const globex = await seedRecording(world.globex.tenant.id, {}, mediaStore());
    const admin = await cookieOf(world.acme.admin.email);
    const user = await cookieOf(users[0]!.email);

    const played = await get(admin, own.id);
    expect(played.status).toBe(200);
    expect(played.headers.get("content-type")).toBe("audio/wav");
    expect(Number(played.headers.get("content-length"))).toBe(own.sizeBytes);
    const download = await get(user, own.id, "?download=1");
    expect(download.headers.get("content-disposition")).toBe('attachment; filename="recording-2026-12-02-1405-from-442071234567-to-321.wav"');
    expect((await get(user, theirs.id)).status).toBe(404);
    expect((await get(admin, globex.id)).status).toBe(404);
    expect((await get(await cookieOf(world.globex.admin.email), own.id)).status).toBe(404);
    expect((await get("", own.id)).status).toBe(401);
    expect((await get(await cookieOf(world.partnerAdmin.email), own.id)).status).toBe(403);
  });

  it("names downloads safely whatever the numbers hold", () => {
    expect(recordingFileName({ startedAt: new Date("2026-01-01T00:00:00Z"), callerNumber: '"; rm -rf /\r\n', calledNumber: "anonymous" })).toBe("recording-2026-01-01-0000-from-unknown-to-unknown.wav");
  });
});

describe("[RECORDINGS] delete", () => {
  it("removes the file, the row and the CDR's link; admins only", async () => {
    const store = mediaStore() as LocalFileStore;
    const recording = await seedRecording(world.acme.tenant.id, { withCdr: true }, store);
    await expectTrpcError((await callerFor(world.acme.users[0]!.id)).recording.delete({ id: recording.id }), "FORBIDDEN");
    expect(await store.exists(recording.fileKey)).toBe(true);
    await (await callerFor(world.acme.admin.id)).recording.delete({ id: recording.id });
    expect(await store.exists(recording.fileKey)).toBe(false);
    expect(await db.recording.count({ where: { id: recording.id } })).toBe(0);
    expect(await db.callRecord.findUniqueOrThrow({ where: { channelId: recording.channelId } })).toMatchObject({ recordingRef: null });
    expect(await db.auditLog.findFirst({ where: { entityId: recording.id }, select: { action: true, actorUserId: true } })).toEqual({ action: "recording.delete", actorUserId: world.acme.admin.id });
  });

  it("keeps the row when the file cannot be removed, so nothing is lost track of", async () => {
    const recording = await seedRecording(world.acme.tenant.id, { withCdr: true });
    const broken = new LocalFileStore(path.join(mkdtempSync(path.join(tmpdir(), "broken-")), "x"));
    broken.delete = () => Promise.reject(new Error("disk gone"));
    const { deleteRecording } = await import("./service");
    const { tenantDb } = await import("@/server/tenancy");
    await expect(deleteRecording({ tenantId: world.acme.tenant.id, db: tenantDb(world.acme.tenant.id) }, { id: world.acme.admin.id, email: world.acme.admin.email, role: "CUSTOMER_ADMIN" }, broken, recording.id)).rejects.toThrow("disk gone");
    expect(await db.recording.count({ where: { id: recording.id } })).toBe(1);
    expect((await db.callRecord.findUniqueOrThrow({ where: { channelId: recording.channelId } })).recordingRef).toBe(recording.id);
  });
});

describe("[RECORDINGS] settings", () => {
  it("saves an account's flags and announcement, and tells the worker", async () => {
    const { tenant } = world.acme;
    const ext = await seedLineExtension(tenant.id, "331", world.acme.users[0]!.id);
    const prompt = await seedPrompt(tenant.id, "This call is recorded");
    const admin = await callerFor(world.acme.admin.id);
    const input = { extensionId: ext.id, recordIncomingExternal: true, recordIncomingInternal: false, recordOutgoingExternal: true, recordOutgoingInternal: false, recordAnnouncement: true, recordAnnouncementPromptId: prompt.id };
    const dialPlan = await heardDuring(DIALPLAN_CHANGED, async () => {
      const sip = await heardDuring(SIP_ACCOUNTS_CHANGED, async () => {
        await admin.recording.updateSettings(input);
        await new Promise((r) => setTimeout(r, 100));
      });
      expect(sip).toEqual([`${SIP_ACCOUNTS_CHANGED}:${ext.sipAccountId}`]);
    });
    expect(dialPlan).toEqual([`${DIALPLAN_CHANGED}:${tenant.id}`]);
    expect(await db.sipAccount.findUniqueOrThrow({ where: { id: ext.sipAccountId! } })).toMatchObject({
      recordIncomingExternal: true, recordIncomingInternal: false, recordOutgoingExternal: true, recordOutgoingInternal: false, recordAnnouncement: true, recordAnnouncementPromptId: prompt.id,
    });
    // The owner may read, not change; a colleague may not read.
    const owner = await callerFor(world.acme.users[0]!.id);
    expect(await owner.recording.settings({ extensionId: ext.id })).toMatchObject({ canEdit: false, settings: { recordIncomingExternal: true, recordAnnouncementPromptId: prompt.id } });
    await expectTrpcError(owner.recording.updateSettings(input), "FORBIDDEN");
    await expectTrpcError((await callerFor(world.acme.users[1]!.id)).recording.settings({ extensionId: ext.id }), "FORBIDDEN");
  });

  it("keeps recordings 1–3650 days or until deleted", async () => {
    const admin = await callerFor(world.acme.admin.id);
    expect(await admin.recording.setRetention({ days: 365 })).toEqual({ days: 365 });
    expect(await admin.recording.setRetention({ days: null })).toEqual({ days: null });
    expect(await admin.recording.retention()).toEqual({ days: null });
    await expectTrpcError(admin.recording.setRetention({ days: 0 }), "BAD_REQUEST");
    await expectTrpcError(admin.recording.setRetention({ days: 3651 }), "BAD_REQUEST");
    await expectTrpcError(admin.recording.setRetention({ days: 1.5 }), "BAD_REQUEST");
    expect(await admin.recording.retention()).toEqual({ days: null });
    // Two changes, two log lines; the refused ones wrote nothing.
    expect(await db.auditLog.count({ where: { tenantId: world.acme.tenant.id, action: "recording.setRetention" } })).toBe(2);
  });
});
