import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getBaseUrl, launchBrowser, signIn } from "./helpers/browser";

const PASSWORD = "Centrex-demo-1";

describe("[AUTH] sign-in lands each role in its own area", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  async function landing(email: string) {
    const context = await browser.newContext({ baseURL: getBaseUrl() });
    const page = await context.newPage();
    await signIn(page, getBaseUrl(), email, PASSWORD);
    return { page, context };
  }

  it.each([
    ["platform admin", "platform@centrex.example", "/admin", "Demo Telecom"],
    ["partner admin", "admin@demotelecom.example", "/admin", "Acme Ltd"],
    ["customer admin", "alice@acme.example", "/", "Acme Ltd"],
    ["extension user", "bob@acme.example", "/", "Acme Ltd"],
  ])("%s (%s) lands on %s", async (_role, email, path, text) => {
    const { page, context } = await landing(email);
    expect(new URL(page.url()).pathname).toBe(path);
    await page.getByText(text).first().waitFor();
    await context.close();
  });

  it("serves a favicon, which every browser asks for", async () => {
    const res = await fetch(new URL("/favicon.ico", getBaseUrl()));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/image\/(x-icon|vnd\.microsoft\.icon)/);
    // An ICO header: reserved 0, type 1 (icon), at least one image.
    const head = new Uint8Array(await res.arrayBuffer()).slice(0, 6);
    expect([...head.slice(0, 4)]).toEqual([0, 0, 1, 0]);
    expect(head[4]).toBeGreaterThan(0);
  });

  it("shows admins' modules to customer admins only", async () => {
    const admin = await landing("alice@acme.example");
    await admin.page.getByRole("link", { name: "Users" }).first().waitFor();
    await admin.context.close();

    const user = await landing("carol@acme.example");
    await user.page.getByRole("link", { name: "My account" }).first().waitFor();
    expect(await user.page.getByRole("link", { name: "Users" }).count()).toBe(0);
    await user.page.goto(new URL("/users", getBaseUrl()).toString());
    await user.page.getByText(/don.t have access/i).first().waitFor();
    await user.context.close();
  });

  it("refuses the back office to a customer admin", async () => {
    const { page, context } = await landing("grace@globex.example");
    const response = await page.goto(new URL("/admin", getBaseUrl()).toString());
    expect(response?.status()).toBe(403);
    await page.getByRole("heading", { name: "Access refused" }).waitFor();
    expect(await page.getByText("Customers").count()).toBe(0);
    await context.close();
  });

  it("sends signed-out visitors to the login page", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(new URL("/users", getBaseUrl()).toString());
    await page.waitForURL((url) => url.pathname === "/login");
    expect(new URL(page.url()).searchParams.get("next")).toBe("/users");
    await context.close();
  });

  it("locks the account after 5 wrong passwords and says so plainly", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(new URL("/login", getBaseUrl()).toString());
    // Each attempt waits for the server action's answer, so the next one cannot race it.
    const attempt = async (password: string) => {
      await page.getByLabel("Email", { exact: true }).fill("ivy@globex.example");
      await page.getByLabel("Password", { exact: true }).fill(password);
      await Promise.all([
        page.waitForResponse((res) => res.request().method() === "POST" && new URL(res.url()).pathname === "/login"),
        page.getByRole("button", { name: "Sign in" }).click(),
      ]);
      await page.getByRole("button", { name: "Sign in" }).and(page.locator(":enabled")).waitFor();
      return (await page.getByRole("alert").filter({ hasText: /\w/ }).first().innerText()).trim();
    };
    for (let i = 1; i <= 4; i++) expect(await attempt(`wrong-${i}`)).toBe("Wrong email or password.");
    expect(await attempt("wrong-5")).toMatch(/locked for 15 more minutes/);
    // Even the right password is refused during the lock.
    expect(await attempt(PASSWORD)).toMatch(/locked for 1[45] more minutes/);
    expect(new URL(page.url()).pathname).toBe("/login");
    await context.close();
  });
});
