/**
 * The portal on a phone (390×844): live status shows every row's call state on screen, and no
 * page of the portal or the back office scrolls sideways, as each role that uses it.
 */
import path from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD, DEMO_USERS } from "../../prisma/demo-logins";
import { launchBrowser, signedInContext } from "./helpers/browser";
import { connectTestDb, tenantIdByName } from "./helpers/presence-db";
import { demoRoutingPaths } from "./helpers/routing";
import { scenario } from "./helpers/simulator";

const PHONE = { width: 390, height: 844 };
const ARTIFACTS = path.join(import.meta.dirname, "artifacts");

let browser: Browser;
let db: pg.Client;

const phoneContext = (email: string) => signedInContext(browser, email, DEMO_PASSWORD);

/** Waits for the page's data, not for the network: live pages keep an event stream open. */
async function settle(page: Page) {
  await page.waitForLoadState("load");
  await page.locator("main, h1").first().waitFor({ timeout: 15_000 });
  await page.waitForFunction(() => document.querySelectorAll('[aria-busy="true"]').length === 0, undefined, { timeout: 15_000 }).catch(() => {});
}

/** "path: N px wide", naming the elements that stick out, or nothing when the page fits. */
async function sidewaysOverflow(page: Page, pathname: string): Promise<string[]> {
  await page.goto(pathname);
  await settle(page);
  const { scrollWidth, culprits } = await page.evaluate((width) => {
    const describe = (el: Element) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ""}.${[...el.classList].slice(0, 4).join(".")}`;
    const wide = [...document.body.querySelectorAll("*")].filter((el) => el.getBoundingClientRect().right > width + 0.5);
    // The innermost offenders say where to look; their ancestors only contain them.
    const innermost = wide.filter((el) => !wide.some((other) => other !== el && el.contains(other)));
    return { scrollWidth: document.documentElement.scrollWidth, culprits: innermost.slice(0, 3).map(describe) };
  }, PHONE.width);
  return scrollWidth > PHONE.width ? [`${pathname}: ${scrollWidth} px wide (${culprits.join(", ")})`] : [];
}

async function overflowingPages(context: BrowserContext, paths: string[]): Promise<string[]> {
  const page = await context.newPage();
  await page.setViewportSize(PHONE);
  const found: string[] = [];
  for (const pathname of paths) found.push(...(await sidewaysOverflow(page, pathname)));
  await page.close();
  return found;
}

/** Acme's extensions with a SIP account and no call in progress, in number order. */
async function idlePhones(tenantId: string) {
  const { rows } = await db.query<{ number: string; username: string }>(
    `SELECT e.number, s.username FROM "Extension" e JOIN "SipAccount" s ON s.id = e."sipAccountId"
     LEFT JOIN "ExtensionCallState" c ON c."extensionId" = e.id
     WHERE e."tenantId" = $1 AND (c.state IS NULL OR c.state = 'IDLE') ORDER BY e.number`,
    [tenantId],
  );
  return rows;
}

describe("[MOBILE] the portal on a 390 px phone", () => {
  beforeAll(async () => {
    browser = await launchBrowser();
    db = await connectTestDb();
  });
  afterAll(async () => {
    await db?.end();
    await browser?.close();
  });

  it("live status shows each row's call state inside the screen, during a call", async () => {
    const acme = await tenantIdByName(db, "Acme Ltd");
    const phones = await idlePhones(acme);
    expect(phones.length).toBeGreaterThanOrEqual(2);
    for (const phone of phones) await scenario("registerPhone", { endpoint: phone.username, userAgent: "Yealink T54W", address: "192.0.2.20:5060" });
    const [callee, caller] = phones as [(typeof phones)[number], (typeof phones)[number]];
    const { channelId } = await scenario<{ channelId: string }>("placeExtensionCall", { fromEndpoint: caller.username, to: callee.number });

    const context = await phoneContext(DEMO_USERS.acmeAdmin);
    const page = await context.newPage();
    await page.setViewportSize(PHONE);
    try {
      await page.goto("/extensions/summary");
      await page.getByTestId(`call-${callee.number}`).getByText("On a call").waitFor({ timeout: 15_000 });

      const cells = page.locator('[data-testid^="call-"]');
      const count = await cells.count();
      expect(count).toBeGreaterThanOrEqual(phones.length);
      for (let i = 0; i < count; i++) {
        const cell = cells.nth(i);
        // The state word itself, not only its cell, has to be on screen. No scrolling first:
        // scrolling it into view would also scroll a sideways-scrolling table to it.
        const state = cell.getByText(/^(Idle|On a call|Ringing|On hold)$/).first();
        const box = await state.boundingBox();
        expect(box, `call state of ${await cell.getAttribute("data-testid")}`).not.toBeNull();
        expect(box!.x).toBeGreaterThanOrEqual(0);
        expect(box!.x + box!.width).toBeLessThanOrEqual(PHONE.width);
        expect(await state.isVisible()).toBe(true);
      }
      // The card names each value: the call's line reads "Call …", not a bare badge.
      const call = page.getByTestId(`call-${callee.number}`);
      expect(await call.getAttribute("data-label")).toBe("Call");
      expect(await call.evaluate((el) => getComputedStyle(el, "::before").content)).not.toMatch(/^(none|normal)$/);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
      await page.screenshot({ path: path.join(ARTIFACTS, "live-status-phone.png"), fullPage: true });
    } finally {
      await scenario("hangup", { channelId }).catch(() => undefined);
      await context.close();
    }
  });

  it("a customer admin's pages never scroll sideways", async () => {
    const context = await phoneContext(DEMO_USERS.acmeAdmin);
    const paths = ["/", "/extensions", "/extensions/summary", "/users", "/billing", "/billing/buy", "/numbers", "/numbers/buy", "/numbers/caller-id", "/activity", "/account"];
    expect(await overflowingPages(context, paths)).toEqual([]);
    await context.close();
  });

  it("the routing pages never scroll sideways", async () => {
    const paths = await demoRoutingPaths(db, await tenantIdByName(db, "Acme Ltd"));
    const admin = await phoneContext(DEMO_USERS.acmeAdmin);
    expect(await overflowingPages(admin, paths.admin)).toEqual([]);
    await admin.close();
    const bob = await phoneContext(DEMO_USERS.acmeUsers[0]);
    expect(await overflowingPages(bob, paths.bob)).toEqual([]);
    await bob.close();
  });

  it("an extension user's pages never scroll sideways", async () => {
    const context = await phoneContext(DEMO_USERS.acmeUsers[0]);
    expect(await overflowingPages(context, ["/", "/extensions/summary", "/account"])).toEqual([]);
    await context.close();
  });

  it("a partner admin's back office never scrolls sideways", async () => {
    const acme = await tenantIdByName(db, "Acme Ltd");
    const { rows } = await db.query<{ id: string }>(`SELECT id FROM "Tariff" ORDER BY "createdAt" LIMIT 1`);
    expect(rows[0]).toBeDefined();
    const context = await phoneContext(DEMO_USERS.partnerAdmin);
    const paths = ["/admin", `/admin/customers/${acme}`, "/admin/plans", "/admin/tariffs", `/admin/tariffs/${rows[0]!.id}`, "/admin/numbers", "/admin/numbers/tiers", "/admin/numbers/suppliers", "/admin/messages", "/admin/audit"];
    expect(await overflowingPages(context, paths)).toEqual([]);
    await context.close();
  });

  it("a platform admin's back office never scrolls sideways", async () => {
    const context = await phoneContext(DEMO_USERS.platformAdmin);
    expect(await overflowingPages(context, ["/admin", "/admin/payments", "/admin/audit"])).toEqual([]);
    await context.close();
  });
});
