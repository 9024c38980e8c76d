/**
 * Voice prompts end to end below the browser: real multipart requests through the upload
 * route's handler (signed in through Auth.js's real endpoints), real sox, the real media store
 * on a folder of this file's own, and the procedures through tRPC callers.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

const mediaDir = vi.hoisted(() => {
  // Before any app module reads env.MEDIA_DIR: this file's prompts go to a folder of its own.
  const dir = `${process.env.TMPDIR ?? "/tmp"}/prompts-it-${process.pid}-${Date.now()}`;
  process.env.MEDIA_DIR = dir;
  return dir;
});

import { db } from "@/server/db";
import { readWavFormat } from "@/server/media/audio/wav-header";
import { mediaStore } from "@/server/media/storage/web-media-store";
import { signInCookie } from "@/tests/fixtures/auth-http";
import { expectTrpcError } from "@/tests/fixtures/procedures";
import { seedLineExtension, seedPrompt } from "@/tests/fixtures/seed-media";
import { TEST_PASSWORD, callerFor, seedTwoTenants } from "@/tests/fixtures/seed-tenant";
import { requestHeaders, sendToAuth, webSessions, type WebSessions } from "@/tests/fixtures/web-sessions";
import { PROMPTS_PER_HOUR } from "./create-prompt";
import { createPromptFileHandler } from "./file-handler";
import { createPromptUploadHandler } from "./upload-handler";

type World = Awaited<ReturnType<typeof seedTwoTenants>>;

let world: World;
let sessions: WebSessions;
let folder: string;
let mp3: Uint8Array<ArrayBuffer>;
let acmeCookie: string;
const getUser = async (request: Request) => (await sessions.read(request.headers))?.user ?? null;
const upload = createPromptUploadHandler({ getUser, store: mediaStore });
const serve = createPromptFileHandler({ getUser, store: mediaStore });

function uploadRequest(cookie: string, parts: { name?: string; file?: Blob; fileName?: string }, headers: Record<string, string> = {}) {
  const form = new FormData();
  if (parts.name !== undefined) form.set("name", parts.name);
  if (parts.file) form.set("file", parts.file, parts.fileName ?? "prompt.mp3");
  const h = requestHeaders(cookie);
  h.set("sec-fetch-site", "same-origin");
  for (const [k, v] of Object.entries(headers)) h.set(k, v);
  return new Request("http://localhost/api/media/prompts", { method: "POST", headers: h, body: form });
}
const fileRequest = (cookie: string, id: string, headers: Record<string, string> = {}, query = "") => {
  const h = requestHeaders(cookie);
  for (const [k, v] of Object.entries(headers)) h.set(k, v);
  return new Request(`http://localhost/api/media/prompts/${id}${query}`, { headers: h });
};
const storedFiles = (tenantId: string) => {
  try {
    return readdirSync(path.join(mediaDir, tenantId, "prompts"));
  } catch {
    return [];
  }
};
const errorOf = async (res: Response) => ((await res.json()) as { error: { message: string } }).error.message;

beforeAll(async () => {
  world = await seedTwoTenants();
  sessions = webSessions();
  folder = mkdtempSync(path.join(tmpdir(), "prompt-src-"));
  execFileSync("sox", ["-n", "-r", "44100", "-c", "2", path.join(folder, "tone.mp3"), "synth", "2", "sine", "440"]);
  mp3 = new Uint8Array(readFileSync(path.join(folder, "tone.mp3")));
  acmeCookie = await signInCookie(sendToAuth, world.acme.admin.email, TEST_PASSWORD);
});
afterAll(async () => {
  await sessions.close();
  rmSync(folder, { recursive: true, force: true });
  rmSync(mediaDir, { recursive: true, force: true });
});

describe("[PROMPTS] upload route", () => {
  it("converts an MP3 to 8 kHz mono 16-bit WAV, stores it under the row's id and lists it", async () => {
    const res = await upload(uploadRequest(acmeCookie, { name: "Welcome", file: new Blob([mp3]), fileName: "welcome.mp3" }));
    expect(res.status).toBe(201);
    const { prompt } = (await res.json()) as { prompt: { id: string; durationMs: number; originalType: string } };
    expect(prompt.originalType).toBe("mp3");
    expect(Math.abs(prompt.durationMs - 2000)).toBeLessThan(100);
    const row = await db.voicePrompt.findUniqueOrThrow({ where: { id: prompt.id } });
    expect(row).toMatchObject({ tenantId: world.acme.tenant.id, name: "Welcome", source: "UPLOAD", originalName: "welcome.mp3", fileKey: `${world.acme.tenant.id}/prompts/${prompt.id}.wav` });
    const wav = readFileSync(path.join(mediaDir, row.fileKey));
    expect(readWavFormat(wav)).toMatchObject({ formatTag: 1, channels: 1, sampleRate: 8000, bitsPerSample: 16 });
    expect(row.sizeBytes).toBe(wav.length);
    const listed = await (await callerFor(world.acme.admin.id)).voicePrompt.find();
    expect(listed.find((p) => p.id === prompt.id)).toMatchObject({ name: "Welcome", usedBy: [] });
  });

  it("refuses a text file renamed .mp3, an image, an empty file and a missing one, storing nothing", async () => {
    const before = storedFiles(world.acme.tenant.id);
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0]);
    const cases: [Blob | undefined, string][] = [
      [new Blob(["Just words in a file called prompt.mp3\n".repeat(20)]), "This file is not audio. Upload a WAV, MP3 or OGG file."],
      [new Blob([png]), "This is a PNG file (image/png), not WAV, MP3 or OGG."],
      [new Blob([]), "The file is empty."],
      [undefined, "Choose a file to upload."],
    ];
    for (const [file, message] of cases) {
      const res = await upload(uploadRequest(acmeCookie, { name: "Refused", file }));
      expect(res.status).toBe(400);
      expect(await errorOf(res)).toBe(message);
    }
    expect(await db.voicePrompt.count({ where: { name: "Refused" } })).toBe(0);
    expect(storedFiles(world.acme.tenant.id)).toEqual(before);
  });

  it("refuses a body over the limit while streaming it, whatever Content-Length says", async () => {
    const big = new Blob([new Uint8Array(9 * 1024 * 1024)]);
    const declared = await upload(uploadRequest(acmeCookie, { name: "Big", file: big }));
    expect(declared.status).toBe(413);
    // A chunked body with no length: counted as it arrives.
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent > 20 * 1024 * 1024) return controller.close();
        sent += 1024 * 1024;
        controller.enqueue(new Uint8Array(1024 * 1024));
      },
    });
    const h = requestHeaders(acmeCookie);
    h.set("content-type", "multipart/form-data; boundary=x");
    const chunked = await upload(new Request("http://localhost/api/media/prompts", { method: "POST", headers: h, body: stream, duplex: "half" } as RequestInit));
    expect(chunked.status).toBe(413);
    expect(sent).toBeLessThan(12 * 1024 * 1024);
    expect(await db.voicePrompt.count({ where: { name: "Big" } })).toBe(0);
  });

  it("refuses a name the company already uses (any case) before converting, with no file left", async () => {
    await seedPrompt(world.acme.tenant.id, "Opening hours");
    const before = storedFiles(world.acme.tenant.id);
    const res = await upload(uploadRequest(acmeCookie, { name: "opening HOURS", file: new Blob([mp3]) }));
    expect(res.status).toBe(409);
    expect(await errorOf(res)).toBe("A prompt called “opening HOURS” already exists. Choose another name.");
    expect(storedFiles(world.acme.tenant.id)).toEqual(before);
  });

  it("answers 401 signed out, 403 to an extension user and to a cross-site form post", async () => {
    expect((await upload(uploadRequest("", { name: "X", file: new Blob([mp3]) }))).status).toBe(401);
    const userCookie = await signInCookie(sendToAuth, world.acme.users[0]!.email, TEST_PASSWORD);
    expect((await upload(uploadRequest(userCookie, { name: "X", file: new Blob([mp3]) }))).status).toBe(403);
    const crossSite = await upload(uploadRequest(acmeCookie, { name: "Forged", file: new Blob([mp3]) }, { "sec-fetch-site": "cross-site" }));
    expect(crossSite.status).toBe(403);
    const h = requestHeaders(acmeCookie);
    h.set("origin", "https://evil.example");
    h.set("host", "localhost");
    const form = new FormData();
    form.set("name", "Forged");
    form.set("file", new Blob([mp3]), "x.mp3");
    expect((await upload(new Request("http://localhost/api/media/prompts", { method: "POST", headers: h, body: form }))).status).toBe(403);
    expect(await db.voicePrompt.count({ where: { name: { in: ["X", "Forged"] } } })).toBe(0);
  });

  it("stops a company after its hourly number of prompts, and not another company", async () => {
    const { tenant } = world.globex;
    for (let i = 0; i < PROMPTS_PER_HOUR; i++) await seedPrompt(tenant.id, `Bulk ${i}`);
    const res = await upload(uploadRequest(await signInCookie(sendToAuth, world.globex.admin.email, TEST_PASSWORD), { name: "One more", file: new Blob([mp3]) }));
    expect(res.status).toBe(429);
    expect(await errorOf(res)).toMatch(/last hour/);
    const acme = await upload(uploadRequest(acmeCookie, { name: "Still fine", file: new Blob([mp3]) }));
    expect(acme.status).toBe(201);
    await db.voicePrompt.deleteMany({ where: { tenantId: tenant.id, name: { startsWith: "Bulk " } } });
  });
});

describe("[PROMPTS] file route", () => {
  it("streams the WAV with its type, length and private caching, and answers a byte range", async () => {
    const { id, fileKey } = await seedPrompt(world.acme.tenant.id, "Playable", mediaStore());
    const whole = await serve(fileRequest(acmeCookie, id), id);
    expect(whole.status).toBe(200);
    const bytes = Buffer.from(await whole.arrayBuffer());
    expect(bytes).toEqual(readFileSync(path.join(mediaDir, fileKey)));
    expect(Object.fromEntries(whole.headers)).toMatchObject({
      "content-type": "audio/wav", "content-length": String(bytes.length), "accept-ranges": "bytes", "content-disposition": "inline",
    });
    expect(whole.headers.get("cache-control")).toMatch(/^private/);
    const part = await serve(fileRequest(acmeCookie, id, { range: "bytes=0-11" }), id);
    expect(part.status).toBe(206);
    expect(part.headers.get("content-range")).toBe(`bytes 0-11/${bytes.length}`);
    expect(Buffer.from(await part.arrayBuffer()).toString("latin1")).toBe(bytes.subarray(0, 12).toString("latin1"));
    const download = await serve(fileRequest(acmeCookie, id, {}, "?download=1"), id);
    expect(download.headers.get("content-disposition")).toBe('attachment; filename="Playable.wav"');
  });

  it("is 404 for another company's prompt and for a non-id, 401 signed out", async () => {
    const theirs = await seedPrompt(world.globex.tenant.id, "Globex only", mediaStore());
    const res = await serve(fileRequest(acmeCookie, theirs.id), theirs.id);
    expect(res.status).toBe(404);
    expect(res.headers.get("content-type")).toMatch(/json/);
    expect((await serve(fileRequest(acmeCookie, "../../etc/passwd"), "../../etc/passwd")).status).toBe(404);
    expect((await serve(fileRequest("", theirs.id), theirs.id)).status).toBe(401);
  });
});

describe("[PROMPTS] procedures", () => {
  it("speaks a text prompt, renames it (refusing a taken name) and deletes it with its file", async () => {
    const admin = await callerFor(world.acme.admin.id);
    const spoken = await admin.voicePrompt.speak({ name: "Closed", text: "We are closed. Please call back tomorrow.", voice: "en-gb" });
    const row = await db.voicePrompt.findUniqueOrThrow({ where: { id: spoken.id } });
    expect(row).toMatchObject({ source: "TTS", originalType: "tts", ttsText: "We are closed. Please call back tomorrow." });
    expect(readWavFormat(readFileSync(path.join(mediaDir, row.fileKey)))).toMatchObject({ channels: 1, sampleRate: 8000, bitsPerSample: 16 });
    await seedPrompt(world.acme.tenant.id, "Taken");
    await expectTrpcError(admin.voicePrompt.rename({ id: spoken.id, name: "taken" }), "CONFLICT");
    expect((await admin.voicePrompt.rename({ id: spoken.id, name: "Closed (weekends)" })).name).toBe("Closed (weekends)");
    await admin.voicePrompt.delete({ id: spoken.id });
    expect(await db.voicePrompt.count({ where: { id: spoken.id } })).toBe(0);
    expect(storedFiles(world.acme.tenant.id)).not.toContain(`${spoken.id}.wav`);
    // Each change is in the company's activity log, by whom.
    const audit = await db.auditLog.findMany({ where: { entityId: spoken.id }, orderBy: { createdAt: "asc" }, select: { action: true, actorUserId: true, tenantId: true } });
    expect(audit).toEqual(["voicePrompt.create", "voicePrompt.rename", "voicePrompt.delete"].map((action) => ({ action, actorUserId: world.acme.admin.id, tenantId: world.acme.tenant.id })));
  });

  it("shows where a prompt is used, and deleting it clears the announcement that used it", async () => {
    const admin = await callerFor(world.acme.admin.id);
    const prompt = await seedPrompt(world.acme.tenant.id, "Announcement", mediaStore());
    const extension = await seedLineExtension(world.acme.tenant.id, "281");
    await db.sipAccount.update({ where: { id: extension.sipAccountId! }, data: { recordAnnouncement: true, recordAnnouncementPromptId: prompt.id } });
    expect((await admin.voicePrompt.find()).find((p) => p.id === prompt.id)?.usedBy).toEqual(["Extension 281"]);
    await admin.voicePrompt.delete({ id: prompt.id });
    expect(await db.sipAccount.findUniqueOrThrow({ where: { id: extension.sipAccountId! } })).toMatchObject({ recordAnnouncement: true, recordAnnouncementPromptId: null });
  });
});
