import { randomBytes } from "node:crypto";
import type pg from "pg";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD, DEMO_USERS } from "../../prisma/demo-logins";
import { launchBrowser, signedInContext } from "./helpers/browser";
import { connectTestDb, sipUsername, tenantIdByName } from "./helpers/presence-db";
import { scenario } from "./helpers/simulator";

/** A London landline no other flow uses, so this file's request is found unambiguously. */
const CALLEE = `+44207946${1000 + Math.floor(Math.random() * 8999)}`;
const CONTACT = "E2E Callee";

async function eventually<T>(what: string, find: () => Promise<T | undefined | null>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = await find();
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

const stepState = (page: Page, step: string) => page.locator(`[data-step="${step}"]`).getAttribute("data-state");

describe("[CALLBACKS] click-to-call from the phone book", () => {
  let browser: Browser;
  let bob: BrowserContext;
  let db: pg.Client;
  let acme: string;
  const contactId = `e2e${randomBytes(8).toString("hex")}`;

  beforeAll(async () => {
    db = await connectTestDb();
    acme = await tenantIdByName(db, "Acme Ltd");
    const { rows } = await db.query<{ id: string }>(`SELECT id FROM "User" WHERE email = $1`, [DEMO_USERS.acmeUsers[0]]);
    // Bob's own contact: the phone book shows it with a Call button beside the number.
    await db.query(`INSERT INTO "Contact" (id, "tenantId", "ownerUserId", name, "updatedAt") VALUES ($1, $2, $3, $4, now())`, [contactId, acme, rows[0]!.id, CONTACT]);
    await db.query(`INSERT INTO "ContactNumber" (id, "tenantId", "contactId", label, number, position) VALUES ($1, $2, $3, 'Work', $4, 0)`, [`${contactId}n`, acme, contactId, CALLEE]);
    // Bob's phone is on line, so a worker placing the request can ring it (the simulator answers).
    await scenario("registerPhone", { endpoint: await sipUsername(db, acme, "202") });
    browser = await launchBrowser();
    bob = await signedInContext(browser, DEMO_USERS.acmeUsers[0], DEMO_PASSWORD);
  });
  afterAll(async () => {
    // End the bridged call, so the next file finds Bob's phone idle.
    const legs = await db?.query<{ firstChannelId: string | null; secondChannelId: string | null }>(`SELECT "firstChannelId", "secondChannelId" FROM "CallbackRequest" WHERE "tenantId" = $1 AND dialled = $2`, [acme, CALLEE]).catch(() => null);
    for (const row of legs?.rows ?? []) {
      for (const channelId of [row.firstChannelId, row.secondChannelId]) if (channelId) await scenario("hangup", { channelId }).catch(() => undefined);
    }
    await db?.query(`DELETE FROM "Contact" WHERE id = $1`, [contactId]).catch(() => undefined);
    await db?.query(`DELETE FROM "CallbackRequest" WHERE "tenantId" = $1 AND dialled = $2 AND state IN ('QUEUED', 'CALLING_FIRST', 'CALLING_SECOND', 'CONNECTED')`, [acme, CALLEE]).catch(() => undefined);
    await db?.end();
    await browser?.close();
  });

  it("calls a contact from the extension user's own line and shows the steps live up to connected", async () => {
    const page = await bob.newPage();
    await page.goto("/phone-book");
    await page.getByRole("button", { name: `Call ${CONTACT} on ${CALLEE}` }).click();
    const dialog = page.getByRole("dialog", { name: `Call ${CONTACT}` });
    await dialog.waitFor();
    // An extension user's line is fixed: no picker, just their own extension.
    await dialog.getByText("Bob Baker (202)").waitFor();
    expect(await dialog.getByLabel("Call from").count()).toBe(0);
    expect(await dialog.getByLabel("Number to call").inputValue()).toBe(CALLEE);
    await dialog.getByRole("button", { name: "Call", exact: true }).click();
    const status = dialog.getByTestId("callback-status");
    await status.waitFor();

    const request = await eventually("the callback request", async () =>
      (await db.query<{ id: string; sipAccountId: string }>(`SELECT id, "sipAccountId" FROM "CallbackRequest" WHERE "tenantId" = $1 AND dialled = $2 AND source = 'PORTAL'`, [acme, CALLEE])).rows[0]);

    // The worker claims it, rings Bob's phone, then the callee; the simulator answers both and
    // the worker bridges them. Each state reaches the page through callback_changed and SSE.
    await eventually("the worker to claim the request", async () =>
      (await db.query<{ claimedBy: string | null }>(`SELECT "claimedBy" FROM "CallbackRequest" WHERE id = $1`, [request.id])).rows[0]?.claimedBy);
    await eventually("connected", async () => (await status.textContent())?.includes("Connected"), 20_000);
    expect(await Promise.all(["first", "answered", "second", "connected"].map((step) => stepState(page, step)))).toEqual(["done", "done", "done", "done"]);
    expect((await db.query<{ state: string; sipAccountId: string }>(`SELECT state, "sipAccountId" FROM "CallbackRequest" WHERE id = $1`, [request.id])).rows[0]).toMatchObject({ state: "CONNECTED", sipAccountId: request.sipAccountId });

    // The request is in Bob's callback log too.
    await page.keyboard.press("Escape");
    await page.goto("/callbacks");
    await page.getByRole("heading", { name: "Web callback" }).waitFor();
    await page.getByRole("cell", { name: CALLEE }).first().waitFor();
    // Extension users have no refusals tab, and the page itself is refused.
    expect(await page.getByRole("link", { name: "Refusals" }).count()).toBe(0);
    const refused = await page.goto("/callbacks/refusals");
    expect(refused?.status()).toBe(403);
  });
});
