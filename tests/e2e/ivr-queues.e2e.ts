/**
 * IVR menus and call queues in Chromium, as a customer admin builds them: a menu with keys,
 * the refusal (with its loop on screen) of a change that would leave callers no way out, a
 * queue whose members are reordered with the keyboard, and a member logged out. Works on the
 * demo seed and deletes everything it made afterwards.
 */
import type { Browser, BrowserContext, Page } from "playwright-core";
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD, DEMO_USERS } from "../../prisma/demo-logins";
import { launchBrowser, signedInContext } from "./helpers/browser";
import { connectTestDb, tenantIdByName } from "./helpers/presence-db";
import { keyboardMove, listOrder } from "./helpers/routing";

const MAIN = "E2E Main";
const SALES = "E2E Sales";
const QUEUE_NUMBER = "739";
const MEMBERS = "Queue members";

let browser: Browser;
let context: BrowserContext;
let page: Page;
let db: pg.Client;
let acme: string;

async function cleanUp() {
  await db.query(`DELETE FROM "IvrMenu" WHERE "tenantId" = $1 AND name = ANY($2)`, [acme, [MAIN, SALES]]);
  await db.query(`DELETE FROM "CallQueue" WHERE "tenantId" = $1 AND number = $2`, [acme, QUEUE_NUMBER]);
  await db.query(`SELECT pg_notify('dialplan_changed', $1)`, [acme]);
}

async function createMenu(name: string) {
  await page.goto("/routing/ivr");
  await page.getByRole("button", { name: "New IVR menu" }).first().click();
  await page.getByRole("dialog").getByLabel("Name").fill(name);
  await page.getByRole("button", { name: "Create menu" }).click();
  await page.getByRole("heading", { name: `IVR menu ${name}` }).waitFor();
}

const saveMenu = () => page.getByRole("button", { name: "Save menu" }).click();

describe("[IVR_QUEUES] customer admins build menus and queues", () => {
  beforeAll(async () => {
    browser = await launchBrowser();
    db = await connectTestDb();
    acme = await tenantIdByName(db, "Acme Ltd");
    await cleanUp();
    context = await signedInContext(browser, DEMO_USERS.acmeAdmin, DEMO_PASSWORD);
    page = await context.newPage();
    await page.setViewportSize({ width: 1280, height: 2000 });
  });
  afterAll(async () => {
    if (db) await cleanUp();
    await db?.end();
    await context?.close();
    await browser?.close();
  });

  it("[IVR] creates menus with keys and refuses a loop no caller can leave, showing it", { timeout: 120_000 }, async () => {
    await createMenu(MAIN);
    await page.getByRole("button", { name: "Add a key" }).click();
    await page.getByRole("button", { name: "Add a key" }).click();
    await page.getByLabel("Pressing 2 goes to").selectOption({ label: "The company’s general voicemail box" });
    await saveMenu();
    await page.getByText(`IVR menu ${MAIN} saved.`).waitFor();
    expect((await db.query(`SELECT digit FROM "IvrOption" o JOIN "IvrMenu" m ON m.id = o."ivrMenuId" WHERE m.name = $1 ORDER BY digit`, [MAIN])).rows.map((r) => r.digit)).toEqual(["1", "2"]);

    // Sales sends callers back to Main: fine, Main still reaches people.
    await createMenu(SALES);
    await page.getByRole("button", { name: "Add a key" }).click();
    await page.getByLabel("Pressing 1 goes to").selectOption({ label: MAIN });
    await page.getByLabel("Then send them to").selectOption({ label: MAIN });
    await saveMenu();
    await page.getByText(`IVR menu ${SALES} saved.`).waitFor();

    // Main now sends everything to Sales: nobody could ever leave the two.
    await page.goto("/routing/ivr");
    await page.getByRole("link", { name: `Edit IVR menu ${MAIN}` }).click();
    await page.getByRole("heading", { name: `IVR menu ${MAIN}` }).waitFor();
    await page.getByLabel("Pressing 1 goes to").selectOption({ label: SALES });
    await page.getByLabel("Pressing 2 goes to").selectOption({ label: SALES });
    await page.getByLabel("Then send them to").selectOption({ label: SALES });
    await saveMenu();
    const refusal = page.getByRole("alert").filter({ hasText: "Callers could never leave" });
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain(`${MAIN} → ${SALES} → ${MAIN}`);
    const stored = await db.query(`SELECT o.destination FROM "IvrOption" o JOIN "IvrMenu" m ON m.id = o."ivrMenuId" WHERE m.name = $1 AND digit = '2'`, [MAIN]);
    expect(stored.rows[0].destination).toEqual({ kind: "voicemail", extensionId: null });
  });

  it("[QUEUES] creates a queue, reorders members by keyboard and logs a member out", { timeout: 120_000 }, async () => {
    await page.goto("/routing/queues");
    await page.getByRole("button", { name: "New call queue" }).first().click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("Name").fill("E2E Support");
    await dialog.getByLabel("Number").fill(QUEUE_NUMBER);
    await page.getByRole("button", { name: "Create queue" }).click();
    await page.getByRole("heading", { name: `Call queue ${QUEUE_NUMBER} · E2E Support` }).waitFor();
    for (let i = 0; i < 3; i++) await page.getByRole("button", { name: "Add", exact: true }).click();
    await page.getByRole("radio", { name: /^In order/ }).check();
    await page.getByRole("button", { name: "Save queue" }).click();
    await page.getByText(`Call queue ${QUEUE_NUMBER} saved.`).waitFor();
    const before = await listOrder(page, MEMBERS);
    expect(before).toHaveLength(3);

    await keyboardMove(page, before[2]!, "ArrowUp");
    const moved = [before[0]!, before[2]!, before[1]!];
    expect(await listOrder(page, MEMBERS)).toEqual(moved);
    await page.getByRole("button", { name: "Save queue" }).click();
    await page.getByText(`Call queue ${QUEUE_NUMBER} saved.`).waitFor();
    await page.reload();
    await page.getByRole("list", { name: MEMBERS }).waitFor();
    expect(await listOrder(page, MEMBERS)).toEqual(moved);

    await page.getByRole("button", { name: `Log out ${moved[0]}` }).click();
    await page.getByText(`${moved[0]} logged out.`).waitFor();
    await page.getByRole("button", { name: `Log in ${moved[0]}` }).waitFor();
    const members = await db.query(
      `SELECT e."displayName" || ' (' || e.number || ')' AS name, m."isLoggedIn" FROM "CallQueueMember" m JOIN "Extension" e ON e.id = m."extensionId" JOIN "CallQueue" q ON q.id = m."queueId" WHERE q."tenantId" = $1 AND q.number = $2 ORDER BY m.position`,
      [acme, QUEUE_NUMBER],
    );
    expect(members.rows.map((r) => [r.name, r.isLoggedIn])).toEqual([[moved[0], false], [moved[1], true], [moved[2], true]]);

    // Live status shows the queue and who is logged in.
    await page.goto("/extensions/summary");
    const row = page.getByRole("listitem", { name: `Queue ${QUEUE_NUMBER} E2E Support` });
    await row.waitFor();
    expect(await row.textContent()).toContain("2 logged in");
  });
});
