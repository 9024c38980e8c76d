import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser, BrowserContext, Download, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { DEMO_PASSWORD, DEMO_USERS } from "@/prisma/demo-logins";
import { launchBrowser, signedInContext } from "./helpers/browser";

/**
 * A past day no other flow writes calls on, so the figures below are exactly ours. Mid-June:
 * London is on BST, and noon UTC is the same local day either way.
 */
const DAY = "2025-06-10";
const at = (hhmm: string) => `${DAY}T${hhmm}:00Z`;

type Cdr = { ext: "201" | "202"; direction: "INBOUND" | "OUTBOUND"; disposition: "ANSWERED" | "NO_ANSWER" | "VOICEMAIL"; start: string; ringSec?: number; talkSec?: number; cost?: string };

/**
 * 201: 4 in (3 answered, 1 not), 2 out answered → 6 calls, 5 answered (83%), 1 missed,
 *      talk 60+120+30+90+30 = 330 s (avg 66 s), ring (5+5+8+2+4)/5 ≈ 5 s, cost 0.15.
 * 202: 3 in (1 answered, 1 no answer, 1 voicemail) → 3 calls, 1 answered (33%), 2 missed,
 *      talk 45 s, ring 3 s.
 * Company: 7 in, 2 out, 3 missed, 6 of 9 answered (67%), talk 375 s = 6:15.
 */
const CDRS: Cdr[] = [
  { ext: "201", direction: "INBOUND", disposition: "ANSWERED", start: at("09:00"), ringSec: 5, talkSec: 60 },
  { ext: "201", direction: "INBOUND", disposition: "ANSWERED", start: at("09:10"), ringSec: 5, talkSec: 120 },
  { ext: "201", direction: "INBOUND", disposition: "ANSWERED", start: at("09:20"), ringSec: 8, talkSec: 30 },
  { ext: "201", direction: "INBOUND", disposition: "NO_ANSWER", start: at("09:30") },
  { ext: "201", direction: "OUTBOUND", disposition: "ANSWERED", start: at("10:00"), ringSec: 2, talkSec: 90, cost: "0.10" },
  { ext: "201", direction: "OUTBOUND", disposition: "ANSWERED", start: at("10:10"), ringSec: 4, talkSec: 30, cost: "0.05" },
  { ext: "202", direction: "INBOUND", disposition: "ANSWERED", start: at("11:00"), ringSec: 3, talkSec: 45 },
  { ext: "202", direction: "INBOUND", disposition: "NO_ANSWER", start: at("11:10") },
  { ext: "202", direction: "INBOUND", disposition: "VOICEMAIL", start: at("11:20") },
];

/** Writes the CDRs as the worker does (Prisma createMany), so the rollup trigger counts them. */
async function seedCdrs() {
  process.env.DATABASE_URL = inject("databaseUrl");
  const { db } = await import("@/server/db");
  const tenant = await db.tenant.findFirstOrThrow({ where: { name: "Acme Ltd" } });
  const extensions = await db.extension.findMany({ where: { tenantId: tenant.id, number: { in: ["201", "202"] } } });
  const idOf = (number: string) => extensions.find((e) => e.number === number)!.id;
  await db.callRecord.createMany({
    data: CDRS.map((c) => {
      const startedAt = new Date(c.start);
      const answeredAt = c.disposition === "ANSWERED" ? new Date(startedAt.getTime() + (c.ringSec ?? 0) * 1000) : null;
      const talkSec = c.talkSec ?? 0;
      return {
        tenantId: tenant.id,
        channelId: `e2e-report-${randomUUID()}`,
        direction: c.direction,
        disposition: c.disposition,
        extensionId: idOf(c.ext),
        callerNumber: c.direction === "INBOUND" ? "+447700900123" : c.ext,
        calledNumber: c.direction === "INBOUND" ? c.ext : "+442079460000",
        startedAt,
        answeredAt,
        endedAt: new Date((answeredAt ?? startedAt).getTime() + talkSec * 1000),
        billableSec: talkSec,
        cost: c.cost ?? null,
        currency: c.cost ? "GBP" : null,
      };
    }),
  });
  await db.$disconnect();
}

/** The segmented controls are native radios inside their labels: click the label, as people do. */
const option = (page: Page, name: string) => page.locator("label").filter({ hasText: new RegExp(`^${name}$`) });

async function chooseDay(page: Page) {
  await option(page, "Custom range").click();
  await page.getByLabel("From", { exact: true }).fill(DAY);
  await page.getByLabel("To", { exact: true }).fill(DAY);
}

async function rowCells(page: Page, label: string) {
  const row = page.getByRole("row").filter({ has: page.getByRole("cell", { name: label, exact: true }) });
  await row.waitFor();
  return row.getByRole("cell").allInnerTexts();
}

async function downloadText(page: Page, button: string): Promise<{ download: Download; text: string }> {
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: button }).click()]);
  return { download, text: readFileSync((await download.path())!, "utf8") };
}

const csvLines = (text: string) => text.trim().split(/\r?\n/).map((line) => line.split(","));

describe("[REPORTS] call reports: table, chart, export and wallboard from known CDRs", () => {
  let browser: Browser;
  let admin: BrowserContext;
  let bob: BrowserContext;
  beforeAll(async () => {
    await seedCdrs();
    browser = await launchBrowser();
    admin = await signedInContext(browser, DEMO_USERS.acmeAdmin, DEMO_PASSWORD);
    bob = await signedInContext(browser, DEMO_USERS.acmeUsers[0], DEMO_PASSWORD);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("the table shows each extension's figures, the company total and the average per person, and sorts", async () => {
    const page = await admin.newPage();
    await page.goto("/reports");
    await page.getByRole("heading", { name: "Call reports", level: 1 }).waitFor();
    await chooseDay(page);
    await page.getByTestId("report-range").getByText(DAY).waitFor();

    expect(await rowCells(page, "201 Alice Admin")).toEqual(["201 Alice Admin", "4", "2", "1", "83%", "1:06", "5:30", "0:05", "£0.15"]);
    expect(await rowCells(page, "202 Bob Baker")).toEqual(["202 Bob Baker", "3", "0", "2", "33%", "0:45", "0:45", "0:03", "£0.00"]);
    expect(await rowCells(page, "203 Carol Chen")).toEqual(["203 Carol Chen", "0", "0", "0", "—", "—", "0:00", "—", "£0.00"]);

    const figure = (card: string, key: string) => page.getByTestId(card).locator(`[data-figure="${key}"] dd`).innerText();
    expect(await figure("report-total", "calls")).toBe("9");
    expect(await figure("report-total", "missed")).toBe("3");
    expect(await figure("report-total", "answeredRate")).toBe("67%");
    expect(await figure("report-total", "talkSec")).toBe("6:15");
    expect(await figure("report-total", "cost")).toBe("£0.15");
    // Four extensions: 7 calls in / 4 = 1.75, talk 375 s / 4 ≈ 94 s.
    expect(await figure("report-average", "callsIn")).toBe("1.8");
    expect(await figure("report-average", "talkSec")).toBe("1:34");

    const missedHeader = page.getByRole("columnheader", { name: "Missed" });
    expect(await missedHeader.getAttribute("aria-sort")).toBe("none");
    await missedHeader.getByRole("button").focus();
    await page.keyboard.press("Enter");
    expect(await missedHeader.getAttribute("aria-sort")).toBe("descending");
    expect(await page.getByTestId("report-label").allInnerTexts()).toEqual(["202 Bob Baker", "201 Alice Admin", "203 Carol Chen", "210 Reception"]);
    await page.keyboard.press("Space");
    expect(await missedHeader.getAttribute("aria-sort")).toBe("ascending");
    expect((await page.getByTestId("report-label").allInnerTexts()).slice(-2)).toEqual(["201 Alice Admin", "202 Bob Baker"]);
    await page.close();
  });

  it("the CSV exports download the table's numbers and the range's calls, with progress in the page", async () => {
    const page = await admin.newPage();
    await page.goto("/reports");
    await chooseDay(page);
    await page.getByTestId("report-range").getByText(DAY).waitFor();
    const table = await rowCells(page, "201 Alice Admin");

    const { download, text } = await downloadText(page, "Export table (CSV)");
    expect(download.suggestedFilename()).toBe(`call-report-${DAY}-to-${DAY}.csv`);
    const lines = csvLines(text);
    const header = lines[0]!;
    const line201 = lines.find((l) => l[0] === "201 Alice Admin")!;
    const col = (name: string) => line201[header.indexOf(name)];
    expect([col("Calls in"), col("Calls out"), col("Missed")]).toEqual([table[1], table[2], table[3]]);
    expect(col("Answered")).toBe("5");
    expect(`${Math.round(Number(col("Answered (%)")))}%`).toBe(table[4]);
    expect(col("Talk time (s)")).toBe("330");
    expect(col("Cost (GBP)")).toBe("0.15");
    expect(lines.find((l) => l[0] === "Total")!.slice(1, 5)).toEqual(["7", "2", "6", "3"]);
    const status = page.getByTestId("export-status");
    await page.locator('[data-testid="export-status"][data-state="done"]').waitFor();
    expect(await status.innerText()).toContain(`${lines.length - 1} rows`);

    const calls = await downloadText(page, "Export calls (CSV)");
    expect(calls.download.suggestedFilename()).toBe(`calls-${DAY}-to-${DAY}.csv`);
    expect(csvLines(calls.text)).toHaveLength(1 + CDRS.length);
    await page.getByText(`Downloaded calls-${DAY}-to-${DAY}.csv: ${CDRS.length} rows`).waitFor();
    await page.close();
  });

  it("the chart compares the chosen extensions with labelled segments and a table of the numbers", async () => {
    const page = await admin.newPage();
    await page.setViewportSize({ width: 1400, height: 1100 });
    await page.goto("/reports/chart");
    await page.getByRole("heading", { name: "Call reports", level: 1 }).waitFor();
    await chooseDay(page);
    await page.getByRole("button", { name: "Clear" }).click();
    await page.getByRole("checkbox", { name: "201 Alice Admin" }).check();
    await page.getByRole("checkbox", { name: "202 Bob Baker" }).check();
    await page.getByTestId("chart-range").getByText(`${DAY} · 2 extensions`).waitFor();

    const pie = page.getByTestId("report-pie");
    await pie.locator(".recharts-pie-sector").first().waitFor();
    expect(await pie.locator(".recharts-pie-sector").count()).toBe(2);
    expect(await pie.getByRole("img").getAttribute("aria-label")).toBe("Share of calls, pie chart of 2 segments: 201 Alice Admin 67%, 202 Bob Baker 33%.");
    const legend = (await pie.getByTestId("pie-legend").locator("li").allInnerTexts()).map((t) => t.replace(/\s+/g, " ").trim());
    expect(legend).toEqual(["201 Alice Admin 6 · 67%", "202 Bob Baker 3 · 33%"]);

    const bars = page.getByTestId("report-calls-bars");
    // SVG text has no innerText: read the axis labels' textContent (names carry their totals).
    const ticks = bars.locator(".recharts-cartesian-axis-tick-value");
    await ticks.first().waitFor();
    expect((await ticks.allTextContents()).filter((t) => !/^\d+$/.test(t))).toEqual(["201 Alice Admin · 6", "202 Bob Baker · 3"]);
    // Answered and missed for each (nobody had "other" calls): four stacked segments.
    expect(await bars.locator(".recharts-rectangle").count()).toBe(4);
    // The numbers behind the bars, as a table for screen readers (inside the <details>).
    await bars.getByText("Show the numbers").click();
    expect(await bars.getByRole("row", { name: /202 Bob Baker/ }).getByRole("cell").allInnerTexts()).toEqual(["1", "2", "0", "3"]);
    const shot = path.join(tmpdir(), `reports-chart-${process.pid}.png`);
    await page.screenshot({ path: shot, fullPage: true });
    console.info(`[REPORTS] chart screenshot: ${shot}`);

    await option(page, "Answered vs missed").click();
    await pie.getByRole("img", { name: /^Answered vs missed, pie chart of 2 segments: Answered 67%, Missed 33%\.$/ }).waitFor();
    expect(await pie.locator(".recharts-pie-sector").count()).toBe(2);
    await option(page, "Talk time").click();
    await pie.getByRole("img", { name: /^Talk time, pie chart of 2 segments: 201 Alice Admin 88%, 202 Bob Baker 12%\.$/ }).waitFor();
    await page.close();
  });

  it("on a phone the table's lines become cards and nothing scrolls sideways", async () => {
    const page = await admin.newPage();
    await page.setViewportSize({ width: 375, height: 800 });
    await page.goto("/reports");
    await chooseDay(page);
    await page.getByTestId("report-range").getByText(DAY).waitFor();
    const row = page.getByRole("row").filter({ has: page.getByRole("cell", { name: "201 Alice Admin", exact: true }) });
    await row.waitFor();
    // The column headers are visually hidden; each figure is labelled inside its card.
    expect(await page.getByRole("columnheader", { name: "Missed" }).evaluate((el) => el.closest("thead")!.getBoundingClientRect().height <= 1)).toBe(true);
    expect(await row.locator('[data-label="Missed"]').innerText()).toBe("1");
    const box = (await row.boundingBox())!;
    expect(box.width).toBeLessThanOrEqual(375);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);

    // The chart's legend goes under the pie, which keeps its height.
    await page.goto("/reports/chart");
    await chooseDay(page);
    // Before any pick, every extension (up to the limit) is compared.
    await page.getByText("4 of 4 chosen").waitFor();
    await page.getByTestId("chart-range").getByText(`${DAY} · 4 extensions`).waitFor();
    const sector = page.getByTestId("report-pie").locator(".recharts-pie-sector").first();
    await sector.waitFor();
    expect((await sector.boundingBox())!.height).toBeGreaterThan(80);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await page.close();
  });

  it("an extension user sees only their own line and no costs", async () => {
    const page = await bob.newPage();
    await page.goto("/reports");
    await chooseDay(page);
    await page.getByTestId("report-range").getByText(DAY).waitFor();
    expect(await rowCells(page, "202 Bob Baker")).toEqual(["202 Bob Baker", "3", "0", "2", "33%", "0:45", "0:45", "0:03"]);
    expect(await page.getByTestId("report-label").allInnerTexts()).toEqual(["202 Bob Baker"]);
    expect(await page.getByRole("columnheader", { name: "Cost" }).count()).toBe(0);
    expect(await page.getByTestId("report-average").count()).toBe(0);
    await page.close();
  });

  it("the wallboard fits a 1080p screen with today's report, the charts and the live extensions", async () => {
    const page = await admin.newPage();
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.goto("/reports/wallboard");
    await page.getByRole("heading", { name: "Acme Ltd · Calls today", level: 1 }).waitFor();
    await page.getByTestId("report-total").waitFor();
    await page.getByRole("list", { name: "Extensions" }).waitFor();
    expect(await page.locator('[data-testid^="tile-"]').count()).toBe(4);
    await page.getByRole("img", { name: /^Answered vs missed/ }).waitFor();
    await page.getByTestId("wallboard-updated").getByText(/Updated \d/).waitFor();
    const overflow = await page.evaluate(() => ({ scroll: document.documentElement.scrollHeight, inner: window.innerHeight }));
    expect(overflow.scroll).toBeLessThanOrEqual(overflow.inner);
    const shot = path.join(tmpdir(), `reports-wallboard-${process.pid}.png`);
    await page.screenshot({ path: shot });
    console.info(`[REPORTS] wallboard screenshot: ${shot}`);
    await page.close();
  });
});

/** A company of its own, so its calls today touch no demo figure another flow reads. */
async function seedBusyCompany() {
  process.env.DATABASE_URL = inject("databaseUrl");
  const { db } = await import("@/server/db");
  const { hashPassword } = await import("@/server/auth/password");
  const acme = await db.tenant.findFirstOrThrow({ where: { name: "Acme Ltd" } });
  const tag = randomUUID().slice(0, 8);
  const tenant = await db.tenant.create({ data: { partnerId: acme.partnerId, name: `Wallboard ${tag}`, timeZone: "Europe/London" } });
  const email = `wallboard-${tag}@test.example`;
  await db.user.create({ data: { role: "CUSTOMER_ADMIN", tenantId: tenant.id, name: "Wally Board", email, passwordHash: await hashPassword(DEMO_PASSWORD) } });
  const names = ["Ana Adams", "Ben Brooks", "Chloe Chen", "Dev Diaz", "Ella Evans", "Finn Fischer", "Gita Garcia", "Hugo Hughes", "Isla Ivanova", "Jonas Jones", "Kemi Khan", "Reception"];
  const extensions = [];
  for (const [i, displayName] of names.entries()) {
    const sip = await db.sipAccount.create({ data: { tenantId: tenant.id, username: `wb-${tag}-${i}`, authMd5: "0".repeat(32) } });
    extensions.push(await db.extension.create({ data: { tenantId: tenant.id, number: String(101 + i), displayName, sipAccountId: sip.id } }));
  }
  // Seconds ago, so "today" in London holds them (unless the run straddles midnight).
  const now = Date.now() - 5_000;
  const data = extensions.flatMap((ext, i) =>
    Array.from({ length: 12 - i }, (_, k) => {
      const isAnswered = k % 4 !== 3;
      const startedAt = new Date(now - k * 1000);
      const answeredAt = isAnswered ? new Date(startedAt.getTime() + 4000) : null;
      return {
        tenantId: tenant.id, channelId: `e2e-wb-${randomUUID()}`, direction: k % 3 === 2 ? ("OUTBOUND" as const) : ("INBOUND" as const),
        disposition: isAnswered ? ("ANSWERED" as const) : ("NO_ANSWER" as const), extensionId: ext.id, callerNumber: "+447700900123", calledNumber: ext.number,
        startedAt, answeredAt, endedAt: new Date(startedAt.getTime() + 60_000), billableSec: isAnswered ? 30 + 10 * k : 0,
      };
    }),
  );
  await db.callRecord.createMany({ data });
  await db.$disconnect();
  return { email, name: tenant.name, calls: data.length, lines: extensions.length };
}

describe("[REPORTS] the wallboard of a busy company", () => {
  let browser: Browser;
  let company: Awaited<ReturnType<typeof seedBusyCompany>>;
  let context: BrowserContext;
  beforeAll(async () => {
    company = await seedBusyCompany();
    browser = await launchBrowser();
    context = await signedInContext(browser, company.email, DEMO_PASSWORD);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("shows today's figures, both charts and every extension on one 1080p screen", async () => {
    const page = await context.newPage();
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.goto("/reports/wallboard");
    await page.getByRole("heading", { name: `${company.name} · Calls today`, level: 1 }).waitFor();
    const total = page.getByTestId("report-total");
    await total.locator('[data-figure="calls"] dd').getByText(String(company.calls), { exact: true }).waitFor();
    // Busiest first: 101 had the most calls.
    const table = page.getByTestId("wallboard-table");
    expect(await table.locator("tbody th").first().innerText()).toBe("101 Ana Adams");
    await page.getByTestId("report-pie").locator(".recharts-pie-sector").first().waitFor();
    expect(await page.getByTestId("report-pie").locator(".recharts-pie-sector").count()).toBe(2);
    expect(await page.locator('[data-testid^="tile-"]').count()).toBe(company.lines);
    const overflow = await page.evaluate(() => ({ scroll: document.documentElement.scrollHeight, inner: window.innerHeight }));
    expect(overflow.scroll).toBeLessThanOrEqual(overflow.inner);
    const shot = path.join(tmpdir(), `reports-wallboard-busy-${process.pid}.png`);
    await page.screenshot({ path: shot });
    console.info(`[REPORTS] busy wallboard screenshot: ${shot}`);
    await page.close();
  });
});
