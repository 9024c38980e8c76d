/**
 * Steps on the Numbers page and the calls that prove them, for any flow that routes a
 * number: point it through the real destination dialog, then ring it from the network.
 */
import type { Page } from "playwright-core";
import { scenario } from "./simulator";

/** On /numbers: opens the number's Destination dialog, picks the option by its label, saves. */
export async function pointNumberAt(page: Page, e164: string, optionLabel: string): Promise<void> {
  await page.getByRole("button", { name: `Destination of ${e164}` }).click();
  const dialog = page.getByRole("dialog");
  const picker = dialog.getByLabel("Destination", { exact: true });
  await picker.waitFor();
  await picker.selectOption({ label: optionLabel });
  await dialog.getByRole("button", { name: "Save destination" }).click();
  await dialog.waitFor({ state: "hidden" });
}

/**
 * Places a network call to `did` (from a UK mobile unless `from` says otherwise) and waits
 * until the simulator shows a channel ringing or answered at the endpoint (`sipUsername`);
 * hangs it up afterwards either way.
 */
export async function expectInboundRings(did: string, sipUsername: string, timeoutMs = 10_000, from = "+447700900123"): Promise<void> {
  const { channelId } = await scenario<{ channelId: string }>("placeInboundCall", { from, to: did });
  try {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const snapshot = await scenario<{ channels: unknown[] }>("snapshot", {});
      if (snapshot.channels.some((c) => JSON.stringify(c).includes(`PJSIP/${sipUsername}`))) return;
      if (Date.now() > deadline) throw new Error(`no channel to PJSIP/${sipUsername} after calling ${did}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  } finally {
    await scenario("hangup", { channelId }).catch(() => {});
  }
}
