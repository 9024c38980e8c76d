import { createHash } from "node:crypto";
import path from "node:path";
import type pg from "pg";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, signedInContext } from "./helpers/browser";
import { connectTestDb, removeWallboardExtensions, seedWallboardExtensions, sipUsername, tenantIdByName } from "./helpers/presence-db";
import { scenario } from "./helpers/simulator";

const PASSWORD = "Centrex-demo-1";
const ARTIFACTS = path.join(import.meta.dirname, "artifacts");
const SEED_PREFIX = "e2e-wb-";
/** The line this file frees and reuses: its own, so the demo's extensions (Reception included) stay for the routing flows. */
const SPARE = { extension: "e2e-spare-ext", account: "e2e-spare-sip", username: "demo-219-spare", number: "219" };

/** Marks the document; if the page reloads or navigates, the mark is gone. */
const markDocument = (page: Page) => page.evaluate(() => void ((window as unknown as { __sameDocument?: boolean }).__sameDocument = true));
const isSameDocument = (page: Page) => page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument === true);

describe("[EXTENSIONS] manage extensions and watch them live", () => {
  let browser: Browser;
  let db: pg.Client;
  let alice: BrowserContext;
  beforeAll(async () => {
    browser = await launchBrowser();
    db = await connectTestDb();
    alice = await signedInContext(browser, "alice@acme.example", PASSWORD);
    const acme = await tenantIdByName(db, "Acme Ltd");
    await db.query(`INSERT INTO "SipAccount" (id, "tenantId", type, username, "authMd5", realm, "updatedAt") VALUES ($1, $2, 'CENTREX_LINE', $3, repeat('0', 32), 'centrex', now())`, [SPARE.account, acme, SPARE.username]);
    await db.query(`INSERT INTO "Extension" (id, "tenantId", number, "displayName", "sipAccountId", "updatedAt") VALUES ($1, $2, $3, 'Temp desk', $4, now())`, [SPARE.extension, acme, SPARE.number, SPARE.account]);
  });
  afterAll(async () => {
    await removeWallboardExtensions(db, SEED_PREFIX).catch(() => undefined);
    await db?.end();
    await browser?.close();
  });

  it("an admin frees a temporary desk's account, creates extension 211 on it and sees its credentials once", async () => {
    const page = await alice.newPage();
    await page.goto("/extensions");
    await page.getByRole("button", { name: `Delete extension ${SPARE.number}` }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Delete extension" }).click();
    await page.getByRole("cell", { name: "Temp desk" }).waitFor({ state: "detached" });

    await page.getByRole("button", { name: "Add extension" }).click();
    const form = page.getByRole("dialog", { name: "Add an extension" });
    await form.getByLabel("SIP account").selectOption({ label: SPARE.username });
    await form.getByLabel("Number", { exact: true }).fill("201"); // taken by Alice: the server says so on the field
    await form.getByLabel("Display name").fill("Front desk");
    await form.getByLabel("Voicemail PIN").fill("2468");
    await form.getByRole("button", { name: "Add extension" }).click();
    await form.getByText(/Extension 201 \(Alice Admin\) already uses this number/).waitFor();
    await form.getByLabel("Number", { exact: true }).fill("211");
    await form.getByRole("button", { name: "Add extension" }).click();

    const shown = page.getByRole("dialog", { name: "SIP credentials for extension 211" });
    await shown.waitFor();
    await shown.getByText("won't be shown again").first().waitFor();
    const username = (await shown.getByTestId("credential-username").innerText()).trim();
    const secret = (await shown.getByTestId("credential-password").innerText()).trim();
    expect(username).toBe(SPARE.username); // the freed line
    expect(secret.length).toBeGreaterThanOrEqual(24);
    await page.screenshot({ path: path.join(ARTIFACTS, "extension-credentials.png") });
    const { rows } = await db.query<{ authMd5: string; realm: string }>(`SELECT "authMd5", realm FROM "SipAccount" WHERE username = $1`, [username]);
    expect(rows[0]?.authMd5).toBe(createHash("md5").update(`${username}:${rows[0]?.realm}:${secret}`).digest("hex"));

    await shown.getByRole("button", { name: "I have saved them" }).click();
    await page.getByRole("cell", { name: "Front desk" }).waitFor();
    expect(await page.getByText(secret).count()).toBe(0); // gone for good
    await page.screenshot({ path: path.join(ARTIFACTS, "extensions.png") });
    await page.close();
  });

  it("the live status page lists extensions and shows a registration and a call without reloading", async () => {
    const page = await alice.newPage();
    await page.goto("/extensions/summary");
    for (const n of ["201", "202", "203", "211"]) await page.getByTestId(`line-${n}`).waitFor();
    await page.locator('[data-stream-status="live"]').waitFor();
    await markDocument(page);

    // Through the simulator: the phone's SIP traffic reaches the worker over ARI, which writes
    // the row and NOTIFYs; the page hears it over SSE.
    const acme = await tenantIdByName(db, "Acme Ltd");
    const bobPhone = await sipUsername(db, acme, "202");
    const carolPhone = await sipUsername(db, acme, "203");
    const line = page.getByTestId("line-202");
    await scenario("unregisterPhone", { endpoint: bobPhone });
    await line.getByText("Not registered", { exact: true }).waitFor({ timeout: 10_000 });
    await scenario("registerPhone", { endpoint: bobPhone, userAgent: "Yealink T54W", address: "192.0.2.10:5060" });
    await line.getByText("Registered", { exact: true }).waitFor({ timeout: 10_000 });

    await scenario("placeExtensionCall", { fromEndpoint: carolPhone, to: "202" });
    const call = page.getByTestId("call-202");
    await call.getByText("On a call").waitFor({ timeout: 15_000 });
    // Both sides name the other party as people know them, never by a dial string.
    await call.getByText("with Carol Chen (203)").waitFor();
    await page.getByTestId("call-203").getByText("with Bob Baker (202)").waitFor();
    const first = await call.locator("time").innerText();
    expect(first).toMatch(/^\d\d:\d\d$/);
    // The timer runs: it ticks once a second, but a loaded CI machine may delay a tick, so
    // allow a few seconds for the text to move on.
    let later = first;
    for (const deadline = Date.now() + 6_000; later === first && Date.now() < deadline; ) {
      await page.waitForTimeout(250);
      later = await call.locator("time").innerText();
    }
    expect(later).not.toBe(first);
    expect(await isSameDocument(page)).toBe(true);

    await page.getByRole("button", { name: /^On a call/ }).click(); // filter chip
    await page.getByTestId("line-201").waitFor({ state: "detached" });
    await page.getByTestId("line-202").waitFor();
    await page.screenshot({ path: path.join(ARTIFACTS, "live-status.png"), fullPage: true });
    await page.close();
  });

  it("the wallboard shows 200 extensions legibly on a 1080p screen and updates live", async () => {
    const globex = await tenantIdByName(db, "Globex Corp");
    const { rows } = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM "Extension" WHERE "tenantId" = $1`, [globex]);
    await seedWallboardExtensions(db, globex, 200 - rows[0]!.n, SEED_PREFIX);

    const grace = await signedInContext(browser, "grace@globex.example", PASSWORD);
    const page = await grace.newPage();
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.goto("/extensions/wallboard");
    const tiles = page.locator('[data-testid^="tile-"]');
    await page.getByTestId("tile-4197").waitFor();
    expect(await tiles.count()).toBe(200);
    await page.locator('[data-stream-status="live"]').waitFor();
    await markDocument(page);
    await page.screenshot({ path: path.join(ARTIFACTS, "wallboard-200.png") });

    const boxes = await tiles.evaluateAll((els) => els.map((el) => el.getBoundingClientRect().toJSON() as DOMRect));
    const outside = boxes.filter((b) => b.left < 0 || b.top < 0 || b.right > 1920 || b.bottom > 1080 || b.width < 40);
    expect(outside).toEqual([]);
    const fonts = await page.locator('[data-role="number"]').evaluateAll((els) => els.map((el) => parseFloat(getComputedStyle(el).fontSize)));
    expect(Math.min(...fonts)).toBeGreaterThanOrEqual(14);
    // Numbers and state words are not cut off: their text fits their own boxes.
    const clipped = await page.locator('[data-role="number"], [data-role="state"]').evaluateAll((els) =>
      els.filter((el) => el.scrollWidth > el.clientWidth + 1).map((el) => el.textContent),
    );
    expect(clipped).toEqual([]);

    // Grace's phone drops off and comes back, through the simulator and the worker.
    const gracePhone = await sipUsername(db, globex, "301");
    await scenario("unregisterPhone", { endpoint: gracePhone });
    await page.locator('[data-testid="tile-301"][data-state="unregistered"]').waitFor({ timeout: 10_000 });
    await scenario("registerPhone", { endpoint: gracePhone });
    await page.getByTestId("tile-301").getByText("Registered", { exact: true }).waitFor({ timeout: 10_000 });
    expect(await page.getByTestId("tile-301").getAttribute("data-state")).toBe("registered");
    expect(await isSameDocument(page)).toBe(true);
    await grace.close();
  });
});
