/**
 * The public "Call me now" widget on a customer's website: a plain page on another port embeds
 * the snippet pointing at the app; a visitor (keyboard or mouse) asks for a call and reads its
 * progress; the simulated phones answer so the call bridges. Widgets are written straight into
 * the demo database and removed afterwards.
 */
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import type pg from "pg";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getBaseUrl, launchBrowser } from "./helpers/browser";
import { connectTestDb, sipUsername, tenantIdByName } from "./helpers/presence-db";
import { scenario } from "./helpers/simulator";
import { deleteWidgets, insertWidget, serveCustomerSite, type SitePage } from "./helpers/widget-page";

/** London numbers no other flow uses (the per-number limit counts across runs of ten minutes). */
const visitorNumber = () => `+44 20 7946 ${String(1000 + Math.floor(Math.random() * 8999))}`;
const isoDate = (daysFromNow: number) => new Date(Date.now() + daysFromNow * 86_400_000).toISOString().slice(0, 10);
const ALL_WEEK = [1, 2, 3, 4, 5, 6, 7];

let browser: Browser;
let db: pg.Client;
let site: SitePage;
let acme: string;
let salesGroupId: string;
const widgets: string[] = [];

async function eventually<T>(what: string, find: () => Promise<T | undefined | null>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = await find();
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

async function widget(opts: Partial<Parameters<typeof insertWidget>[1]> = {}) {
  const id = await insertWidget(db, { tenantId: acme, huntGroupId: salesGroupId, allowedOrigins: [site.origin], ...opts });
  widgets.push(id);
  return id;
}

/** The visitor's page with the widget's button rendered (the script fetched its config). */
async function openSite(widgetId: string): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(site.urlFor(widgetId));
  await page.getByRole("button", { name: "Call me now" }).waitFor({ timeout: 15_000 });
  return page;
}

const dialogOf = (page: Page) => page.getByRole("dialog", { name: "Talk to Acme" });
const statusOf = (page: Page) => dialogOf(page).getByRole("status");
const shadowFocus = (page: Page) =>
  page.evaluate(() => {
    const root = document.querySelector("[data-callback-widget]")!.shadowRoot!;
    const el = root.activeElement as HTMLElement | null;
    return el ? el.id || el.getAttribute("aria-label") || el.textContent : null;
  });

async function submitNumber(page: Page, number: string): Promise<{ id: string }> {
  if (!(await dialogOf(page).isVisible())) await page.getByRole("button", { name: "Call me now" }).click();
  await dialogOf(page).getByLabel("Your phone number").fill(number);
  const answer = page.waitForResponse((res) => res.url().includes("/callbacks") && res.request().method() === "POST");
  await dialogOf(page).getByRole("button", { name: "Call me" }).click();
  const res = await answer;
  expect(res.status()).toBe(201);
  return (await res.json()) as { id: string };
}

async function statusText(page: Page, text: string, timeout = 15_000) {
  await statusOf(page).getByText(text).waitFor({ timeout });
}

beforeAll(async () => {
  db = await connectTestDb();
  acme = await tenantIdByName(db, "Acme Ltd");
  const group = await db.query<{ id: string }>(`SELECT id FROM "HuntGroup" WHERE "tenantId" = $1 AND number = '600'`, [acme]);
  salesGroupId = group.rows[0]!.id;
  site = await serveCustomerSite(getBaseUrl());
  browser = await launchBrowser();
});
afterAll(async () => {
  if (db && widgets.length) await deleteWidgets(db, widgets).catch(() => undefined);
  await db?.end();
  await browser?.close();
  await site?.close();
});

describe("[CALLBACKS] the public widget on another origin", () => {
  it("works with the keyboard only: the button opens a modal dialog that keeps focus, Escape closes it", async () => {
    const page = await openSite(await widget());
    await page.keyboard.press("Tab");
    expect(await shadowFocus(page)).toBe("Call me now");
    await page.keyboard.press("Enter");
    await dialogOf(page).waitFor();
    expect(await shadowFocus(page)).toBe("cbw-number");
    await page.keyboard.press("Tab");
    expect(await shadowFocus(page)).toBe("Call me");
    await page.keyboard.press("Tab"); // wraps to the first control (Close), never to the page
    expect(await shadowFocus(page)).toBe("Close");
    await page.keyboard.press("Shift+Tab");
    expect(await shadowFocus(page)).toBe("Call me");
    // A number that is not one is caught before anything is sent.
    await page.keyboard.press("Shift+Tab");
    await page.keyboard.type("call me");
    await page.keyboard.press("Enter");
    await dialogOf(page).getByText("Use digits only, optionally starting with +.").waitFor();
    expect(await dialogOf(page).getByLabel("Your phone number").getAttribute("aria-invalid")).toBe("true");
    await page.keyboard.press("Escape");
    await dialogOf(page).waitFor({ state: "hidden" });
    expect(await shadowFocus(page)).toBe("Call me now");
    // The page's own styles (buttons red, 40px text) do not reach into the widget.
    const style = await page.getByRole("button", { name: "Call me now" }).evaluate((el) => getComputedStyle(el).fontSize);
    expect(style).toBe("16px");
    await page.close();
  });

  it("the built app answers with CORS for the site only, Vary: Origin, and serves the script", async () => {
    const id = await widget();
    const ask = (origin: string, init: RequestInit = {}) => fetch(`${getBaseUrl()}/api/widget/v1/widgets/${id}${init.method === "OPTIONS" ? "/callbacks" : ""}`, { ...init, headers: { origin, ...(init.headers as Record<string, string>) } });
    const ok = await ask(site.origin);
    expect(ok.status).toBe(200);
    expect(ok.headers.get("access-control-allow-origin")).toBe(site.origin);
    expect(ok.headers.get("vary")).toMatch(/\bOrigin\b/);
    const other = await ask("https://evil.example");
    expect(other.status).toBe(403);
    expect(other.headers.get("access-control-allow-origin")).toBeNull();
    const preflight = await ask(site.origin, { method: "OPTIONS", headers: { "access-control-request-method": "POST", "access-control-request-headers": "content-type" } });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-methods")).toBe("POST, OPTIONS");
    const script = await fetch(`${getBaseUrl()}/callback-widget/v1.js`, { redirect: "manual" });
    expect(script.status).toBe(200);
    expect(script.headers.get("content-type")).toMatch(/javascript/);
  });

  it("passes axe with the dialog open", async () => {
    const page = await openSite(await widget());
    await page.getByRole("button", { name: "Call me now" }).click();
    await dialogOf(page).getByLabel("Your phone number").waitFor();
    await page.addScriptTag({ content: await readFile(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8") });
    const result = (await page.evaluate(() =>
      (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<unknown> } }).axe.run(document, {
        runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
      }),
    )) as { violations: { id: string; help: string; nodes: { target: unknown[] }[] }[] };
    expect(result.violations.map((v) => `${v.id}: ${v.help} — ${JSON.stringify(v.nodes.map((n) => n.target))}`)).toEqual([]);
    await page.close();
  });

  it("shows the closed text outside opening hours and offers no form", async () => {
    const closed = await widget({ openHours: { weekdays: ALL_WEEK, timeRanges: [], dateRanges: [{ from: "2001-01-01", to: "2001-01-02" }], holidays: "any" }, closedText: "We are closed for the holidays." });
    const page = await openSite(closed);
    await page.getByRole("button", { name: "Call me now" }).click();
    await dialogOf(page).getByText("We are closed for the holidays.").waitFor();
    expect(await dialogOf(page).getByLabel("Your phone number").count()).toBe(0);
    await page.close();
  });

  it("shows the visitor's status as it advances, and stops asking once it is final", async () => {
    // Closed now, open in three days: the request waits (notBefore), so no worker places it while the test moves it on.
    const later = await widget({ openHours: { weekdays: ALL_WEEK, timeRanges: [], dateRanges: [{ from: isoDate(3), to: isoDate(4) }], holidays: "any" }, outsideHours: "NEXT_OPENING" });
    const page = await openSite(later);
    const polls: string[] = [];
    page.on("request", (req) => {
      if (req.method() === "GET" && /\/api\/widget\/v1\/callbacks\//.test(req.url())) polls.push(req.url());
    });
    await page.getByRole("button", { name: "Call me now" }).click();
    await dialogOf(page).getByText(/we will call you when we open/).waitFor();
    const { id } = await submitNumber(page, visitorNumber());
    await dialogOf(page).getByText("Thanks! We are calling you now.").waitFor();
    await statusText(page, "Scheduled: we will call you when we open.");

    await db.query(`UPDATE "CallbackRequest" SET state = 'CALLING_FIRST' WHERE id = $1`, [id]);
    await statusText(page, "Calling you…");
    await db.query(`UPDATE "CallbackRequest" SET state = 'FAILED', "failureReason" = 'FIRST_NO_ANSWER', "endedAt" = now() WHERE id = $1`, [id]);
    await statusText(page, "Your phone did not answer.");
    const asked = polls.length;
    await page.waitForTimeout(4_500);
    expect(polls.length).toBe(asked);
    await page.close();
  });

  it("bridges the visitor to the hunt group in the simulator and tells the visitor", async () => {
    const bob = await sipUsername(db, acme, "202"); // the Sales group rings Bob first
    await scenario("setExternalBehaviour", { prefix: "+44207946", mode: "answer", answerAfterMs: 500 });
    await scenario("setPhoneBehaviour", { endpoint: bob, mode: "answer", answerAfterMs: 500 });
    const page = await openSite(await widget());
    const { id } = await submitNumber(page, visitorNumber());
    await statusText(page, "Connected.", 30_000);

    const row = await eventually("the connected request", async () => {
      const { rows } = await db.query<{ state: string; firstChannelId: string; secondChannelId: string }>(`SELECT state, "firstChannelId", "secondChannelId" FROM "CallbackRequest" WHERE id = $1`, [id]);
      return rows[0]?.state === "CONNECTED" ? rows[0] : null;
    });
    const snapshot = await scenario<{ bridges: { channels: string[] }[] }>("snapshot", {});
    expect(snapshot.bridges.some((b) => b.channels.includes(row.firstChannelId) && b.channels.includes(row.secondChannelId))).toBe(true);

    await scenario("hangup", { channelId: row.firstChannelId });
    await statusText(page, "The call has ended.");
    const legs = await eventually("both legs' CDRs", async () => {
      const { rows } = await db.query(`SELECT id FROM "CallRecord" WHERE "callbackRequestId" = $1`, [id]);
      return rows.length >= 2 ? rows : null;
    });
    expect(legs.length).toBeGreaterThanOrEqual(2);
    await page.close();
  }, 60_000);
});
