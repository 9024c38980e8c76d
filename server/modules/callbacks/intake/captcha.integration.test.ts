/**
 * The CAPTCHA check against a local siteverify server (real HTTP): a widget that requires it
 * takes a request only on a clear yes; a no, a missing token, an error, a timeout or a
 * malformed answer all refuse, and nothing is inserted.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { freshIp, freshLondonNumber, seedWidget, WIDGET_ORIGIN } from "@/tests/fixtures/seed-callbacks";
import { readBody } from "@/tests/fixtures/read-body";
import { verifyCaptcha } from "./captcha";

/** Token → what the server does: answer yes or no, fail, stall or talk nonsense. */
const BEHAVIOUR: Record<string, (res: import("node:http").ServerResponse) => void> = {
  "good-token": (res) => res.end(JSON.stringify({ success: true })),
  "bad-token": (res) => res.end(JSON.stringify({ success: false, "error-codes": ["invalid-input-response"] })),
  "server-error": (res) => res.writeHead(500).end("oops"),
  "not-json": (res) => res.end("<html>"),
  "truthy-string": (res) => res.end(JSON.stringify({ success: "true" })),
  stall: () => undefined,
};
const seen: URLSearchParams[] = [];
let server: Server;
let verifyUrl: string;
let submit: typeof import("./submit");

beforeAll(async () => {
  server = createServer(async (req, res) => {
    const form = new URLSearchParams((await readBody(req)).toString());
    seen.push(form);
    res.setHeader("content-type", "application/json");
    (BEHAVIOUR[form.get("response") ?? ""] ?? BEHAVIOUR["bad-token"]!)(res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  verifyUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/siteverify`;
  // The env module reads these once: set them before the intake is first imported.
  process.env.CAPTCHA_VERIFY_URL = verifyUrl;
  process.env.CAPTCHA_SECRET = "test-captcha-secret";
  submit = await import("./submit");
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});

describe("[CALLBACK_CAPTCHA] siteverify", () => {
  const settings = () => ({ verifyUrl, secret: "s3cret", timeoutMs: 300 });

  it("sends secret, token and the visitor's address, and believes only success: true", async () => {
    expect(await verifyCaptcha(settings(), "good-token", "198.51.100.7")).toEqual({ ok: true });
    expect(Object.fromEntries(seen.at(-1)!)).toEqual({ secret: "s3cret", response: "good-token", remoteip: "198.51.100.7" });
    expect(await verifyCaptcha(settings(), "truthy-string", "198.51.100.7")).toMatchObject({ ok: false, isUnavailable: false });
    expect(await verifyCaptcha(settings(), "bad-token", "198.51.100.7")).toMatchObject({ ok: false, isUnavailable: false });
  });

  it("refuses without asking when there is no token", async () => {
    const before = seen.length;
    expect(await verifyCaptcha(settings(), null, "198.51.100.7")).toMatchObject({ ok: false, isUnavailable: false });
    expect(await verifyCaptcha(settings(), "x".repeat(5000), "198.51.100.7")).toMatchObject({ ok: false, isUnavailable: false });
    expect(seen.length).toBe(before);
  });

  it.each(["server-error", "not-json", "stall"])("fails closed when the service answers %s", async (token) => {
    expect(await verifyCaptcha(settings(), token, "198.51.100.7")).toMatchObject({ ok: false, isUnavailable: true });
  });
});

describe("[CALLBACK_CAPTCHA] widgets that require it", () => {
  it("take a request only with a token the service accepts", async () => {
    // Rows made directly: the tRPC fixtures would load the env module before beforeAll set it.
    const partner = await db.partner.create({ data: { name: "Captcha partner" } });
    const tenant = await db.tenant.create({ data: { partnerId: partner.id, name: "Captcha company", isPrepaid: false } });
    const group = await db.huntGroup.create({ data: { tenantId: tenant.id, number: "600", name: "Sales" } });
    const widget = await seedWidget(tenant.id, { destination: { kind: "huntGroup", huntGroupId: group.id }, requireCaptcha: true });
    const ask = (captchaToken: string | null) =>
      submit.submitWidgetCallback({ widgetId: widget.id, origin: WIDGET_ORIGIN, visitorNumber: freshLondonNumber(), honeypot: "", captchaToken, clientIp: freshIp() });
    expect(await ask(null)).toMatchObject({ ok: false, refusal: { code: "CAPTCHA_FAILED", httpStatus: 403 } });
    expect(await ask("bad-token")).toMatchObject({ ok: false, refusal: { code: "CAPTCHA_FAILED" } });
    expect(await ask("server-error")).toMatchObject({ ok: false, refusal: { code: "CHECK_UNAVAILABLE", httpStatus: 503 } });
    expect(await db.callbackRequest.count({ where: { widgetId: widget.id } })).toBe(0);
    expect(await ask("good-token")).toMatchObject({ ok: true });
    expect(seen.at(-1)!.get("secret")).toBe("test-captcha-secret");
    expect((await db.callbackRefusal.findMany({ where: { widgetId: widget.id } })).map((r) => r.reason).sort()).toEqual(["CAPTCHA_FAILED", "CAPTCHA_FAILED", "CHECK_UNAVAILABLE"]);
  });
});
