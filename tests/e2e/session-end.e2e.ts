import { randomUUID } from "node:crypto";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { sseReader } from "@/server/realtime/sse-test-reader";
import { signInCookie, signOutCookie, type Send } from "@/tests/fixtures/auth-http";
import { getBaseUrl, launchBrowser, signIn } from "./helpers/browser";

const DEMO_PASSWORD = "Centrex-demo-1";
const PASSWORD = "Session-test-1";
const ENDS_WITHIN_MS = 5_000;

// Over real HTTP against `next start`: Auth.js's endpoints, the tRPC route and /api/events.
const send: Send = (path, init) => fetch(new URL(path, getBaseUrl()), { ...init, redirect: "manual" });
const me = (cookie: string) => fetch(new URL("/api/trpc/account.me", getBaseUrl()), { headers: { cookie } }).then((r) => r.status);
async function mutate<T>(path: string, cookie: string, input: unknown): Promise<T> {
  const res = await fetch(new URL(`/api/trpc/${path}`, getBaseUrl()), {
    method: "POST",
    headers: { cookie, "content-type": "application/json" },
    body: JSON.stringify({ json: input }),
  });
  if (!res.ok) throw new Error(`${path} answered ${res.status}: ${await res.text()}`);
  return ((await res.json()) as { result: { data: { json: T } } }).result.data.json;
}

const aborts: AbortController[] = [];
/** GET /api/events with `cookie`; resolves once the stream says it hears changes. */
async function openStream(cookie: string) {
  const abort = new AbortController();
  aborts.push(abort);
  const res = await fetch(new URL("/api/events", getBaseUrl()), { headers: { cookie }, signal: abort.signal });
  expect(res.status).toBe(200);
  const sse = sseReader(res.body!);
  for (let frame = await sse.next(5_000); frame?.event !== "ready"; frame = await sse.next(5_000)) expect(frame).not.toBeNull();
  return sse;
}

describe("[AUTH] sessions end at sign-out, suspension, password and role changes", () => {
  const tag = randomUUID().slice(0, 8);
  const email = (who: string) => `${who}-${tag}@session-end.example`;
  let partner: string;
  let tenantId: string;
  let admin: string;
  let browser: Browser;

  // A company of its own, so that suspending it leaves the demo data as the other flows need it.
  beforeAll(async () => {
    browser = await launchBrowser();
    partner = await signInCookie(send, "admin@demotelecom.example", DEMO_PASSWORD);
    const customer = await mutate<{ id: string }>("admin.customer.create", partner, {
      name: `Session End ${tag}`, adminName: "Sam Admin", adminEmail: email("admin"), adminPassword: PASSWORD,
    });
    tenantId = customer.id;
    admin = await signInCookie(send, email("admin"), PASSWORD);
    for (const who of ["browser", "promoted", "changer"]) {
      await mutate("user.create", admin, { name: `Sam ${who}`, email: email(who), role: "EXTENSION_USER", password: PASSWORD });
    }
  });
  afterAll(async () => {
    for (const abort of aborts) abort.abort();
    await browser?.close();
  });

  it("a signed-out cookie answers 401 on account.me while the same user's other session still works", async () => {
    const [signingOut, staying] = [await signInCookie(send, email("admin"), PASSWORD), await signInCookie(send, email("admin"), PASSWORD)];
    expect([await me(signingOut), await me(staying)]).toEqual([200, 200]);
    await signOutCookie(send, signingOut);
    // The web process hears the sign-out within milliseconds of its commit.
    await vi.waitFor(async () => expect(await me(signingOut)).toBe(401), { timeout: 2_000 });
    expect(await me(staying)).toBe(200);
  });

  it("the portal's sign-out button revokes the cookie it clears", async () => {
    const context = await browser.newContext({ baseURL: getBaseUrl() });
    const page = await context.newPage();
    await signIn(page, getBaseUrl(), email("browser"), PASSWORD);
    const session = (await context.cookies()).find((c) => c.name === "authjs.session-token")!;
    const copied = `${session.name}=${session.value}`;
    expect(await me(copied)).toBe(200);
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.waitForURL((url) => url.pathname === "/login");
    await vi.waitFor(async () => expect(await me(copied)).toBe(401), { timeout: 2_000 });
    await context.close();
  });

  it("an open event stream ends within 5 s of a role change", async () => {
    const cookie = await signInCookie(send, email("promoted"), PASSWORD);
    const sse = await openStream(cookie);
    await mutate("user.update", admin, { id: await userId(cookie), name: "Sam promoted", email: email("promoted"), role: "CUSTOMER_ADMIN" });
    expect(await sse.ended(ENDS_WITHIN_MS)).toBeLessThan(ENDS_WITHIN_MS);
  });

  it("an open event stream ends within 5 s of a password change", async () => {
    const cookie = await signInCookie(send, email("changer"), PASSWORD);
    const sse = await openStream(cookie);
    const newPassword = "Session-test-2";
    await mutate("account.changePassword", cookie, { currentPassword: PASSWORD, newPassword, confirmPassword: newPassword });
    expect(await sse.ended(ENDS_WITHIN_MS)).toBeLessThan(ENDS_WITHIN_MS);
    expect(await me(cookie)).toBe(401);
  });

  it("an open event stream ends within 5 s of sign-out, and the company's streams within 5 s of its suspension", async () => {
    const [signingOut, staying] = [await signInCookie(send, email("admin"), PASSWORD), await signInCookie(send, email("admin"), PASSWORD)];
    const [leaving, remaining] = [await openStream(signingOut), await openStream(staying)];
    await signOutCookie(send, signingOut);
    expect(await leaving.ended(ENDS_WITHIN_MS)).toBeLessThan(ENDS_WITHIN_MS);

    // And a person watching the live status page is taken to the sign-in page.
    const context = await browser.newContext({ baseURL: getBaseUrl() });
    const page = await context.newPage();
    await signIn(page, getBaseUrl(), email("admin"), PASSWORD);
    await page.goto(new URL("/extensions/summary", getBaseUrl()).toString());
    await page.locator('[data-stream-status="live"]').waitFor();

    await mutate("admin.customer.setStatus", partner, { id: tenantId, status: "SUSPENDED" });
    expect(await remaining.ended(ENDS_WITHIN_MS)).toBeLessThan(ENDS_WITHIN_MS);
    const reopened = await fetch(new URL("/api/events", getBaseUrl()), { headers: { cookie: staying } });
    expect(reopened.status).toBe(401);
    await page.waitForURL((url) => url.pathname === "/login", { timeout: ENDS_WITHIN_MS });
    await context.close();
  });
});

async function userId(cookie: string): Promise<string> {
  const res = await fetch(new URL("/api/trpc/account.me", getBaseUrl()), { headers: { cookie } });
  return ((await res.json()) as { result: { data: { json: { id: string } } } }).result.data.json.id;
}
