import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import jsQR from "jsqr";
import type { Browser, BrowserContext, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { E2E_SIP } from "../setup/e2e-server";
import { launchBrowser, signedInContext } from "./helpers/browser";

const PASSWORD = "Centrex-demo-1";
const ARTIFACTS = path.join(import.meta.dirname, "artifacts");
const SHOWN = ["username", "password", "sip-server", "port", "transport"] as const;

/** The QR image as the browser drew it, read back pixel by pixel and decoded. */
async function decodeQr(image: Locator): Promise<string | null> {
  const pixels = await image.evaluate((img: HTMLImageElement) => {
    const canvas = document.createElement("canvas");
    canvas.width = img.naturalWidth;
    canvas.height = img.naturalHeight;
    const context = canvas.getContext("2d")!;
    context.drawImage(img, 0, 0);
    const { data, width, height } = context.getImageData(0, 0, canvas.width, canvas.height);
    return { data: Array.from(data), width, height };
  });
  return jsQR(Uint8ClampedArray.from(pixels.data), pixels.width, pixels.height)?.data ?? null;
}

/** axe's WCAG 2.1 AA findings for the open dialog (tests/e2e/accessibility.e2e.ts audits pages). */
async function dialogViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: await readFile(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8") });
  const ids = await page.evaluate(async () => {
    type Axe = { run: (ctx: Element, opts: object) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> };
    const result = await (window as unknown as { axe: Axe }).axe.run(document.querySelector("dialog[open]")!, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
    });
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  });
  return ids;
}

/** `sip:user:password@host:port;transport=t` back into the dialog's five values. */
function readSipUri(uri: string): Record<(typeof SHOWN)[number], string> | null {
  const match = /^sip:([^:@]+):([^@]+)@([^:;]+):(\d+);transport=(\w+)$/.exec(uri);
  if (!match) return null;
  const [, user, password, host, port, transport] = match;
  return { username: decodeURIComponent(user!), password: decodeURIComponent(password!), "sip-server": host!, port: port!, transport: transport!.toUpperCase() };
}

describe("[EXTENSIONS] credentials a phone can use", () => {
  let browser: Browser;
  let alice: BrowserContext;
  beforeAll(async () => {
    browser = await launchBrowser();
    alice = await signedInContext(browser, "alice@acme.example", PASSWORD);
    await alice.grantPermissions(["clipboard-read", "clipboard-write"]);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("new credentials show the configured server, port and transport, and a QR code that decodes to them", async () => {
    const page = await alice.newPage();
    await page.setViewportSize({ width: 390, height: 844 }); // a phone: the dialog must still fit
    await page.goto("/extensions");
    await page.getByRole("button", { name: "New credentials for extension 203" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Generate new credentials" }).click();

    const shown = page.getByRole("dialog", { name: "SIP credentials for extension 203" });
    await shown.waitFor();
    const values = Object.fromEntries(await Promise.all(SHOWN.map(async (key) => [key, (await shown.getByTestId(`credential-${key}`).innerText()).trim()] as const)));
    expect(values).toMatchObject({ "sip-server": E2E_SIP.SIP_DOMAIN, port: E2E_SIP.SIP_PORT, transport: "UDP" });
    expect(values.username).toMatch(/^demo-203-/);
    expect(values.password!.length).toBeGreaterThanOrEqual(24);
    await shown.getByText(`The server also accepts TLS on port ${E2E_SIP.SIP_TLS_PORT}.`).waitFor();
    // The e2e worker runs the simulator: the dialog says so instead of passing these off as real.
    await shown.getByRole("note").filter({ hasText: "Demo settings." }).waitFor();
    await shown.getByText("won't be shown again").first().waitFor();

    const qr = shown.getByRole("img", { name: `QR code with the SIP account ${values.username} at ${E2E_SIP.SIP_DOMAIN}, password included` });
    await qr.waitFor();
    const decoded = await decodeQr(qr);
    expect(decoded).toBe(`sip:${values.username}:${values.password}@${E2E_SIP.SIP_DOMAIN}:${E2E_SIP.SIP_PORT};transport=udp`);
    expect(readSipUri(decoded!)).toEqual(values);

    await shown.getByRole("button", { name: "Copy all" }).click();
    await shown.getByRole("button", { name: "Copied all" }).waitFor();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    const labels = { username: "Username", password: "Password", "sip-server": "SIP server", port: "Port", transport: "Transport" };
    expect(copied).toBe(SHOWN.map((key) => `${labels[key]}: ${values[key]}`).join("\n"));

    expect(await dialogViolations(page)).toEqual([]);

    // Nothing sticks out sideways on a 390 px screen.
    const overflow = await shown.evaluate((dialog) => ({ scroll: dialog.scrollWidth, client: dialog.clientWidth, right: dialog.getBoundingClientRect().right }));
    expect(overflow.scroll).toBeLessThanOrEqual(overflow.client);
    expect(overflow.right).toBeLessThanOrEqual(390);
    await page.screenshot({ path: path.join(ARTIFACTS, "credentials-phone.png"), fullPage: true });

    await shown.getByRole("button", { name: "I have saved them" }).click();
    await shown.waitFor({ state: "hidden" });
    expect(await page.getByText(values.password!).count()).toBe(0);
    await page.close();
  });
});
