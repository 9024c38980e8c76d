/**
 * The purchase flow in Chromium: Globex's admin finds a gold number, is told the
 * balance is short, is credited, buys it with the same confirm dialog (one purchase, one
 * charge), points it at extension 302, and a call from the network rings that phone. Then
 * the admin cancels it, which leaves the demo as it was (the number rests in quarantine).
 */
import type { Browser, BrowserContext } from "playwright-core";
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD, DEMO_USERS } from "../../prisma/demo-logins";
import { launchBrowser, signedInContext } from "./helpers/browser";
import { expectInboundRings, pointNumberAt } from "./helpers/numbers";
import { connectTestDb, sipUsername, tenantIdByName } from "./helpers/presence-db";

const GOLD = "+441614960000"; // Manchester, ends 0000: gold in the demo tiers
let browser: Browser;
let context: BrowserContext;
let db: pg.Client;
let globex: string;

describe("[NUMBERS] a customer admin buys a gold number and routes it", () => {
  beforeAll(async () => {
    browser = await launchBrowser();
    db = await connectTestDb();
    globex = await tenantIdByName(db, "Globex Corp");
    context = await signedInContext(browser, DEMO_USERS.globexAdmin, DEMO_PASSWORD);
  });
  afterAll(async () => {
    await context?.close();
    await db?.end();
    await browser?.close();
  });

  it("finds it by area and digits, sees its tier and price, and buys it once", async () => {
    const page = await context.newPage();
    await page.goto("/numbers/buy");
    await page.getByLabel("Area").fill("161");
    await page.getByLabel("Digits").fill("0000");
    await page.getByRole("button", { name: "Search" }).click();
    const row = page.getByRole("row").filter({ has: page.getByRole("button", { name: `Buy ${GOLD}` }) });
    await row.waitFor();
    expect(await row.textContent()).toMatch(/Gold.*£50\.00.*£6\.50/);

    await row.getByRole("button", { name: `Buy ${GOLD}` }).click();
    const dialog = page.getByRole("dialog", { name: "Buy this number" });
    const buy = dialog.getByRole("button", { name: "Buy for £56.50" });
    await buy.click();
    // The opening credit is £50: short, with the top-up offered in place and nothing bought.
    await dialog.getByRole("alert").filter({ hasText: "short by" }).waitFor();
    expect(await dialog.getByRole("button", { name: "Top up" }).count()).toBe(1);

    // The partner credits the customer; the same dialog (the same request key) now buys.
    await db.query(
      `INSERT INTO "LedgerEntry" ("id", "tenantId", "kind", "amount", "currency", "description", "idempotencyKey") VALUES (gen_random_uuid()::text, $1, 'CREDIT_MANUAL', 100, 'GBP', 'e2e credit', 'e2e-number-purchase-credit') ON CONFLICT DO NOTHING`,
      [globex],
    );
    await buy.click();
    await page.getByRole("status").filter({ hasText: "is yours" }).waitFor();
    const purchases = await db.query(`SELECT count(*)::int AS n FROM "LedgerEntry" WHERE "tenantId" = $1 AND kind = 'PURCHASE' AND description LIKE '%+441614960000%'`, [globex]);
    expect(purchases.rows[0].n).toBe(1);

    await page.getByRole("link", { name: "Choose where it rings" }).click();
    await page.waitForURL("**/numbers");
    await pointNumberAt(page, GOLD, "302 · Hank Hill");
    await expectInboundRings(GOLD, await sipUsername(db, globex, "302"));
  });

  it("cancels it: gone from the list, not charged again, resting before resale", async () => {
    const page = await context.newPage();
    await page.goto("/numbers");
    await page.getByRole("button", { name: `Cancel ${GOLD}` }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Cancel the number" }).click();
    await page.getByRole("button", { name: `Cancel ${GOLD}` }).waitFor({ state: "detached" });
    const did = await db.query(`SELECT state, "tenantId" FROM "Did" WHERE number = $1`, [GOLD]);
    expect(did.rows[0]).toEqual({ state: "QUARANTINED", tenantId: null });
    const purchase = await db.query(`SELECT status FROM "NumberPurchase" WHERE number = $1 AND "tenantId" = $2`, [GOLD, globex]);
    expect(purchase.rows.map((r) => r.status)).toEqual(["CANCELLED"]);
  });
});
