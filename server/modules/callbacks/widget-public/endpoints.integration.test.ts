/**
 * The public widget endpoints over real HTTP, through the route modules themselves and the real
 * intake on a real database: CORS for allowed and other origins (preflights too), body limits,
 * the status token, and that a refused request never becomes a CallbackRequest.
 */
import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as configRoute from "@/app/api/widget/v1/widgets/[widgetId]/route";
import * as callbacksRoute from "@/app/api/widget/v1/widgets/[widgetId]/callbacks/route";
import * as statusRoute from "@/app/api/widget/v1/callbacks/[requestId]/route";
import { db } from "@/server/db";
import { serveRoutes } from "@/tests/fixtures/route-server";
import { seedPartner, seedTenant } from "@/tests/fixtures/seed-tenant";

const SITE = "http://shop.acme.example:8080";
const OTHER = "https://evil.example";
const UK_NUMBER = (n: number) => `+44 20 7946 0${String(n).padStart(3, "0")}`;

let app: { url: string; close: () => Promise<void> };
let widgetId: string;
let disabledId: string;
let ipCounter = 0;
/** Each test speaks from its own address, so the per-IP limit only bites where it is the subject. */
const freshIp = () => `198.51.100.${++ipCounter}`;

beforeAll(async () => {
  app = await serveRoutes([
    ["/api/widget/v1/widgets/:widgetId", configRoute],
    ["/api/widget/v1/widgets/:widgetId/callbacks", callbacksRoute],
    ["/api/widget/v1/callbacks/:requestId", statusRoute],
  ]);
  const { partner } = await seedPartner();
  const { tenant } = await seedTenant({ partnerId: partner.id });
  await db.tenant.update({ where: { id: tenant.id }, data: { callbackMaxConcurrent: 100 } });
  const group = await db.huntGroup.create({ data: { tenantId: tenant.id, number: "600", name: "Sales" } });
  const widget = (name: string, isEnabled = true) =>
    db.callbackWidget.create({
      data: {
        tenantId: tenant.id, name, isEnabled, destination: { kind: "huntGroup", huntGroupId: group.id }, allowedOrigins: [SITE],
        title: "Talk to sales", introText: "Leave your number.", buttonLabel: "Call me now", closedText: "Closed.", successText: "We are calling you.",
        accentColor: "#fde047", accentTextColor: "#ffffff",
      },
    });
  widgetId = (await widget("Shop")).id;
  disabledId = (await widget("Old", false)).id;
});
afterAll(() => app?.close());

const send = (path: string, init: RequestInit & { origin?: string | null; ip?: string } = {}) => {
  const { origin = SITE, ip = freshIp(), headers, ...rest } = init;
  return fetch(`${app.url}/api/widget/v1${path}`, {
    ...rest,
    headers: { ...(origin ? { origin } : {}), "x-forwarded-for": ip, ...(headers as Record<string, string>) },
  });
};
const submit = (body: unknown, init: { origin?: string | null; ip?: string; contentType?: string } = {}) =>
  send(`/widgets/${widgetId}/callbacks`, {
    method: "POST",
    origin: init.origin,
    ip: init.ip,
    headers: { "content-type": init.contentType ?? "application/json" },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
const requestCount = () => db.callbackRequest.count({ where: { widgetId } });
const errorOf = async (res: Response) => ((await res.json()) as { error: { code: string; message: string } }).error;

describe("[CALLBACKS] widget config", () => {
  it("answers an allowed origin with the public config, CORS for that origin and a short cache", async () => {
    const res = await send(`/widgets/${widgetId}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("access-control-allow-origin")).toBe(SITE);
    expect(res.headers.get("vary")).toBe("Origin");
    expect(res.headers.get("cache-control")).toBe("public, max-age=60");
    const config = await res.json();
    expect(config).toMatchObject({ id: widgetId, title: "Talk to sales", buttonLabel: "Call me now", isOpen: true, acceptsRequests: true, requireCaptcha: false });
    // The configured white on yellow is unreadable: the page gets black.
    expect(config).toMatchObject({ accentColor: "#fde047", accentTextColor: "#000000" });
    expect(Object.keys(config)).not.toEqual(expect.arrayContaining(["destination"]));
    expect(JSON.stringify(config)).not.toMatch(/huntGroup|tenant|allowedOrigins/);
  });

  it("refuses another origin, no origin, an unknown and a switched-off widget, without CORS", async () => {
    for (const [path, origin, status, code] of [
      [`/widgets/${widgetId}`, OTHER, 403, "ORIGIN_NOT_ALLOWED"],
      [`/widgets/${widgetId}`, null, 403, "ORIGIN_NOT_ALLOWED"],
      [`/widgets/${disabledId}`, SITE, 404, "WIDGET_NOT_FOUND"],
      ["/widgets/cnosuchwidget000000000000", SITE, 404, "WIDGET_NOT_FOUND"],
      ["/widgets/not-an-id", SITE, 404, "WIDGET_NOT_FOUND"],
    ] as const) {
      const res = await send(path, { origin });
      expect([path, origin, res.status]).toEqual([path, origin, status]);
      expect(res.headers.get("access-control-allow-origin")).toBeNull();
      expect(res.headers.get("cache-control")).toBe("no-store");
      expect((await errorOf(res)).code).toBe(code);
    }
  });

  it("records a page of another origin asking for the config, so the admins see where the snippet is", async () => {
    const ip = freshIp();
    expect((await send(`/widgets/${widgetId}`, { origin: "https://copycat.example", ip })).status).toBe(403);
    const row = await db.callbackRefusal.findFirst({ where: { widgetId, origin: "https://copycat.example" } });
    expect(row).toMatchObject({ reason: "ORIGIN_NOT_ALLOWED", source: "WIDGET", clientIp: ip, count: 1 });
    expect((await send(`/widgets/${widgetId}`, { origin: "https://copycat.example", ip })).status).toBe(403);
    expect(await db.callbackRefusal.findUniqueOrThrow({ where: { id: row!.id } })).toMatchObject({ count: 2 });
  });
});

describe("[CALLBACKS] widget preflights", () => {
  it("lets an allowed origin post JSON and read the status with a bearer token", async () => {
    const post = await send(`/widgets/${widgetId}/callbacks`, { method: "OPTIONS", headers: { "access-control-request-method": "POST", "access-control-request-headers": "content-type" } });
    expect(post.status).toBe(204);
    expect(post.headers.get("access-control-allow-origin")).toBe(SITE);
    expect(post.headers.get("access-control-allow-methods")).toBe("POST, OPTIONS");
    expect(post.headers.get("access-control-allow-headers")).toBe("Content-Type");
    expect(post.headers.get("vary")).toBe("Origin");
  });

  it("answers another origin's preflight with 403 and no CORS, so the browser never sends the request", async () => {
    for (const path of [`/widgets/${widgetId}/callbacks`, `/widgets/${widgetId}`, `/widgets/${disabledId}/callbacks`]) {
      const res = await send(path, { method: "OPTIONS", origin: OTHER });
      expect(res.status).toBe(403);
      expect(res.headers.get("access-control-allow-origin")).toBeNull();
    }
  });
});

describe("[CALLBACKS] a visitor's callback request", () => {
  it("is accepted from an allowed origin: 201 with the status and a token stored only as its hash", async () => {
    const ip = freshIp();
    const res = await submit({ number: UK_NUMBER(1), website: "", unknownField: 1 }, { ip });
    expect(res.status).toBe(201);
    expect(res.headers.get("access-control-allow-origin")).toBe(SITE);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const body = (await res.json()) as { id: string; statusToken: string; status: { state: string; message: string } };
    expect(body.status).toMatchObject({ id: body.id, source: "WIDGET", state: "QUEUED", message: expect.any(String) });
    const row = await db.callbackRequest.findUniqueOrThrow({ where: { id: body.id } });
    expect(row).toMatchObject({ widgetId, source: "WIDGET", visitorNumber: "+442079460001", clientIp: ip, statusTokenHash: createHash("sha256").update(body.statusToken).digest("hex") });
    expect(JSON.stringify(row)).not.toContain(body.statusToken);
  });

  it("from another origin gets 403 ORIGIN_NOT_ALLOWED, no CORS, is recorded, and inserts nothing", async () => {
    const before = await requestCount();
    const res = await submit({ number: UK_NUMBER(2), website: "" }, { origin: OTHER });
    expect(res.status).toBe(403);
    expect(res.headers.get("access-control-allow-origin")).toBeNull();
    expect((await errorOf(res)).code).toBe("ORIGIN_NOT_ALLOWED");
    expect(await requestCount()).toBe(before);
    expect(await db.callbackRefusal.findFirst({ where: { widgetId, reason: "ORIGIN_NOT_ALLOWED", origin: OTHER } })).not.toBeNull();
  });

  it("refuses bodies that are too large, not JSON or of the wrong shape with stable codes, and inserts nothing", async () => {
    const before = await requestCount();
    const cases: Array<[unknown, string | undefined, number, string]> = [
      [{ number: UK_NUMBER(3), website: "x".repeat(5000) }, undefined, 413, "BODY_TOO_LARGE"],
      ["{not json", undefined, 400, "INVALID_JSON"],
      ["[1,2]", undefined, 400, "INVALID_JSON"],
      [`number=${UK_NUMBER(3)}&website=`, "application/x-www-form-urlencoded", 415, "UNSUPPORTED_MEDIA_TYPE"],
      [JSON.stringify({ number: UK_NUMBER(3), website: "" }), "text/plain", 415, "UNSUPPORTED_MEDIA_TYPE"],
      [{ number: 442079460003, website: "" }, undefined, 400, "INVALID_REQUEST"],
      [{ number: UK_NUMBER(3) }, undefined, 400, "INVALID_REQUEST"],
      [{ number: UK_NUMBER(3), website: "", captchaToken: ["a"] }, undefined, 400, "INVALID_REQUEST"],
    ];
    for (const [body, contentType, status, code] of cases) {
      const res = await submit(body, { contentType });
      expect([code, res.status]).toEqual([code, status]);
      expect(res.headers.get("access-control-allow-origin")).toBe(SITE); // the page can show why
      expect((await errorOf(res)).code).toBe(code);
    }
    expect(await requestCount()).toBe(before);
  });

  it("refuses a premium-rate number (422) and a filled-in honeypot (422), inserting nothing", async () => {
    const before = await requestCount();
    const premium = await submit({ number: "+44 909 879 0000", website: "" });
    expect(premium.status).toBe(422);
    expect((await errorOf(premium)).code).toBe("HIGH_RISK_NUMBER");
    const bot = await submit({ number: UK_NUMBER(4), website: "https://spam.example" });
    expect(bot.status).toBe(422);
    expect((await errorOf(bot)).code).toBe("SPAM_SUSPECTED");
    expect(await requestCount()).toBe(before);
  });

  it("answers the 6th request in a minute from one IP with 429 and a Retry-After the page may read", async () => {
    const ip = freshIp();
    for (let i = 0; i < 5; i++) expect((await submit({ number: UK_NUMBER(10 + i), website: "" }, { ip })).status).toBe(201);
    const before = await requestCount();
    const sixth = await submit({ number: UK_NUMBER(20), website: "" }, { ip });
    expect(sixth.status).toBe(429);
    expect((await errorOf(sixth)).code).toBe("RATE_LIMITED");
    expect(Number(sixth.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(sixth.headers.get("access-control-allow-origin")).toBe(SITE);
    expect(sixth.headers.get("access-control-expose-headers")).toBe("Retry-After");
    expect(await requestCount()).toBe(before);
  });
});

describe("[CALLBACKS] a visitor's callback status", () => {
  async function accepted(n: number) {
    const res = await submit({ number: UK_NUMBER(n), website: "" });
    expect(res.status).toBe(201);
    return (await res.json()) as { id: string; statusToken: string };
  }
  const status = (id: string, token: string | null, origin: string | null = SITE) =>
    send(`/callbacks/${id}`, { origin, headers: token === null ? {} : { authorization: `Bearer ${token}` } });

  it("shows the status to the token's holder on an allowed origin, uncached", async () => {
    const { id, statusToken } = await accepted(30);
    const res = await status(id, statusToken);
    expect(res.status).toBe(200);
    expect(res.headers.get("access-control-allow-origin")).toBe(SITE);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(await res.json()).toMatchObject({ id, source: "WIDGET", state: "QUEUED", failureReason: null });

    await db.callbackRequest.update({ where: { id }, data: { state: "CONNECTED", firstAnsweredAt: new Date(), connectedAt: new Date() } });
    expect(await (await status(id, statusToken)).json()).toMatchObject({ state: "CONNECTED", message: "Connected." });
  });

  it("answers the same 404 for a wrong, missing or another request's token and for an unknown id", async () => {
    const [a, b] = [await accepted(31), await accepted(32)];
    const answers = [
      await status(a.id, `${a.statusToken.slice(0, -2)}xx`),
      await status(a.id, null),
      await status(a.id, b.statusToken),
      await status("cnosuchrequest0000000000", a.statusToken),
      await send(`/callbacks/${a.id}`, { headers: { authorization: `Basic ${a.statusToken}` } }),
    ];
    for (const res of answers) {
      expect(res.status).toBe(404);
      expect(res.headers.get("access-control-allow-origin")).toBeNull();
      expect(await errorOf(res)).toEqual({ code: "CALLBACK_NOT_FOUND", message: "No such callback request." });
    }
  });

  it("refuses the right token from another origin (403) and answers preflights by the widget's origins", async () => {
    const { id, statusToken } = await accepted(33);
    const res = await status(id, statusToken, OTHER);
    expect(res.status).toBe(403);
    expect(res.headers.get("access-control-allow-origin")).toBeNull();
    const allowed = await send(`/callbacks/${id}`, { method: "OPTIONS", headers: { "access-control-request-headers": "authorization" } });
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get("access-control-allow-headers")).toBe("Authorization");
    expect(allowed.headers.get("access-control-allow-origin")).toBe(SITE);
    expect((await send(`/callbacks/${id}`, { method: "OPTIONS", origin: OTHER })).status).toBe(403);
  });
});
