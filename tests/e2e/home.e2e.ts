/**
 * Each role's home page with live figures, and dates the British way (the demo partner is
 * en-GB, its customers Europe/London): a phone the simulator registers or drops changes the
 * admin's "registered" count and the owner's own lamp without a reload.
 */
import type { Browser, Page } from "playwright-core";
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD, DEMO_USERS } from "../../prisma/demo-logins";
import { launchBrowser, signedInContext } from "./helpers/browser";
import { connectTestDb, sipUsername, tenantIdByName } from "./helpers/presence-db";
import { scenario } from "./helpers/simulator";

let browser: Browser;
let db: pg.Client;

/** A marker on `window` that a reload would wipe: the figure changed in place or not at all. */
const markPage = (page: Page) => page.evaluate(() => ((window as unknown as { homeMarker: number }).homeMarker = 42));
const isSamePage = (page: Page) => page.evaluate(() => (window as unknown as { homeMarker?: number }).homeMarker === 42);
const count = async (page: Page, testId: string) => Number((await page.getByTestId(testId).textContent())?.trim());

/** "1 Jan 2027": day, short month, year; never "Jan 1, 2027". */
const BRITISH_DATE = /^\d{1,2} [A-Z][a-z]{2,3} \d{4}$/;
/** "1 Dec 2026, 22:52": a 24-hour clock, no AM/PM. */
const BRITISH_DATE_TIME = /^\d{1,2} [A-Z][a-z]{2,3} \d{4}, \d{2}:\d{2}$/;

describe("[HOME] each role's home page", () => {
  let acme: string;
  let bobPhone: string;
  beforeAll(async () => {
    browser = await launchBrowser();
    db = await connectTestDb();
    acme = await tenantIdByName(db, "Acme Ltd");
    bobPhone = await sipUsername(db, acme, "202");
    await scenario("registerPhone", { endpoint: bobPhone, userAgent: "Yealink T54W", address: "192.0.2.30:5060" });
  });
  afterAll(async () => {
    if (bobPhone) await scenario("registerPhone", { endpoint: bobPhone, userAgent: "Yealink T54W", address: "192.0.2.30:5060" }).catch(() => {});
    await db?.end();
    await browser?.close();
  });

  it("shows the admin the company's figures, and the registered count follows the phones live", async () => {
    const context = await signedInContext(browser, DEMO_USERS.acmeAdmin, DEMO_PASSWORD);
    const page = await context.newPage();
    await page.goto("/");
    await page.locator('[data-stream-status="live"]').first().waitFor({ timeout: 15_000 });

    // Money, in pounds (pence at least, and the sub-penny left by calls rated per second, as the
    // formatter writes every amount), and the next charge's date the British way.
    expect(await page.getByTestId("home-balance-amount").textContent()).toMatch(/^-?£[\d,]+\.\d{2,5}$/);
    const nextCharge = page.getByTestId("home-next-charge");
    const chargeText = (await nextCharge.textContent()) ?? "";
    if (!chargeText.includes("Nothing is billed")) {
      const on = /On (.+?), for \d+ accounts?/.exec(chargeText)?.[1];
      expect(on, chargeText).toMatch(BRITISH_DATE);
    }
    for (const id of ["home-balance", "home-phones", "home-next-charge", "home-unused", "home-users", "home-calls", "home-activity"]) {
      await expect(page.getByTestId(id).isVisible()).resolves.toBe(true);
    }

    await page.getByTestId("home-phones-registered").waitFor();
    await markPage(page);
    const before = await count(page, "home-phones-registered");
    const offlineBefore = await count(page, "home-phones-offline");
    await scenario("unregisterPhone", { endpoint: bobPhone });
    await page.waitForFunction((n) => document.querySelector('[data-testid="home-phones-registered"]')?.textContent?.trim() === String(n), before - 1, { timeout: 10_000 });
    expect(await count(page, "home-phones-offline")).toBe(offlineBefore + 1);
    await scenario("registerPhone", { endpoint: bobPhone, userAgent: "Yealink T54W", address: "192.0.2.30:5060" });
    await page.waitForFunction((n) => document.querySelector('[data-testid="home-phones-registered"]')?.textContent?.trim() === String(n), before, { timeout: 10_000 });
    expect(await isSamePage(page)).toBe(true);
    await context.close();
  });

  it("shows an extension user their own extension, its line live, and what callers see", async () => {
    const context = await signedInContext(browser, DEMO_USERS.acmeUsers[0], DEMO_PASSWORD);
    const page = await context.newPage();
    await page.goto("/");
    const card = page.getByTestId("home-extension-202");
    await card.getByTestId("home-extension-line").getByText("Registered", { exact: true }).waitFor({ timeout: 15_000 });
    await page.locator('[data-stream-status="live"]').first().waitFor({ timeout: 15_000 });
    expect(await card.textContent()).toMatch(/Callers see\S*\+44 [\d ]+/);
    // No company figures for extension users.
    expect(await page.getByTestId("home-balance").count()).toBe(0);
    await markPage(page);
    await scenario("unregisterPhone", { endpoint: bobPhone });
    await card.getByTestId("home-extension-line").getByText("Not registered", { exact: true }).waitFor({ timeout: 10_000 });
    await scenario("registerPhone", { endpoint: bobPhone, userAgent: "Yealink T54W", address: "192.0.2.30:5060" });
    await card.getByTestId("home-extension-line").getByText("Registered", { exact: true }).waitFor({ timeout: 10_000 });
    expect(await isSamePage(page)).toBe(true);
    await context.close();
  });

  it("writes dates and times the British way on the users list (last sign-in)", async () => {
    const context = await signedInContext(browser, DEMO_USERS.acmeAdmin, DEMO_PASSWORD);
    const page = await context.newPage();
    for (const pathname of ["/users"]) {
      await page.goto(pathname);
      await page.locator("time").first().waitFor({ timeout: 15_000 });
      const times = await page.locator("time").allTextContents();
      expect(times.length, pathname).toBeGreaterThan(0);
      for (const text of times) expect(text.trim(), pathname).toMatch(new RegExp(`${BRITISH_DATE_TIME.source}|${BRITISH_DATE.source}`));
    }
    await context.close();
  });
});
