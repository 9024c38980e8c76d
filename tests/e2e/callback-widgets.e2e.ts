/**
 * Callback widgets in Chromium, as a customer admin sets one up: the form refuses a website
 * with a path and an unreadable colour pair (showing the contrast), creates the widget with
 * the origin in the browser's spelling, shows the one-tag snippet and copies it, passes axe
 * on the widget's page, and deletes it. Works on the demo seed and removes what it made.
 */
import { createRequire } from "node:module";
import { readFile } from "node:fs/promises";
import type { Browser, BrowserContext, Page } from "playwright-core";
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD, DEMO_USERS } from "../../prisma/demo-logins";
import { getBaseUrl, launchBrowser, signedInContext } from "./helpers/browser";
import { connectTestDb, tenantIdByName } from "./helpers/presence-db";

const NAME = `E2E website ${Date.now().toString(36)}`;

let browser: Browser;
let context: BrowserContext;
let page: Page;
let db: pg.Client;
let acme: string;

type AxeResult = { violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[] };

/** Serious and critical WCAG 2.1 A/AA violations on the page, as readable lines. */
async function seriousViolations(target: Page): Promise<string[]> {
  await target.addScriptTag({ content: await readFile(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8") });
  const result = (await target.evaluate(() =>
    (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<unknown> } }).axe.run(document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
    }),
  )) as AxeResult;
  return result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(", ")}`);
}

describe("[CALLBACK_WIDGETS] a customer admin creates a widget and copies its snippet", () => {
  beforeAll(async () => {
    browser = await launchBrowser();
    db = await connectTestDb();
    acme = await tenantIdByName(db, "Acme Ltd");
    context = await signedInContext(browser, DEMO_USERS.acmeAdmin, DEMO_PASSWORD);
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: getBaseUrl() });
    page = await context.newPage();
    await page.setViewportSize({ width: 1280, height: 2000 });
  });
  afterAll(async () => {
    await db?.query(`DELETE FROM "CallbackWidget" WHERE "tenantId" = $1 AND name = $2`, [acme, NAME]);
    await db?.end();
    await context?.close();
    await browser?.close();
  });

  it("refuses a path and low contrast, creates the widget, shows and copies the snippet", { timeout: 120_000 }, async () => {
    await page.goto("/callbacks/widgets");
    await page.getByRole("heading", { name: "Callback widgets", level: 1 }).waitFor();
    await page.getByRole("link", { name: "New widget" }).first().click();
    await page.getByRole("heading", { name: "New callback widget" }).waitFor();

    await page.getByLabel("Name", { exact: true }).fill(NAME);
    const destination = page.getByLabel("Destination", { exact: true });
    const huntGroup = await destination.locator('optgroup[label="Hunt groups"] option').first().getAttribute("value");
    expect(huntGroup, "the demo company has a hunt group").toBeTruthy();
    await destination.selectOption(huntGroup!);
    // Widgets ring places that answer a caller: no voicemail box, no outside number.
    expect(await destination.locator("option", { hasText: "general voicemail" }).count()).toBe(0);

    await page.getByLabel("Website 1", { exact: true }).fill("https://www.example.com/contact");
    await page.getByLabel("Accent colour", { exact: true }).fill("#ffff00");
    expect(await page.getByTestId("widget-contrast").innerText()).toMatch(/^1\.0:1 — too low/);
    await page.getByRole("button", { name: "Create widget" }).click();
    await page.getByText("Use the origin only, without a path, query or #fragment").waitFor();

    await page.getByLabel("Website 1", { exact: true }).fill("HTTPS://WWW.Example.com:443");
    await page.getByRole("button", { name: "Create widget" }).click();
    await page.getByText(/The text on the accent colour has a contrast of 1\.0:1/).waitFor();
    expect(await db.query(`SELECT 1 FROM "CallbackWidget" WHERE "tenantId" = $1 AND name = $2`, [acme, NAME]).then((r) => r.rowCount)).toBe(0);

    await page.getByLabel("Accent colour", { exact: true }).fill("#1d4ed8");
    expect(await page.getByTestId("widget-contrast").innerText()).toMatch(/readable/);
    await page.getByLabel("Title", { exact: true }).fill("Talk to Acme");
    expect(await page.getByTestId("widget-preview").innerText()).toContain("Talk to Acme");
    await page.getByRole("button", { name: "Create widget" }).click();

    await page.waitForURL(/\/callbacks\/widgets\/[a-z0-9]{20,}$/, { timeout: 15_000 });
    const widgetId = new URL(page.url()).pathname.split("/").at(-1)!;
    const { rows } = await db.query<{ allowedOrigins: string[]; title: string }>(`SELECT "allowedOrigins", title FROM "CallbackWidget" WHERE id = $1`, [widgetId]);
    expect(rows[0]).toEqual({ allowedOrigins: ["https://www.example.com"], title: "Talk to Acme" });

    const snippet = page.getByTestId("widget-snippet");
    await snippet.waitFor();
    const text = await snippet.innerText();
    expect(text).toMatch(new RegExp(`^<script src="https?://[^"/]+(:\\d+)?/callback-widget/v1\\.js" data-widget="${widgetId}" async></script>$`));
    await page.getByRole("button", { name: "Copy the snippet" }).click();
    await page.getByRole("button", { name: "Copy the snippet" }).getByText("Copied").waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(text);

    // The site owner's manual is on the same page.
    await page.getByRole("heading", { name: "CAPTCHA (optional)" }).waitFor();
    await page.getByRole("button", { name: "Place a test call" }).waitFor();
  });

  it("has no serious accessibility violations on the list, the new form and the widget's page, desktop and phone", { timeout: 120_000 }, async () => {
    const { rows } = await db.query<{ id: string }>(`SELECT id FROM "CallbackWidget" WHERE "tenantId" = $1 AND name = $2`, [acme, NAME]);
    const found: string[] = [];
    for (const viewport of [{ width: 1280, height: 800 }, { width: 390, height: 844 }]) {
      await page.setViewportSize(viewport);
      for (const path of ["/callbacks/widgets", "/callbacks/widgets/new", `/callbacks/widgets/${rows[0]!.id}`]) {
        await page.goto(path);
        await page.locator("h1").first().waitFor();
        await page.waitForFunction(() => document.querySelectorAll('[role="status"]').length === 0, undefined, { timeout: 15_000 }).catch(() => {});
        for (const v of await seriousViolations(page)) found.push(`${path} @${viewport.width}: ${v}`);
      }
    }
    expect(found).toEqual([]);
  });

  it("deletes the widget after asking", { timeout: 60_000 }, async () => {
    await page.setViewportSize({ width: 1280, height: 2000 });
    const { rows } = await db.query<{ id: string }>(`SELECT id FROM "CallbackWidget" WHERE "tenantId" = $1 AND name = $2`, [acme, NAME]);
    await page.goto(`/callbacks/widgets/${rows[0]!.id}`);
    await page.getByRole("button", { name: "Delete", exact: true }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Delete widget" }).click();
    await page.waitForURL((url) => url.pathname === "/callbacks/widgets");
    expect((await db.query(`SELECT 1 FROM "CallbackWidget" WHERE id = $1`, [rows[0]!.id])).rowCount).toBe(0);
  });
});
