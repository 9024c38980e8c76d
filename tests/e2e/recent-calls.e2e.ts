import type pg from "pg";
import type { Browser, BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD, DEMO_USERS } from "../../prisma/demo-logins";
import { launchBrowser, signedInContext } from "./helpers/browser";
import { connectTestDb, tenantIdByName } from "./helpers/presence-db";
import { scenario } from "./helpers/simulator";

/** Acme's main number in the demo seed. */
const ACME_DID = "+442071234500";
/** A valid London number no demo call uses, so its rows are found unambiguously. */
const CALLER = `+44207946${1000 + Math.floor(Math.random() * 8999)}`;

async function eventually<T>(what: string, find: () => Promise<T | undefined | null>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = await find();
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** A call from CALLER to Acme that the far end ends after a moment; resolves once its CDR is written. */
async function callAcme(db: pg.Client): Promise<{ disposition: string }> {
  const { channelId } = await scenario<{ channelId: string }>("placeInboundCall", { from: CALLER, to: ACME_DID });
  await new Promise((resolve) => setTimeout(resolve, 500));
  await scenario("hangup", { channelId }).catch(() => undefined); // a rejected call is already gone
  return eventually("the call's CDR", async () => (await db.query<{ disposition: string }>(`SELECT disposition FROM "CallRecord" WHERE "channelId" = $1`, [channelId])).rows[0]);
}

describe("[CALLS] recent calls update live and act on a caller", () => {
  let browser: Browser;
  let alice: BrowserContext;
  let db: pg.Client;
  let acme: string;
  beforeAll(async () => {
    db = await connectTestDb();
    acme = await tenantIdByName(db, "Acme Ltd");
    browser = await launchBrowser();
    alice = await signedInContext(browser, DEMO_USERS.acmeAdmin, DEMO_PASSWORD);
  });
  afterAll(async () => {
    // Leave the demo as it was for the next file: no block, no contact for this number.
    await db?.query(`DELETE FROM "BlockedNumber" WHERE "tenantId" = $1 AND pattern = $2`, [acme, CALLER]).catch(() => undefined);
    await db?.query(`SELECT pg_notify('dialplan_changed', $1)`, [acme]).catch(() => undefined);
    await db?.query(`DELETE FROM "Contact" WHERE "tenantId" = $1 AND name = 'E2E Caller'`, [acme]).catch(() => undefined);
    await db?.end();
    await browser?.close();
  });

  it("shows a new simulator call without reload, saves the caller to the phone book and blocks them", async () => {
    const page = await alice.newPage();
    await page.goto("/calls");
    await page.getByRole("heading", { name: "Recent calls" }).waitFor();
    // The SSE stream is live once the browser holds it; give it a moment before the call ends.
    await page.waitForTimeout(1000);
    await callAcme(db);
    const addButton = page.getByRole("button", { name: `Add ${CALLER} to the phone book` });
    await addButton.first().waitFor({ timeout: 15_000 });

    await addButton.first().click();
    const form = page.getByRole("dialog", { name: "Add to phone book" });
    await form.getByLabel("Name", { exact: true }).fill("E2E Caller");
    expect(await form.getByLabel("Number 1", { exact: true }).inputValue()).toBe(CALLER);
    await form.getByRole("button", { name: "Add contact" }).click();
    await form.waitFor({ state: "detached" });
    await page.getByText("E2E Caller").first().waitFor();
    const contact = await db.query(`SELECT c."ownerUserId" FROM "Contact" c JOIN "ContactNumber" n ON n."contactId" = c.id WHERE c."tenantId" = $1 AND n.number = $2`, [acme, CALLER]);
    expect(contact.rows).toEqual([{ ownerUserId: null }]);

    await page.getByRole("button", { name: `Block ${CALLER}` }).first().click();
    const confirm = page.getByRole("dialog", { name: "Block this caller?" });
    await confirm.getByRole("button", { name: "Block caller" }).click();
    await confirm.waitFor({ state: "detached" });
    await page.getByText(`Calls from ${CALLER} are now refused.`).waitFor();
    const blocked = await db.query(`SELECT "isPrefix" FROM "BlockedNumber" WHERE "tenantId" = $1 AND pattern = $2`, [acme, CALLER]);
    expect(blocked.rows).toEqual([{ isPrefix: false }]);

    // The worker hears the change; the caller's next call is refused and shows as failed.
    const next = await eventually("a refused call", async () => {
      const cdr = await callAcme(db);
      return cdr.disposition === "REJECTED" ? cdr : null;
    }, 20_000);
    expect(next.disposition).toBe("REJECTED");
    await page.getByRole("row").filter({ hasText: "E2E Caller" }).filter({ hasText: "Failed" }).first().waitFor();

    await page.goto("/calls/blocked");
    await page.getByRole("button", { name: `Unblock ${CALLER}` }).click();
    await page.getByText("Nobody is blocked").or(page.getByRole("table")).first().waitFor();
    await page.close();
  });
});
