/**
 * Refusal pages answer with the status they mean: 403 for a page the account may not open,
 * 404 for a record that does not exist (or is another partner's), whatever loading state the
 * page streams, and still read as a page with a way back.
 */
import type { Browser, BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD, DEMO_USERS } from "../../prisma/demo-logins";
import { launchBrowser, signedInContext } from "./helpers/browser";

let browser: Browser;

/** Each path's status and main heading, as the browser receives them on a first visit. */
async function visit(context: BrowserContext, paths: string[]) {
  const page = await context.newPage();
  const seen: Record<string, { status: number | undefined; heading: string | null }> = {};
  for (const path of paths) {
    const response = await page.goto(path);
    const heading = page.locator("main h1, h1").first();
    await heading.waitFor({ timeout: 15_000 });
    seen[path] = { status: response?.status(), heading: (await heading.textContent())?.trim() ?? null };
  }
  await page.close();
  return seen;
}

describe("[REFUSALS] 403 and 404 are real statuses", () => {
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("refuses an extension user the administrators' pages and the back office with 403", async () => {
    const context = await signedInContext(browser, DEMO_USERS.acmeUsers[0], DEMO_PASSWORD);
    const seen = await visit(context, ["/users", "/activity", "/billing", "/billing/buy", "/extensions", "/numbers", "/numbers/buy", "/numbers/caller-id", "/admin", "/admin/customers/anything", "/extensions/summary"]);
    for (const path of ["/users", "/activity", "/billing", "/billing/buy", "/extensions", "/numbers", "/numbers/buy", "/numbers/caller-id"]) expect(seen[path], path).toEqual({ status: 403, heading: "You don't have access" });
    for (const path of ["/admin", "/admin/customers/anything"]) expect(seen[path], path).toEqual({ status: 403, heading: "Access refused" });
    expect(seen["/extensions/summary"]?.status).toBe(200);
    await context.close();
  });

  it("lets the customer admin in where the extension user was refused", async () => {
    const context = await signedInContext(browser, DEMO_USERS.acmeAdmin, DEMO_PASSWORD);
    const seen = await visit(context, ["/users", "/billing", "/extensions"]);
    for (const [path, { status }] of Object.entries(seen)) expect(status, path).toBe(200);
    await context.close();
  });

  it("answers the back office's wrong kind of staff with 403, and records that do not exist with 404", async () => {
    const partner = await signedInContext(browser, DEMO_USERS.partnerAdmin, DEMO_PASSWORD);
    const seen = await visit(partner, ["/admin/payments", "/admin/customers/no-such-customer", "/admin/tariffs/no-such-tariff", "/no-such-page"]);
    expect(seen["/admin/payments"]).toEqual({ status: 403, heading: "Access refused" });
    for (const path of ["/admin/customers/no-such-customer", "/admin/tariffs/no-such-tariff", "/no-such-page"]) expect(seen[path], path).toEqual({ status: 404, heading: "Page not found" });
    await partner.close();

    const platform = await signedInContext(browser, DEMO_USERS.platformAdmin, DEMO_PASSWORD);
    const platformSeen = await visit(platform, ["/admin/plans", "/admin/tariffs", "/admin/numbers", "/admin/numbers/suppliers", "/admin/messages", "/admin/customers/no-such-customer", "/admin/payments"]);
    for (const path of ["/admin/plans", "/admin/tariffs", "/admin/numbers", "/admin/numbers/suppliers", "/admin/messages", "/admin/customers/no-such-customer"]) expect(platformSeen[path], path).toEqual({ status: 403, heading: "Access refused" });
    expect(platformSeen["/admin/payments"]?.status).toBe(200);
    await platform.close();
  });
});
