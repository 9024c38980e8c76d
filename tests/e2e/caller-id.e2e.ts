import path from "node:path";
import type pg from "pg";
import type { Browser, BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD, DEMO_USERS } from "../../prisma/demo-logins";
import { launchBrowser, signedInContext } from "./helpers/browser";
import { connectTestDb, sipUsername, tenantIdByName } from "./helpers/presence-db";
import { scenario } from "./helpers/simulator";

const ARTIFACTS = path.join(import.meta.dirname, "artifacts");
const MOBILE = "+447911123456";

type Channel = { id: string; name: string; caller: { number: string } };
type Snapshot = { channels: Channel[]; bridges: { channels: string[] }[] };

/** Polls the simulator until `find` returns something (playwright-core has no auto-waiting expect). */
async function eventually<T>(what: string, find: () => Promise<T | undefined>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = await find();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe("[CALLER_ID] an admin verifies a mobile and an extension calls out showing it", () => {
  let browser: Browser;
  let db: pg.Client;
  let alice: BrowserContext;
  let dana: BrowserContext;
  beforeAll(async () => {
    browser = await launchBrowser();
    db = await connectTestDb();
    alice = await signedInContext(browser, DEMO_USERS.acmeAdmin, DEMO_PASSWORD);
    dana = await signedInContext(browser, DEMO_USERS.partnerAdmin, DEMO_PASSWORD);
  });
  afterAll(async () => {
    await db?.end();
    await browser?.close();
  });

  it("verifies with the code from the back office's outbox, sets it on extension 203, and the trunk leg carries it", async () => {
    const page = await alice.newPage();
    await page.goto("/numbers/caller-id");
    await page.getByRole("button", { name: "Verify a mobile" }).click();
    const dialog = page.getByRole("dialog", { name: "Verify a mobile" });
    await dialog.getByLabel("Mobile number").fill("+44 7911 123456");
    await dialog.getByRole("button", { name: "Send code" }).click();
    await dialog.getByLabel("6-digit code").waitFor();
    expect(await dialog.getByLabel("6-digit code").getAttribute("autocomplete")).toBe("one-time-code");

    // The partner's back office reads the text in its outbox, as the phone would have.
    const office = await dana.newPage();
    await office.goto("/admin/messages");
    const body = office.getByTestId("sms-body").filter({ hasText: "verification code is" }).first();
    await body.waitFor();
    const code = /code is (\d{6})\./.exec(await body.innerText())?.[1];
    expect(code).toMatch(/^\d{6}$/);
    await office.screenshot({ path: path.join(ARTIFACTS, "sms-outbox.png") });
    await office.close();

    await dialog.getByLabel("6-digit code").fill(code!);
    await dialog.getByRole("button", { name: "Verify" }).click();
    await dialog.waitFor({ state: "detached" });
    await page.getByText("Verified", { exact: true }).waitFor();
    await page.screenshot({ path: path.join(ARTIFACTS, "caller-id.png") });

    await page.goto("/extensions");
    await page.getByRole("button", { name: "Edit extension 203" }).click();
    const form = page.getByRole("dialog", { name: "Edit extension 203" });
    await form.getByLabel("Outbound number").selectOption(MOBILE);
    await form.getByRole("button", { name: "Save changes" }).click();
    await form.waitFor({ state: "detached" });
    await page.close();

    // Carol's phone dials out; the simulator's trunk leg shows the mobile as caller ID.
    const acme = await tenantIdByName(db, "Acme Ltd");
    const carolPhone = await sipUsername(db, acme, "203");
    const { channelId } = await scenario<{ channelId: string }>("placeExtensionCall", { fromEndpoint: carolPhone, to: "07700900123" });
    const leg = await eventually("the trunk leg", async () => {
      const snapshot = await scenario<Snapshot>("snapshot", {});
      const bridge = snapshot.bridges.find((b) => b.channels.includes(channelId) && b.channels.length === 2);
      const legId = bridge?.channels.find((id) => id !== channelId);
      return snapshot.channels.find((c) => c.id === legId);
    });
    expect(leg.name).toMatch(/^PJSIP\/trunk-/);
    expect(leg.caller.number).toBe(MOBILE);
    await scenario("hangup", { channelId });
  });
});
