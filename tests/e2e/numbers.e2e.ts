/**
 * The customer admin re-routes the company's number on the Numbers page, and the very next
 * call from the network rings the chosen extension. Restores the demo routing afterwards.
 */
import type { Browser, BrowserContext } from "playwright-core";
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD, DEMO_USERS } from "../../prisma/demo-logins";
import { launchBrowser, signedInContext } from "./helpers/browser";
import { expectInboundRings, pointNumberAt } from "./helpers/numbers";
import { connectTestDb, sipUsername, tenantIdByName } from "./helpers/presence-db";

const ACME_NUMBER = "+442071234500";
let browser: Browser;
let context: BrowserContext;
let db: pg.Client;
let original: { targetType: string | null; targetExtensionId: string | null };

describe("[NUMBERS] admin points a number at an extension", () => {
  let carolPhone: string;
  beforeAll(async () => {
    browser = await launchBrowser();
    db = await connectTestDb();
    const acme = await tenantIdByName(db, "Acme Ltd");
    carolPhone = await sipUsername(db, acme, "203");
    original = (await db.query(`SELECT "targetType", "targetExtensionId" FROM "Did" WHERE number = $1`, [ACME_NUMBER])).rows[0];
    context = await signedInContext(browser, DEMO_USERS.acmeAdmin, DEMO_PASSWORD);
  });
  afterAll(async () => {
    if (original) {
      await db.query(`UPDATE "Did" SET "targetType" = $2, "targetExtensionId" = $3 WHERE number = $1`, [ACME_NUMBER, original.targetType, original.targetExtensionId]);
      await db.query(`SELECT pg_notify('dialplan_changed', "tenantId") FROM "Did" WHERE number = $1`, [ACME_NUMBER]);
    }
    await context?.close();
    await db?.end();
    await browser?.close();
  });

  it("sees the number, picks extension 203 and an inbound call rings it", async () => {
    const page = await context.newPage();
    await page.goto("/numbers");
    await page.getByRole("button", { name: `Destination of ${ACME_NUMBER}` }).waitFor();
    await pointNumberAt(page, ACME_NUMBER, "203 · Carol Chen");
    await page.getByText("Extension 203 · Carol Chen").waitFor();
    expect(await page.getByText("Extension 203 · Carol Chen").count()).toBeGreaterThan(0);
    await expectInboundRings(ACME_NUMBER, carolPhone);
  });
});
