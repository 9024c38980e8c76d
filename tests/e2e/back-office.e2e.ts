import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getBaseUrl, launchBrowser, signIn, signedInContext } from "./helpers/browser";

describe("[ADMIN] a partner admin onboards a customer", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("shows field-level messages, creates the customer and its admin, who can then sign in", async () => {
    const context = await signedInContext(browser, "admin@demotelecom.example", "Centrex-demo-1");
    const page = await context.newPage();
    await page.goto("/admin");
    await page.getByRole("button", { name: "New customer" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.waitFor();

    // Bad input first: every field says what is wrong, and nothing is created.
    await dialog.getByLabel("Admin email").fill("not-an-email");
    await dialog.getByLabel("Admin password").fill("short");
    await dialog.getByRole("button", { name: "Create customer" }).click();
    await dialog.getByText("Enter a valid email address").waitFor();
    await dialog.getByText("Use at least 10 characters").waitFor();

    // A taken email is refused by the server and shown on its field.
    await dialog.getByLabel("Company name").fill("Initech");
    await dialog.getByLabel("Admin name").fill("Peter Gibbons");
    await dialog.getByLabel("Admin email").fill("alice@acme.example");
    await dialog.getByLabel("Admin password").fill("Tps-reports-2026");
    await dialog.getByRole("button", { name: "Create customer" }).click();
    await dialog.getByText(/already has an account/).waitFor();

    await dialog.getByLabel("Admin email").fill("peter@initech.example");
    await dialog.getByRole("button", { name: "Create customer" }).click();
    await page.getByRole("cell", { name: "Initech" }).or(page.getByRole("link", { name: "Initech" })).first().waitFor();

    await page.goto("/admin/audit");
    // Each entry is a sentence: what was done, to what, in plain words.
    await page.getByText("Created customer “Initech”").first().waitFor();
    await page.getByText("Added peter@initech.example as Administrator").first().waitFor();
    const sentences = await page.getByRole("table").locator("tbody tr td:nth-child(3)").allTextContents();
    expect(sentences.length).toBeGreaterThan(1);
    expect(sentences.filter((s) => /undefined|null|[{}[\]]|^\s*—?\s*$/.test(s))).toEqual([]);
    // Filtered by what: the customer stays, the admin's account goes; by who: only this admin's rows.
    await page.getByLabel("What").selectOption("customers");
    await page.getByText("Added peter@initech.example as Administrator").waitFor({ state: "detached" });
    await page.getByText("Created customer “Initech”").first().waitFor();
    await page.getByLabel("What").selectOption("");
    await page.getByLabel("Who").fill("nobody-at-all");
    await page.getByText("Nothing matches these filters.").waitFor();
    await page.getByRole("button", { name: "Clear filters" }).click();
    await page.getByText("Created customer “Initech”").first().waitFor();
    await context.close();

    const fresh = await browser.newContext({ baseURL: getBaseUrl() });
    const newcomer = await fresh.newPage();
    await signIn(newcomer, getBaseUrl(), "peter@initech.example", "Tps-reports-2026");
    expect(new URL(newcomer.url()).pathname).toBe("/");
    await newcomer.getByText("Initech").first().waitFor();
    await fresh.close();
  });
});
