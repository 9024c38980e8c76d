/**
 * The customer admin adds a rule to a demo number in the rule editor, asks "what happens if"
 * a US caller rings, sees the rule match and its path light up on the call flow, then places
 * that very call on the simulator and sees it ring where the answer said. Removes the rule
 * afterwards, so the demo number routes as before.
 */
import type { Browser, BrowserContext } from "playwright-core";
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD, DEMO_USERS } from "../../prisma/demo-logins";
import { launchBrowser, signedInContext } from "./helpers/browser";
import { expectInboundRings } from "./helpers/numbers";
import { connectTestDb, extensionByNumber, sipUsername, tenantIdByName } from "./helpers/presence-db";

const ACME_NUMBER = "+442071234500";
const US_CALLER = "+12125550100";
const RULE_NAME = "US callers to Reception";
let browser: Browser;
let context: BrowserContext;
let db: pg.Client;

describe("[CALL_RULES] admin adds a rule, asks what happens, and the call does that", () => {
  let receptionPhone: string;
  let receptionId: string;
  beforeAll(async () => {
    browser = await launchBrowser();
    db = await connectTestDb();
    const acme = await tenantIdByName(db, "Acme Ltd");
    receptionPhone = await sipUsername(db, acme, "210");
    receptionId = (await extensionByNumber(db, acme, "210")).id;
    context = await signedInContext(browser, DEMO_USERS.acmeAdmin, DEMO_PASSWORD);
  });
  afterAll(async () => {
    await db?.query(`DELETE FROM "CallRule" WHERE name = $1`, [RULE_NAME]);
    await db?.query(`SELECT pg_notify('dialplan_changed', "tenantId") FROM "Did" WHERE number = $1`, [ACME_NUMBER]);
    await context?.close();
    await db?.end();
    await browser?.close();
  });

  it("forwards US callers to Reception: the answer, the highlighted path and the real call agree", async () => {
    const page = await context.newPage();
    await page.goto("/numbers");
    await page.getByRole("link", { name: /20 7123 4500/ }).click();
    await page.getByRole("heading", { name: "Call rules" }).waitFor();

    await page.getByRole("button", { name: "Add rule" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("Name").fill(RULE_NAME);
    await dialog.getByLabel("Any caller").uncheck();
    await dialog.getByLabel("Calls from these countries").selectOption({ label: "🇺🇸 United States" });
    await dialog.getByLabel("Then").selectOption("forward");
    await dialog.getByLabel("Forward to").selectOption({ label: "210 · Reception" });
    await dialog.getByRole("button", { name: "Add rule" }).click();
    await dialog.waitFor({ state: "hidden" });
    const row = page.locator(`[data-rule-name="${RULE_NAME}"]`);
    await row.waitFor();
    expect(await row.innerText()).toContain("from United States → forward to 210 · Reception");
    const ruleId = (await db.query<{ id: string }>(`SELECT id FROM "CallRule" WHERE name = $1`, [RULE_NAME])).rows[0]!.id;

    await page.getByRole("textbox", { name: "Caller", exact: true }).fill("+1 212 555 0100");
    await page.getByRole("button", { name: "What happens?" }).click();
    const matched = page.locator('[data-rule-check="matched"]');
    await matched.waitFor();
    expect(await matched.innerText()).toContain(RULE_NAME);
    expect(await page.locator('[data-rule-check="notMatched"]').first().innerText()).toContain("Callers from France");
    const answer = await page.getByTestId("what-if-answer").innerText();
    expect(answer).toMatch(/Reception|210/);

    const diagram = page.getByTestId("call-flow-diagram");
    await diagram.locator(`[data-node-id="rule:${ruleId}"][data-on-path="true"]`).waitFor();
    const lit = await diagram.locator('[data-on-path="true"]').evaluateAll((nodes) => nodes.map((n) => n.getAttribute("data-node-id")));
    expect(lit).toContain(`did:${ACME_NUMBER}`);
    expect(lit.some((id) => id?.includes(receptionId))).toBe(true);
    expect(await diagram.locator(".react-flow__edge.on-path").count()).toBeGreaterThan(0);

    await expectInboundRings(ACME_NUMBER, receptionPhone, 10_000, US_CALLER);
  });
});
