import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { inject } from "vitest";

/**
 * Debian's Chromium through playwright-core: `npx playwright install` cannot download here.
 * The flags keep it from phoning home (updates, sync, QUIC probes) and from needing a GPU or
 * a sandbox (CI runs as root in a container).
 */
export const launchBrowser = (): Promise<Browser> =>
  chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--disable-quic",
      "--no-first-run",
    ],
  });

/** Where the web server answers, as provided by tests/setup/e2e-global.ts. */
export const getBaseUrl = (): string => inject("baseUrl");

/**
 * Signs in through the real login form, as a person would, and resolves on the page the app
 * finally lands on. Throws with the form's error text when the app keeps us on /login, rather
 * than timing out somewhere later in the test.
 */
export async function signIn(page: Page, baseUrl: string, email: string, password: string): Promise<void> {
  await page.goto(new URL("/login", baseUrl).toString());
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  try {
    await page.waitForURL((url) => !url.pathname.startsWith("/login"), { timeout: 15_000 });
  } catch {
    const alert = await page.getByRole("alert").allInnerTexts().catch(() => []);
    throw new Error(`Sign-in as ${email} failed; still on ${page.url()}${alert.length ? `: ${alert.join(" ")}` : ""}`);
  }
  await waitForSettledUrl(page);
}

/**
 * Waits until the URL has stopped changing. After the sign-in action the app lands on "/"
 * and a layout may redirect again on the client (staff to /admin); these are same-document
 * navigations, so no load event marks the end. A quiet period does.
 */
export async function waitForSettledUrl(page: Page, quietMs = 750, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastUrl = page.url();
  let stableSince = Date.now();
  while (Date.now() < deadline) {
    await page.waitForTimeout(100);
    if (page.url() !== lastUrl) {
      lastUrl = page.url();
      stableSince = Date.now();
    } else if (Date.now() - stableSince >= quietMs) {
      return;
    }
  }
  throw new Error(`The URL kept changing for ${timeoutMs / 1000}s (last: ${lastUrl}).`);
}

/**
 * A browser context already signed in as `email`. Sign in once per file with this and open
 * pages from the context: the session cookie is reused instead of logging in per test.
 */
export async function signedInContext(browser: Browser, email: string, password: string): Promise<BrowserContext> {
  const context = await browser.newContext({ baseURL: getBaseUrl() });
  const page = await context.newPage();
  await signIn(page, getBaseUrl(), email, password);
  await page.close();
  return context;
}
