/**
 * Steps on the routing pages and the calls that prove them: reorder a sortable list with the
 * mouse or the keyboard, read its order, and the order in which a call rings phones.
 */
import type { Page } from "playwright-core";
import { scenario } from "./simulator";

/** The names of a sortable list's items, top to bottom (SortableList marks each row). */
export const listOrder = (page: Page, label: string) =>
  page.getByRole("list", { name: label }).locator("[data-sortable-item]").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-sortable-item") ?? ""));

/**
 * Drags `name`'s handle with the mouse onto the row of `ontoName`, in small steps as a hand
 * would, and lets go where the dragged row covers that row exactly (dnd-kit's closest-centre
 * collision then picks it, however tall the rows are). Both rows must fit on screen.
 */
export async function dragOnto(page: Page, name: string, ontoName: string): Promise<void> {
  await page.locator(`[data-sortable-item="${ontoName}"]`).evaluate((el) => el.scrollIntoView({ block: "start" }));
  const handle = await page.getByRole("button", { name: `Reorder ${name}` }).boundingBox();
  const source = await page.locator(`[data-sortable-item="${name}"]`).boundingBox();
  const target = await page.locator(`[data-sortable-item="${ontoName}"]`).boundingBox();
  if (!handle || !source || !target) throw new Error(`cannot drag ${name} onto ${ontoName}: not on screen`);
  const x = handle.x + handle.width / 2;
  const grabY = handle.y + handle.height / 2;
  await page.mouse.move(x, grabY);
  await page.mouse.down();
  // Past the sensor's 4 px activation distance first, then to where the rows line up.
  await page.mouse.move(x, grabY + (target.y > source.y ? 8 : -8), { steps: 4 });
  await page.mouse.move(x, target.y + (grabY - source.y), { steps: 20 });
  await page.waitForTimeout(200);
  await page.mouse.up();
  await page.waitForTimeout(300);
}

/**
 * Lifts `name` with space on its handle, presses `key` `times` times, drops it with space.
 * The lift is confirmed by the handle turning aria-pressed: a key pressed before the page has
 * hydrated does nothing, so the lift is retried until dnd-kit has it.
 */
export async function keyboardMove(page: Page, name: string, key: "ArrowUp" | "ArrowDown", times = 1): Promise<void> {
  const handle = page.getByRole("button", { name: `Reorder ${name}` });
  await handle.evaluate((el) => el.scrollIntoView({ block: "center" }));
  for (let attempt = 0; ; attempt++) {
    await handle.focus();
    await page.keyboard.press("Space");
    // dnd-kit marks the handle it is dragging aria-pressed.
    const isLifted = await page
      .waitForFunction((label) => document.querySelector(`[aria-label="${label}"]`)?.getAttribute("aria-pressed") === "true", `Reorder ${name}`, { timeout: 1_000 })
      .then(() => true, () => false);
    if (isLifted) break;
    if (attempt === 5) throw new Error(`could not pick up ${name} with the keyboard`);
  }
  await page.waitForTimeout(200);
  for (let i = 0; i < times; i++) {
    await page.keyboard.press(key);
    await page.waitForTimeout(250);
  }
  await page.keyboard.press("Space");
  await page.waitForTimeout(300);
}

/**
 * Calls `did` from the network and records in which order the phones `usernames` start to
 * ring (first channel seen to each), until all have rung or `timeoutMs` passes; hangs up.
 */
type Snapshot = { channels: { id: string; name: string }[]; destroyed: { id: string; name: string }[] };
const allChannels = async () => {
  const snap = await scenario<Snapshot>("snapshot", {});
  return [...snap.destroyed, ...snap.channels];
};

export async function ringOrder(did: string, usernames: readonly string[], timeoutMs = 40_000): Promise<string[]> {
  // Channels of earlier calls stay in the snapshot's history: only new ones count.
  const before = new Set((await allChannels()).map((c) => c.id));
  const { channelId } = await scenario<{ channelId: string }>("placeInboundCall", { from: "+447400123456", to: did });
  const seen: string[] = [];
  try {
    const deadline = Date.now() + timeoutMs;
    while (seen.length < usernames.length && Date.now() < deadline) {
      const names = (await allChannels()).filter((c) => !before.has(c.id)).map((c) => c.name);
      for (const user of usernames) if (!seen.includes(user) && names.some((n) => n.startsWith(`PJSIP/${user}-`))) seen.push(user);
      await new Promise((r) => setTimeout(r, 150));
    }
    return seen;
  } finally {
    await scenario("hangup", { channelId }).catch(() => {});
  }
}

type Db = { query<R>(sql: string, values?: unknown[]): Promise<{ rows: R[] }> };

/** The routing pages of the demo's Acme, as paths: hunt groups, Sales, and Bob's forwarding. */
export async function demoRoutingPaths(db: Db, tenantId: string) {
  const group = await db.query<{ id: string }>(`SELECT id FROM "HuntGroup" WHERE "tenantId" = $1 AND number = '600'`, [tenantId]);
  const bob = await db.query<{ id: string }>(`SELECT id FROM "Extension" WHERE "tenantId" = $1 AND number = '202'`, [tenantId]);
  if (!group.rows[0] || !bob.rows[0]) throw new Error("the demo's hunt group 600 or extension 202 is missing; is the routing seed loaded?");
  return { admin: ["/routing/hunt-groups", `/routing/hunt-groups/${group.rows[0].id}`, `/extensions/${bob.rows[0].id}/forwarding`], bob: [`/extensions/${bob.rows[0].id}/forwarding`] };
}
