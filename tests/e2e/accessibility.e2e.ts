/**
 * axe-core over every page of the portal and the back office, as each role that uses it, on
 * a desktop (1280×800) and a phone (390×844). WCAG 2.1 A and AA rules; any violation fails
 * with the rule, the page and the elements it found.
 */
import { createRequire } from "node:module";
import { readFile } from "node:fs/promises";
import type { Browser, BrowserContext, Page } from "playwright-core";
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD, DEMO_USERS } from "../../prisma/demo-logins";
import { getBaseUrl, launchBrowser, signedInContext } from "./helpers/browser";
import { connectTestDb, tenantIdByName } from "./helpers/presence-db";
import { demoRoutingPaths } from "./helpers/routing";

const VIEWPORTS = [
  { name: "desktop", width: 1280, height: 800 },
  { name: "phone", width: 390, height: 844 },
] as const;

type AxeResult = { violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[] };

let axeSource: string;
let browser: Browser;
let db: pg.Client;

/** Waits for the page's data, not for the network: live pages keep an event stream open. */
async function settle(page: Page) {
  await page.waitForLoadState("load");
  await page.locator("main, h1").first().waitFor({ timeout: 15_000 });
  await page.waitForFunction(() => document.querySelectorAll('[aria-busy="true"]').length === 0, undefined, { timeout: 15_000 }).catch(() => {});
}

async function violations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: axeSource });
  const result = (await page.evaluate(() =>
    (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<unknown> } }).axe.run(document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
    }),
  )) as AxeResult;
  return result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(", ")}`);
}

/** Visits each path at each viewport and collects every violation, so one run lists them all. */
async function audit(context: BrowserContext, paths: string[]): Promise<string[]> {
  const found: string[] = [];
  const page = await context.newPage();
  for (const viewport of VIEWPORTS) {
    await page.setViewportSize({ width: viewport.width, height: viewport.height });
    for (const path of paths) {
      await page.goto(path);
      await settle(page);
      for (const v of await violations(page)) found.push(`${path} @${viewport.name}: ${v}`);
    }
  }
  await page.close();
  return found;
}

describe("[A11Y] axe finds nothing on any page, desktop and phone", () => {
  beforeAll(async () => {
    axeSource = await readFile(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
    browser = await launchBrowser();
    db = await connectTestDb();
  });
  afterAll(async () => {
    await db?.end();
    await browser?.close();
  });

  it("the sign-in page", async () => {
    const context = await browser.newContext({ baseURL: getBaseUrl() });
    expect(await audit(context, ["/login"])).toEqual([]);
    await context.close();
  });

  it("a customer admin's pages", async () => {
    const context = await signedInContext(browser, DEMO_USERS.acmeAdmin, DEMO_PASSWORD);
    const paths = ["/", "/extensions", "/extensions/summary", "/users", "/activity", "/billing", "/billing/buy", "/account", "/extensions/wallboard"];
    expect(await audit(context, paths)).toEqual([]);
    await context.close();
  });

  it("a customer admin's numbers pages", async () => {
    const context = await signedInContext(browser, DEMO_USERS.acmeAdmin, DEMO_PASSWORD);
    expect(await audit(context, ["/numbers", "/numbers/buy", "/numbers/caller-id"])).toEqual([]);
    await context.close();
  });

  it("a customer admin's routing pages, and an extension user's forwarding", async () => {
    const paths = await demoRoutingPaths(db, await tenantIdByName(db, "Acme Ltd"));
    const admin = await signedInContext(browser, DEMO_USERS.acmeAdmin, DEMO_PASSWORD);
    expect(await audit(admin, paths.admin)).toEqual([]);
    await admin.close();
    const bob = await signedInContext(browser, DEMO_USERS.acmeUsers[0], DEMO_PASSWORD);
    expect(await audit(bob, paths.bob)).toEqual([]);
    await bob.close();
  });

  it("the call-routing pages: a number's rules and call flow, holidays, an extension's rules", async () => {
    const acme = await tenantIdByName(db, "Acme Ltd");
    const did = (await db.query<{ id: string }>(`SELECT id FROM "Did" WHERE number = '+442071234500'`)).rows[0]!.id;
    const own = (await db.query<{ id: string }>(`SELECT e.id FROM "Extension" e JOIN "User" u ON u.id = e."ownerUserId" WHERE e."tenantId" = $1 AND u.email = $2`, [acme, DEMO_USERS.acmeUsers[0]])).rows[0]!.id;
    const admin = await signedInContext(browser, DEMO_USERS.acmeAdmin, DEMO_PASSWORD);
    expect(await audit(admin, [`/numbers/${did}`, "/routing/holidays", `/extensions/${own}/rules`])).toEqual([]);
    await admin.close();
    const user = await signedInContext(browser, DEMO_USERS.acmeUsers[0], DEMO_PASSWORD);
    expect(await audit(user, [`/extensions/${own}/rules`])).toEqual([]);
    await user.close();
  });

  it("recent calls, blocked callers and the phone book (issue 13)", async () => {
    const admin = await signedInContext(browser, DEMO_USERS.acmeAdmin, DEMO_PASSWORD);
    expect(await audit(admin, ["/calls", "/calls/blocked", "/phone-book"])).toEqual([]);
    await admin.close();
    const user = await signedInContext(browser, DEMO_USERS.acmeUsers[0], DEMO_PASSWORD);
    expect(await audit(user, ["/calls", "/phone-book"])).toEqual([]);
    await user.close();
  });

  it("web callback: requests, refusals, widgets, API keys and the back office's policy (issue 14)", async () => {
    const acme = await tenantIdByName(db, "Acme Ltd");
    // The demo seed's "Website" widget, so its edit page is audited with real settings.
    const { rows } = await db.query<{ id: string }>(`SELECT id FROM "CallbackWidget" WHERE "tenantId" = $1 ORDER BY "createdAt" LIMIT 1`, [acme]);
    expect(rows).toHaveLength(1);
    const admin = await signedInContext(browser, DEMO_USERS.acmeAdmin, DEMO_PASSWORD);
    const paths = ["/callbacks", "/callbacks/refusals", "/callbacks/widgets", "/callbacks/widgets/new", `/callbacks/widgets/${rows[0]!.id}`, "/callbacks/api-keys"];
    expect(await audit(admin, paths)).toEqual([]);
    await admin.close();
    const user = await signedInContext(browser, DEMO_USERS.acmeUsers[0], DEMO_PASSWORD);
    expect(await audit(user, ["/callbacks"])).toEqual([]);
    await user.close();
    const partner = await signedInContext(browser, DEMO_USERS.partnerAdmin, DEMO_PASSWORD);
    expect(await audit(partner, ["/admin/callbacks"])).toEqual([]);
    await partner.close();
  });

  it("an extension user's pages, and a page refused to them", async () => {
    const context = await signedInContext(browser, DEMO_USERS.acmeUsers[0], DEMO_PASSWORD);
    expect(await audit(context, ["/", "/account", "/extensions/summary", "/users"])).toEqual([]);
    await context.close();
  });

  it("a partner admin's back office", async () => {
    const acme = await tenantIdByName(db, "Acme Ltd");
    const { rows } = await db.query<{ id: string }>(`SELECT id FROM "Tariff" ORDER BY "createdAt" LIMIT 1`);
    // A call, so the customer page's usage chart and latest calls are audited, not their empty state.
    await db.query(
      `INSERT INTO "CallRecord" (id, "tenantId", "channelId", direction, "callerNumber", "calledNumber", "startedAt", "answeredAt", "endedAt", "billableSec", disposition, cost, currency)
       VALUES ('e2e-a11y-call', $1, 'e2e-a11y-call', 'OUTBOUND', '201', '442079460000', now() - interval '1 hour', now() - interval '1 hour', now() - interval '58 minutes', 120, 'ANSWERED', 0.03, 'GBP')
       ON CONFLICT DO NOTHING`,
      [acme],
    );
    const context = await signedInContext(browser, DEMO_USERS.partnerAdmin, DEMO_PASSWORD);
    const paths = ["/admin", `/admin/customers/${acme}`, "/admin/plans", "/admin/tariffs", ...(rows[0] ? [`/admin/tariffs/${rows[0].id}`] : []), "/admin/audit", "/admin/account"];
    const found = await audit(context, paths);
    await context.close();
    await db.query(`DELETE FROM "CallRecord" WHERE id = 'e2e-a11y-call'`);
    expect(found).toEqual([]);
  });

  it("a partner admin's numbers and text messages", async () => {
    const context = await signedInContext(browser, DEMO_USERS.partnerAdmin, DEMO_PASSWORD);
    const paths = ["/admin/numbers", "/admin/numbers/tiers", "/admin/numbers/prices", "/admin/numbers/suppliers", "/admin/messages"];
    expect(await audit(context, paths)).toEqual([]);
    await context.close();
  });

  it("a platform admin's back office", async () => {
    const context = await signedInContext(browser, DEMO_USERS.platformAdmin, DEMO_PASSWORD);
    expect(await audit(context, ["/admin", "/admin/payments", "/admin/audit"])).toEqual([]);
    await context.close();
  });
});
