/**
 * Follow-me and hunt-group members reordered in Chromium, with the mouse and with the
 * keyboard: the order survives a reload, and the next call from the network rings the phones
 * in that order. Works on the demo seed (Bob's follow-me list, hunt group 600 "Sales") and
 * puts every row it touches back afterwards.
 */
import type { Browser, BrowserContext, Page } from "playwright-core";
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD, DEMO_USERS } from "../../prisma/demo-logins";
import { launchBrowser, signedInContext } from "./helpers/browser";
import { connectTestDb, extensionByNumber, sipUsername, tenantIdByName } from "./helpers/presence-db";
import { dragOnto, keyboardMove, listOrder, ringOrder } from "./helpers/routing";
import { scenario } from "./helpers/simulator";

const ACME_NUMBER = "+442071234500";
const FOLLOW_ME = "Follow-me destinations";
const MEMBERS = "Hunt group members";

let browser: Browser;
let db: pg.Client;
let acme: string;
let phones: Record<"201" | "202" | "203" | "210", string>;
/** Everything the file changes, as it was: restored in afterAll whatever happened. */
let saved: { did: unknown; bob: unknown; steps: unknown[]; group: unknown; members: unknown[]; disabledRules: string[] };

const notifyDialPlan = () => db.query(`SELECT pg_notify('dialplan_changed', $1)`, [acme]);

/** Routes the company number straight to `target`, with no call rule in the way. */
async function routeNumber(target: { extensionId: string } | { huntGroupId: string }) {
  const isGroup = "huntGroupId" in target;
  await db.query(`UPDATE "Did" SET "targetType" = $2, "targetExtensionId" = $3, "targetHuntGroupId" = $4 WHERE number = $1`, [
    ACME_NUMBER, isGroup ? "HUNT_GROUP" : "EXTENSION", isGroup ? null : target.extensionId, isGroup ? target.huntGroupId : null,
  ]);
  await notifyDialPlan();
  await new Promise((r) => setTimeout(r, 500)); // the worker drops its cached snapshot on the NOTIFY
}

/** Tall enough for every row of either list at once: the mouse only reaches what is on screen. */
const TALL_VIEWPORT = { width: 1280, height: 2400 };

async function saveAndReload(page: Page, button: string, list: string, expected: string[]) {
  await page.getByRole("button", { name: button }).click();
  await page.getByText(/saved\.$/).first().waitFor();
  await page.reload();
  await page.getByRole("list", { name: list }).waitFor();
  expect(await listOrder(page, list)).toEqual(expected);
}

describe("[ROUTING] reorder by drag and drop, and calls follow the order", () => {
  let bobExtensionId: string;
  let groupId: string;
  beforeAll(async () => {
    browser = await launchBrowser();
    db = await connectTestDb();
    acme = await tenantIdByName(db, "Acme Ltd");
    phones = { "201": await sipUsername(db, acme, "201"), "202": await sipUsername(db, acme, "202"), "203": await sipUsername(db, acme, "203"), "210": await sipUsername(db, acme, "210") };
    bobExtensionId = (await extensionByNumber(db, acme, "202")).id;
    groupId = (await db.query<{ id: string }>(`SELECT id FROM "HuntGroup" WHERE "tenantId" = $1 AND number = '600'`, [acme])).rows[0]!.id;
    saved = {
      did: (await db.query(`SELECT "targetType", "targetExtensionId", "targetHuntGroupId" FROM "Did" WHERE number = $1`, [ACME_NUMBER])).rows[0],
      bob: (await db.query(`SELECT "followMeEnabled", "followMeStrategy", "followMeRingSelfSec" FROM "Extension" WHERE id = $1`, [bobExtensionId])).rows[0],
      steps: (await db.query(`SELECT * FROM "FollowMeStep" WHERE "extensionId" = $1`, [bobExtensionId])).rows,
      group: (await db.query(`SELECT strategy, "ringSec" FROM "HuntGroup" WHERE id = $1`, [groupId])).rows[0],
      members: (await db.query(`SELECT * FROM "HuntGroupMember" WHERE "huntGroupId" = $1`, [groupId])).rows,
      // Rules (the call-rules flow's demo) would decide before follow-me or the group do.
      disabledRules: (await db.query<{ id: string }>(`UPDATE "CallRule" SET "isEnabled" = false WHERE "tenantId" = $1 AND "isEnabled" RETURNING id`, [acme])).rows.map((r) => r.id),
    };
    // Phones ring until the worker gives up on them, so each one's turn is visible.
    for (const username of Object.values(phones)) await scenario("setPhoneBehaviour", { endpoint: username, mode: "noAnswer" });
  });
  afterAll(async () => {
    if (saved) {
      const did = saved.did as { targetType: string; targetExtensionId: string | null; targetHuntGroupId: string | null };
      await db.query(`UPDATE "Did" SET "targetType" = $2, "targetExtensionId" = $3, "targetHuntGroupId" = $4 WHERE number = $1`, [ACME_NUMBER, did.targetType, did.targetExtensionId, did.targetHuntGroupId]);
      const bob = saved.bob as { followMeEnabled: boolean; followMeStrategy: string; followMeRingSelfSec: number | null };
      await db.query(`UPDATE "Extension" SET "followMeEnabled" = $2, "followMeStrategy" = $3, "followMeRingSelfSec" = $4 WHERE id = $1`, [bobExtensionId, bob.followMeEnabled, bob.followMeStrategy, bob.followMeRingSelfSec]);
      await db.query(`DELETE FROM "FollowMeStep" WHERE "extensionId" = $1`, [bobExtensionId]);
      for (const s of saved.steps as Record<string, unknown>[]) {
        await db.query(`INSERT INTO "FollowMeStep" (id, "tenantId", "extensionId", position, destination, "ringSec", "confirmAnswer", "activePeriod", "createdAt") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`, [
          s.id, s.tenantId, s.extensionId, s.position, JSON.stringify(s.destination), s.ringSec, s.confirmAnswer, s.activePeriod === null ? null : JSON.stringify(s.activePeriod), s.createdAt,
        ]);
      }
      const group = saved.group as { strategy: string; ringSec: number };
      await db.query(`UPDATE "HuntGroup" SET strategy = $2, "ringSec" = $3 WHERE id = $1`, [groupId, group.strategy, group.ringSec]);
      await db.query(`DELETE FROM "HuntGroupMember" WHERE "huntGroupId" = $1`, [groupId]);
      for (const m of saved.members as Record<string, unknown>[]) {
        await db.query(`INSERT INTO "HuntGroupMember" (id, "tenantId", "huntGroupId", "extensionId", position, "ringSec") VALUES ($1, $2, $3, $4, $5, $6)`, [m.id, m.tenantId, m.huntGroupId, m.extensionId, m.position, m.ringSec]);
      }
      await db.query(`UPDATE "CallRule" SET "isEnabled" = true WHERE id = ANY($1)`, [saved.disabledRules]);
      await notifyDialPlan();
    }
    for (const username of Object.values(phones ?? {})) await scenario("setPhoneBehaviour", { endpoint: username, mode: "answer" }).catch(() => {});
    await db?.end();
    await browser?.close();
  });

  it("[FORWARDING] Bob reorders his follow-me list with the mouse and the keyboard; calls ring it in that order", { timeout: 150_000 }, async () => {
    const context: BrowserContext = await signedInContext(browser, DEMO_USERS.acmeUsers[0], DEMO_PASSWORD);
    try {
      const page = await context.newPage();
      await page.setViewportSize(TALL_VIEWPORT);
      await page.goto("/");
      await page.getByRole("link", { name: "Forwarding and follow-me of extension 202" }).click();
      await page.getByRole("list", { name: FOLLOW_ME }).waitFor();
      expect(await listOrder(page, FOLLOW_ME)).toEqual(["203 · Carol Chen", "210 · Reception"]);
      // Straight to the list, every entry always active and quick, and a third entry (the first extension offered).
      await page.getByLabel("Ring my own phone first", { exact: true }).uncheck();
      await page.getByRole("checkbox", { name: "Always" }).first().check();
      await page.getByRole("button", { name: "Add a destination" }).click();
      for (const n of [1, 2, 3]) await page.getByLabel(`Destination ${n}: ring for (seconds)`).fill("5");
      expect(await listOrder(page, FOLLOW_ME)).toEqual(["203 · Carol Chen", "210 · Reception", "201 · Alice Admin"]);

      await dragOnto(page, "201 · Alice Admin", "203 · Carol Chen");
      expect(await listOrder(page, FOLLOW_ME)).toEqual(["201 · Alice Admin", "203 · Carol Chen", "210 · Reception"]);
      await saveAndReload(page, "Save forwarding", FOLLOW_ME, ["201 · Alice Admin", "203 · Carol Chen", "210 · Reception"]);

      await keyboardMove(page, "210 · Reception", "ArrowUp");
      expect(await listOrder(page, FOLLOW_ME)).toEqual(["201 · Alice Admin", "210 · Reception", "203 · Carol Chen"]);
      await saveAndReload(page, "Save forwarding", FOLLOW_ME, ["201 · Alice Admin", "210 · Reception", "203 · Carol Chen"]);

      await routeNumber({ extensionId: bobExtensionId });
      expect(await ringOrder(ACME_NUMBER, [phones["201"], phones["210"], phones["203"]])).toEqual([phones["201"], phones["210"], phones["203"]]);
    } finally {
      await context.close();
    }
  });

  it("[HUNT_GROUPS] the admin reorders Sales' members with the mouse and the keyboard; calls ring them in that order", { timeout: 150_000 }, async () => {
    const context = await signedInContext(browser, DEMO_USERS.acmeAdmin, DEMO_PASSWORD);
    try {
      const page = await context.newPage();
      await page.setViewportSize(TALL_VIEWPORT);
      await page.goto("/routing/hunt-groups");
      await page.getByRole("link", { name: "Edit hunt group 600 Sales" }).click();
      await page.getByRole("list", { name: MEMBERS }).waitFor();
      expect(await listOrder(page, MEMBERS)).toEqual(["Bob Baker (202)", "Carol Chen (203)", "Alice Admin (201)"]);
      await page.getByText("Members ring one after another, top of the list first").waitFor();
      for (const name of ["Bob Baker (202)", "Carol Chen (203)", "Alice Admin (201)"]) await page.getByLabel(`${name}: ring for (seconds)`).fill("5");

      await dragOnto(page, "Alice Admin (201)", "Bob Baker (202)");
      expect(await listOrder(page, MEMBERS)).toEqual(["Alice Admin (201)", "Bob Baker (202)", "Carol Chen (203)"]);
      await saveAndReload(page, "Save hunt group", MEMBERS, ["Alice Admin (201)", "Bob Baker (202)", "Carol Chen (203)"]);

      await keyboardMove(page, "Carol Chen (203)", "ArrowUp");
      expect(await listOrder(page, MEMBERS)).toEqual(["Alice Admin (201)", "Carol Chen (203)", "Bob Baker (202)"]);
      await saveAndReload(page, "Save hunt group", MEMBERS, ["Alice Admin (201)", "Carol Chen (203)", "Bob Baker (202)"]);

      await routeNumber({ huntGroupId: groupId });
      expect(await ringOrder(ACME_NUMBER, [phones["201"], phones["203"], phones["202"]])).toEqual([phones["201"], phones["203"], phones["202"]]);
    } finally {
      await context.close();
    }
  });

  it("[ROUTING] the up and down buttons reorder too, and escape cancels a keyboard drag", async () => {
    const context = await signedInContext(browser, DEMO_USERS.acmeAdmin, DEMO_PASSWORD);
    try {
      const page = await context.newPage();
      await page.goto(`/routing/hunt-groups/${groupId}`);
      await page.getByRole("list", { name: MEMBERS }).waitFor();
      const before = await listOrder(page, MEMBERS);
      await page.getByRole("button", { name: `Move ${before[0]} down` }).click();
      expect(await listOrder(page, MEMBERS)).toEqual([before[1], before[0], before[2]]);
      await page.getByText(`Moved ${before[0]} to position 2 of 3.`).waitFor({ state: "attached" });
      await page.getByRole("button", { name: `Reorder ${before[2]}` }).focus();
      await page.keyboard.press("Space");
      await page.keyboard.press("ArrowUp");
      await page.keyboard.press("Escape");
      await page.waitForTimeout(300);
      expect(await listOrder(page, MEMBERS)).toEqual([before[1], before[0], before[2]]);
    } finally {
      await context.close();
    }
  });

  it("[PRESENCE] Bob turns on do not disturb and the admin's Live status and wallboard show it without a reload", async () => {
    const admin = await signedInContext(browser, DEMO_USERS.acmeAdmin, DEMO_PASSWORD);
    const bob = await signedInContext(browser, DEMO_USERS.acmeUsers[0], DEMO_PASSWORD);
    try {
      const live = await admin.newPage();
      await live.goto("/extensions/summary");
      await live.getByTestId("call-202").waitFor();
      const wallboard = await admin.newPage();
      await wallboard.goto("/extensions/wallboard");
      await wallboard.getByTestId("tile-202").waitFor();
      expect(await live.getByTestId("call-202").getByText("Do not disturb").count()).toBe(0);

      const own = await bob.newPage();
      await own.goto(`/extensions/${bobExtensionId}/forwarding`);
      await own.getByRole("switch", { name: "Do not disturb" }).click();
      await own.getByText("Do not disturb is on").waitFor();

      await live.getByTestId("call-202").getByText("Do not disturb").waitFor({ timeout: 10_000 });
      await wallboard.locator('[data-testid="tile-202"][data-state="dnd"]').waitFor({ timeout: 10_000 });
      expect(await wallboard.getByTestId("tile-202").getByText("Do not disturb").count()).toBe(1);
    } finally {
      await db.query(`UPDATE "Extension" SET "doNotDisturb" = false WHERE id = $1`, [bobExtensionId]);
      await notifyDialPlan();
      await admin.close();
      await bob.close();
    }
  });
});
