import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type pg from "pg";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD, DEMO_USERS } from "@/prisma/demo-logins";
import { readWavFormat } from "@/server/media/audio/wav-header";
import { launchBrowser, signedInContext } from "./helpers/browser";
import { mediaFiles } from "./helpers/media";
import { connectTestDb, tenantIdByName } from "./helpers/presence-db";

const NAME = `E2E tone ${Date.now()}`;
const REFUSED = `E2E refused ${Date.now()}`;

/** Seconds the browser's audio element reports once it has read the file's header. */
const audioDuration = (page: Page, label: string) =>
  page.locator(`audio[aria-label="${label}"]`).evaluate(
    (audio: HTMLAudioElement) =>
      new Promise<number>((resolve, reject) => {
        audio.addEventListener("loadedmetadata", () => resolve(audio.duration), { once: true });
        audio.addEventListener("error", () => reject(new Error(`audio error ${audio.error?.code}`)), { once: true });
        audio.preload = "auto";
        audio.load();
      }),
  );

describe("[PROMPTS] upload and play a voice prompt", () => {
  let browser: Browser;
  let alice: BrowserContext;
  let db: pg.Client;
  let acmeId: string;
  let folder: string;
  let mp3: string;
  beforeAll(async () => {
    folder = mkdtempSync(path.join(tmpdir(), "e2e-prompt-"));
    mp3 = path.join(folder, "tone.mp3");
    execFileSync("sox", ["-n", "-r", "44100", "-c", "2", mp3, "synth", "2", "sine", "440"]);
    browser = await launchBrowser();
    alice = await signedInContext(browser, DEMO_USERS.acmeAdmin, DEMO_PASSWORD);
    db = await connectTestDb();
    acmeId = await tenantIdByName(db, "Acme Ltd");
  });
  afterAll(async () => {
    await db?.query(`DELETE FROM "VoicePrompt" WHERE name = $1`, [NAME]).catch(() => undefined);
    await db?.end();
    await browser?.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it("an admin uploads an MP3; it plays in the browser and is stored as 8 kHz mono 16-bit WAV", async () => {
    const page = await alice.newPage();
    await page.goto("/prompts");
    await page.getByRole("heading", { name: "Voice prompts", exact: true }).waitFor();
    await page.getByRole("button", { name: "Upload a prompt" }).first().click();
    const dialog = page.getByRole("dialog", { name: "Upload a prompt" });
    await dialog.getByLabel("Name").fill(NAME);
    await dialog.getByLabel("Audio file").setInputFiles(mp3);
    await dialog.getByRole("button", { name: "Upload" }).click();
    await page.getByRole("cell", { name: NAME, exact: true }).waitFor();

    const duration = await audioDuration(page, `Play ${NAME}`);
    expect(Math.abs(duration - 2)).toBeLessThan(0.15);

    const src = await page.locator(`audio[aria-label="Play ${NAME}"]`).getAttribute("src");
    const res = await alice.request.get(`${src}?download=1`);
    expect(res.status()).toBe(200);
    expect(res.headers()["content-type"]).toBe("audio/wav");
    expect(res.headers()["cache-control"]).toMatch(/^private/);
    expect(readWavFormat(await res.body())).toMatchObject({ formatTag: 1, channels: 1, sampleRate: 8000, bitsPerSample: 16 });
    const { rows } = await db.query<{ fileKey: string }>(`SELECT "fileKey" FROM "VoicePrompt" WHERE "tenantId" = $1 AND name = $2`, [acmeId, NAME]);
    expect(rows).toHaveLength(1);
    expect(mediaFiles(acmeId, "prompts")).toContain(path.basename(rows[0]!.fileKey));
    await page.close();
  });

  it("a text file renamed .mp3 is refused with a clear message, and nothing is stored", async () => {
    const before = mediaFiles(acmeId, "prompts");
    const page = await alice.newPage();
    await page.goto("/prompts");
    await page.getByRole("button", { name: "Upload a prompt" }).first().click();
    const dialog = page.getByRole("dialog", { name: "Upload a prompt" });
    await dialog.getByLabel("Name").fill(REFUSED);
    await dialog.getByLabel("Audio file").setInputFiles({ name: "greeting.mp3", mimeType: "audio/mpeg", buffer: Buffer.from("Not audio at all, just text.\n".repeat(40)) });
    await dialog.getByRole("button", { name: "Upload" }).click();
    await dialog.getByText("This file is not audio. Upload a WAV, MP3 or OGG file.").waitFor();
    expect((await db.query(`SELECT 1 FROM "VoicePrompt" WHERE name = $1`, [REFUSED])).rowCount).toBe(0);
    expect(mediaFiles(acmeId, "prompts")).toEqual(before);
    await page.close();
  });
});
