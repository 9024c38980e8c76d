import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import type pg from "pg";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD, DEMO_USERS } from "@/prisma/demo-logins";
import { readWavFormat } from "@/server/media/audio/wav-header";
import { testWav } from "@/tests/fixtures/seed-media";
import { launchBrowser, signedInContext } from "./helpers/browser";
import { MEDIA_ROOT } from "./helpers/media";
import { connectTestDb, tenantIdByName } from "./helpers/presence-db";

/** A caller number no demo call uses, so its row is found unambiguously. */
const CALLER = `+4420${Math.floor(10_000_000 + Math.random() * 89_999_999)}`;

const audioDuration = (page: Page, label: string) =>
  page.getByLabel(label).evaluate(
    (audio: HTMLAudioElement) =>
      new Promise<number>((resolve, reject) => {
        audio.addEventListener("loadedmetadata", () => resolve(audio.duration), { once: true });
        audio.addEventListener("error", () => reject(new Error(`audio error ${audio.error?.code}`)), { once: true });
        audio.preload = "auto";
        audio.load();
      }),
  );

describe("[RECORDINGS] a recorded call is listed, plays and downloads for its company only", () => {
  let browser: Browser;
  let alice: BrowserContext;
  let grace: BrowserContext;
  let db: pg.Client;
  const id = `rec${randomBytes(10).toString("hex")}`;
  let file: string;
  beforeAll(async () => {
    db = await connectTestDb();
    const acme = await tenantIdByName(db, "Acme Ltd");
    // What the worker leaves: a WAV in the store and the row that points at it.
    const key = `${acme}/recordings/${id}.wav`;
    file = path.join(MEDIA_ROOT, key);
    mkdirSync(path.dirname(file), { recursive: true });
    const wav = testWav(3000);
    writeFileSync(file, wav);
    await db.query(
      `INSERT INTO "Recording" (id, "tenantId", "channelId", direction, "callerNumber", "calledNumber", "startedAt", "durationMs", "sizeBytes", "fileKey")
       VALUES ($1, $2, $3, 'INBOUND', $4, '201', now(), 3000, $5, $6)`,
      [id, acme, `e2e-${id}`, CALLER, wav.length, key],
    );
    browser = await launchBrowser();
    alice = await signedInContext(browser, DEMO_USERS.acmeAdmin, DEMO_PASSWORD);
    grace = await signedInContext(browser, DEMO_USERS.globexAdmin, DEMO_PASSWORD);
  });
  afterAll(async () => {
    await db?.query(`DELETE FROM "Recording" WHERE id = $1`, [id]).catch(() => undefined);
    await db?.end();
    await browser?.close();
    rmSync(file, { force: true });
  });

  it("the company's admin sees it, plays it and downloads it", async () => {
    const page = await alice.newPage();
    await page.goto("/recordings");
    await page.getByRole("cell", { name: CALLER, exact: true }).waitFor();
    const label = `Play the call from ${CALLER} to 201`;
    expect(Math.abs((await audioDuration(page, label)) - 3)).toBeLessThan(0.1);
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: `Download the call from ${CALLER} to 201` }).click()]);
    expect(download.suggestedFilename()).toMatch(/^recording-\d{4}-\d{2}-\d{2}-\d{4}-from-\d+-to-201\.wav$/);
    const saved = readFileSync((await download.path())!);
    expect(readWavFormat(saved)).toMatchObject({ channels: 1, sampleRate: 8000, bitsPerSample: 16, durationMs: 3000 });
    await page.close();
  });

  it("another company's admin does not see it, and its file is a 404", async () => {
    const page = await grace.newPage();
    await page.goto("/recordings");
    await page.getByRole("heading", { name: "Recordings", exact: true, level: 1 }).waitFor();
    await page.getByRole("region", { name: "Recorded calls" }).waitFor();
    await page.waitForLoadState("networkidle");
    expect(await page.getByText(CALLER).count()).toBe(0);
    const res = await grace.request.get(`/api/media/recordings/${id}`);
    expect(res.status()).toBe(404);
    expect(res.headers()["content-type"]).toMatch(/json/);
    await page.close();
  });
});
