/**
 * Support staff's read-only view of a customer's phone system: the demo partner admin opens a
 * demo customer and sees its extensions with their live line and call state (driven through
 * the simulator and the worker), and its usage, with nothing there to change.
 */
import path from "node:path";
import type pg from "pg";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD, DEMO_USERS } from "../../prisma/demo-logins";
import { launchBrowser, signedInContext } from "./helpers/browser";
import { connectTestDb, sipUsername, tenantIdByName } from "./helpers/presence-db";
import { scenario } from "./helpers/simulator";

const ARTIFACTS = path.join(import.meta.dirname, "artifacts");

/** The page afresh until `ready` shows: the view refreshes on a timer, a reload is quicker. */
async function reloadUntil(page: Page, ready: () => Promise<boolean>, timeoutMs = 20_000) {
  for (const deadline = Date.now() + timeoutMs; Date.now() < deadline; ) {
    await page.reload();
    await page.getByRole("heading", { name: "Extensions", exact: true }).waitFor();
    if (await ready()) return;
    await page.waitForTimeout(500);
  }
  throw new Error("the customer page never showed the expected state");
}

describe("[ADMIN] a partner admin views a customer's extensions and usage", () => {
  let browser: Browser;
  let db: pg.Client;
  let partner: BrowserContext;
  let globex: string;
  beforeAll(async () => {
    browser = await launchBrowser();
    db = await connectTestDb();
    partner = await signedInContext(browser, DEMO_USERS.partnerAdmin, DEMO_PASSWORD);
    globex = await tenantIdByName(db, "Globex Corp");
  });
  afterAll(async () => {
    await db?.end();
    await browser?.close();
  });

  it("shows registrations, a call in progress and the call it leaves in the usage", async () => {
    const grace = await sipUsername(db, globex, "301");
    const hank = await sipUsername(db, globex, "302");
    const ivy = await sipUsername(db, globex, "303");
    await scenario("registerPhone", { endpoint: hank, address: "192.0.2.44:5060" });
    await scenario("registerPhone", { endpoint: ivy });
    await scenario("unregisterPhone", { endpoint: grace });

    const page = await partner.newPage();
    await page.goto("/admin");
    await page.getByRole("link", { name: "Globex Corp" }).click();
    await page.waitForURL(`**/admin/customers/${globex}`);
    const extensions = page.getByRole("region", { name: "Extensions of Globex Corp" });
    await extensions.waitFor();
    await page.getByText("View only: the customer's admins manage these.", { exact: false }).waitFor();

    const row = (number: string) => extensions.getByRole("row").filter({ has: page.getByTestId(`customer-line-${number}`) });
    await reloadUntil(page, async () => (await page.getByTestId("customer-line-302").innerText()).includes("Registered"));
    // The contact's address, as the worker learns it (ARI's contact events carry no user agent).
    expect(await row("302").innerText()).toContain("192.0.2.44:5060");
    expect(await row("302").innerText()).toContain("Hank Hill");
    expect(await page.getByTestId("customer-line-301").innerText()).toContain("Not registered");
    // The SIP account and caller ID are there; nothing in the section can change them.
    expect(await row("302").innerText()).toContain(hank);
    expect(await row("302").innerText()).toContain("+44 20 7123 4600");
    expect(await page.locator('section[aria-labelledby="customer-extensions"]').getByRole("button").count()).toBe(0);

    const { channelId } = await scenario<{ channelId: string }>("placeExtensionCall", { fromEndpoint: ivy, to: "302" });
    await reloadUntil(page, async () => (await page.getByTestId("customer-call-302").innerText()).includes("On a call"));
    await scenario("hangup", { channelId });
    await reloadUntil(page, async () => !(await page.getByTestId("customer-call-302").innerText()).includes("On a call"));

    // The worker writes the call's record on hang-up; the usage card then counts it and lists it.
    const usage = page.getByTestId("customer-usage");
    await reloadUntil(page, async () => (await usage.getByRole("region", { name: "Latest calls of Globex Corp" }).count()) > 0);
    await usage.getByRole("img", { name: /^Calls per day, .+ \d+ calls? in all/ }).waitFor();
    expect(await usage.getByText("No calls in the last 30 days").count()).toBe(0);
    const latest = await usage.getByRole("region", { name: "Latest calls of Globex Corp" }).getByRole("row").nth(1).innerText();
    expect(latest).toContain("Internal");
    await page.screenshot({ path: path.join(ARTIFACTS, "partner-customer-view.png"), fullPage: true });
    await page.close();
    await scenario("registerPhone", { endpoint: grace }); // as the demo left it
  });
});
