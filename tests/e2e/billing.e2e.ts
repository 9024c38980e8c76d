import { mkdir } from "node:fs/promises";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, signedInContext } from "./helpers/browser";
import { connectTestDb, tenantIdByName } from "./helpers/presence-db";

const ARTIFACTS = "tests/e2e/artifacts";
const PASSWORD = "Centrex-demo-1";
const shot = (page: Page, name: string) => page.screenshot({ path: `${ARTIFACTS}/${name}.png`, fullPage: true });

// One flow in order: the purchase's charge is what the partner's credit then adds to.
describe("[BILLING] buying accounts and crediting a customer", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
    await mkdir(ARTIFACTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("a customer admin sees the live quote, buys once despite a double click, and sees the charge", async () => {
    const context = await signedInContext(browser, "alice@acme.example", PASSWORD);
    const page = await context.newPage();
    await page.goto("/billing");
    const balance = page.getByTestId("balance-amount");
    await balance.getByText("£50.00").waitFor();

    await page.getByRole("link", { name: "Buy accounts" }).click();
    await page.waitForURL("**/billing/buy");
    await page.getByRole("radio", { name: /Centrex line/ }).check();
    await page.getByLabel("Quantity").fill("2");
    // Acme owns 4 Centrex lines: 4 + 2 = 6 reaches the 6–10 band.
    await page.getByText("Band reached: 6–10 accounts: £4.99 each").waitFor();
    const quote = page.locator("section", { hasText: "Your quote" });
    await quote.getByText("£9.98").waitFor();
    await quote.getByText("5 more and every new account costs £3.99.").waitFor();
    await quote.getByText("Now 4").waitFor();
    await quote.getByText("After 6").waitFor();
    await shot(page, "billing-buy-quote");

    // Two clicks in one task, before React can re-render and disable the button: harsher than
    // a human double click. Both must carry the same idempotency key and make one purchase.
    const confirm = page.getByRole("button", { name: "Confirm purchase" });
    await confirm.evaluate((button: HTMLButtonElement) => {
      button.click();
      button.click();
    });
    await page.getByRole("heading", { name: "Bought 2 centrex lines" }).waitFor();
    await page.getByText("Charged £9.98 to your balance.").waitFor();
    await shot(page, "billing-buy-done");
    // Straight on to working phones: one dialog per unused account, until the admin stops.
    await page.getByRole("link", { name: "Give each account an extension" }).click();
    await page.waitForURL("**/extensions?assign=new");
    const addDialog = page.getByRole("dialog", { name: /Add an extension \(\d+ accounts left\)/ });
    await addDialog.waitFor();
    await addDialog.getByRole("button", { name: "Cancel" }).click();
    await addDialog.waitFor({ state: "hidden" });

    await page.goto("/billing");
    await balance.getByText("£40.02").waitFor();
    const purchases = page.getByRole("table", { name: "Purchases", exact: true });
    await purchases.getByText("2 × Centrex lines").waitFor();
    expect(await purchases.locator("tbody tr").count()).toBe(1);
    const transactions = page.getByRole("table", { name: "Transactions", exact: true });
    await transactions.getByText("-£9.98").waitFor();
    expect(await transactions.getByText("Account purchase").count()).toBe(1);
    const accounts = page.getByRole("table", { name: "SIP accounts", exact: true });
    expect(await accounts.locator("tbody tr").count()).toBe(6);
    await shot(page, "billing-overview");

    // More than the balance covers: the shortfall is shown, with a way to top up.
    await page.goto("/billing/buy");
    await page.getByLabel("Quantity").fill("500");
    await page.getByText("Band reached: 11 or more accounts: £3.99 each").waitFor();
    await page.getByRole("button", { name: "Confirm purchase" }).click();
    await page.getByRole("alert").getByText("Your balance is short by £1,954.98; top up first.").waitFor();
    // A quantity out of range clears the quote instead of leaving the last valid one up.
    await page.getByLabel("Quantity").fill("501");
    await page.getByText("Choose a quantity from 1 to 500 to see the price.").waitFor();
    expect(await page.getByText(/Band reached/).count()).toBe(0);
    await page.getByLabel("Quantity").fill("500");
    await page.getByText("Band reached: 11 or more accounts: £3.99 each").waitFor();
    await page.getByRole("button", { name: "Confirm purchase" }).click();
    await page.getByRole("alert").getByText("Your balance is short by £1,954.98; top up first.").waitFor();
    await page.getByRole("button", { name: "Top up" }).click();
    const topUp = page.getByRole("dialog");
    await topUp.getByRole("button", { name: "Continue to payment" }).click();
    // The e2e server runs without Stripe keys, so the customer gets the clear refusal.
    if (!process.env.STRIPE_SECRET_KEY) await topUp.getByText("Card payments are not configured; ask your provider to credit your account.").waitFor();
    await shot(page, "billing-buy-short");
    await topUp.getByRole("button", { name: "Cancel" }).click();

    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByLabel("Quantity").fill("3");
    await page.getByText("Band reached: 6–10 accounts: £4.99 each").waitFor();
    await shot(page, "billing-buy-mobile");
    await context.close();
  });

  it("a partner admin manages plans and credits Acme, and the ledger shows the credit", async () => {
    const context = await signedInContext(browser, "admin@demotelecom.example", PASSWORD);
    const page = await context.newPage();
    await page.goto("/admin/plans");
    await page.getByRole("heading", { name: "Centrex line standard" }).waitFor();
    await page.getByRole("switch", { name: /Re-price existing accounts/ }).waitFor();
    await page.getByRole("button", { name: "New plan" }).click();
    const planDialog = page.getByRole("dialog");
    await planDialog.getByLabel("Name").fill("Premium lines");
    await planDialog.getByLabel("Band 1 monthly price").fill("6.50");
    await planDialog.getByLabel("Band 2 monthly price").fill("5.50");
    await planDialog.getByLabel("Band 2 from").fill("8");
    await planDialog.getByRole("button", { name: "Create plan" }).click();
    // The browser runs the server's validateBands, so the message is the server's own.
    await planDialog.getByText("Band 2: starts at 8, leaving 6–7 without a price; start it at 6.").waitFor();
    await shot(page, "admin-plans-validation");
    await planDialog.getByRole("button", { name: "Cancel" }).click();
    await shot(page, "admin-plans");

    await page.goto("/admin");
    await page.getByRole("link", { name: "Acme Ltd" }).click();
    await page.getByRole("heading", { name: "Billing", exact: true }).waitFor();
    const balance = page.getByTestId("balance-amount");
    await balance.getByText("£40.02").waitFor();
    await page.getByRole("button", { name: "Credit account" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("Amount (GBP)").fill("10");
    await dialog.getByLabel("Reason").fill("Goodwill for the outage");
    await dialog.getByRole("button", { name: "Credit account" }).click();
    const transactions = page.getByRole("table", { name: "Transactions of Acme Ltd" });
    await transactions.getByText("Credit from your provider: Goodwill for the outage").waitFor();
    await transactions.getByText("+£10.00").waitFor();
    await balance.getByText("£50.02").waitFor();
    await shot(page, "admin-customer-billing");
    await context.close();
  });

  it("with re-pricing on, the quote says so before the customer confirms", async () => {
    const admin = await signedInContext(browser, "admin@demotelecom.example", PASSWORD);
    const adminPage = await admin.newPage();
    await adminPage.goto("/admin/plans");
    const policy = adminPage.getByRole("switch", { name: /Re-price existing accounts/ });
    await policy.click();
    await adminPage.locator('[role="switch"][aria-checked="true"]').waitFor();

    const customer = await signedInContext(browser, "alice@acme.example", PASSWORD);
    const page = await customer.newPage();
    await page.goto("/billing/buy");
    await page.getByLabel("Quantity").fill("5"); // 6 + 5 = 11: into the next band
    await page.getByText("Your 6 existing accounts of this type move to £3.99 a month from the next charge.").waitFor();
    await shot(page, "billing-buy-repricing");

    // Leave the demo partner's policy as the seed made it.
    await policy.click();
    await adminPage.locator('[role="switch"][aria-checked="false"]').waitFor();
    await Promise.all([admin.close(), customer.close()]);
  });

  it("a refused card payment shows to the partner, the platform admin and, as not credited, the customer", async () => {
    // What the webhook leaves for Acme after a short payment and a payment link naming Acme.
    const client = await connectTestDb();
    try {
      const acmeId = await tenantIdByName(client, "Acme Ltd");
      await client.query(
        `INSERT INTO "TopUp" (id, "tenantId", amount, currency, "amountMinor", "stripeSessionId", status, "refusalReason", "refusedAt", "updatedAt")
         VALUES ('e2e_topup_short', $1, 25, 'GBP', 2500, 'cs_e2e_short', 'REFUSED', 'AMOUNT_MISMATCH', now(), now())`,
        [acmeId],
      );
      await client.query(
        `INSERT INTO "TopUpRefusal" (id, "stripeEventId", "eventType", "stripeSessionId", reason, "topUpId", "tenantId", "claimedTenantIds", "reportedAmountMinor", "reportedCurrency")
         VALUES ('e2e_refusal_short', 'evt_e2e_short', 'checkout.session.completed', 'cs_e2e_short', 'AMOUNT_MISMATCH', 'e2e_topup_short', $1, '{}', 2000, 'GBP'),
                ('e2e_refusal_link', 'evt_e2e_link', 'checkout.session.completed', 'cs_e2e_link', 'UNKNOWN_SESSION', NULL, NULL, ARRAY[$1], 9900, 'GBP')`,
        [acmeId],
      );
    } finally {
      await client.end();
    }

    const partner = await signedInContext(browser, "admin@demotelecom.example", PASSWORD);
    const partnerPage = await partner.newPage();
    await partnerPage.goto("/admin");
    await partnerPage.getByRole("link", { name: "Acme Ltd" }).click();
    const refusals = partnerPage.getByRole("table", { name: "Refused card payments of Acme Ltd" });
    await refusals.getByText("Paid another amount than the top-up asked for.").waitFor();
    expect(await refusals.getByText("Unverified").count()).toBe(1);
    await refusals.getByRole("cell", { name: "£99.00" }).waitFor();
    await partnerPage.getByRole("table", { name: "Card top-ups of Acme Ltd" }).getByText("Not credited").waitFor();
    await shot(partnerPage, "admin-customer-refused-payments");

    const platform = await signedInContext(browser, "platform@centrex.example", PASSWORD);
    const platformPage = await platform.newPage();
    await platformPage.goto("/admin");
    await platformPage.getByRole("link", { name: "Refused payments" }).click();
    const all = platformPage.getByRole("table", { name: "Refused card payments" });
    await all.getByText("Acme Ltd (Demo Telecom)", { exact: true }).waitFor();
    await all.getByText("Claims Acme Ltd (Demo Telecom)").waitFor();
    await shot(platformPage, "admin-refused-payments");

    const customer = await signedInContext(browser, "alice@acme.example", PASSWORD);
    const page = await customer.newPage();
    await page.goto("/billing");
    const topUps = page.getByRole("table", { name: "Card top-ups", exact: true });
    await topUps.getByText("Not credited").waitFor();
    await topUps.getByText(/Your provider has been told/).waitFor();
    // The payment link that merely names Acme is not the customer's to see.
    expect(await page.getByText("cs_e2e_link").count()).toBe(0);
    await Promise.all([partner.close(), platform.close(), customer.close()]);
  });
});
