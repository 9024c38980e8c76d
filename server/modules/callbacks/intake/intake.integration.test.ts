/**
 * The callback intake against the real database: every toll-fraud check refuses before a
 * request exists (no row, so nothing for a worker to originate), refusals are recorded for the
 * admins, and the caps hold under concurrent requests.
 */
import { createHash } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { heardDuring } from "@/tests/fixtures/notifications";
import { seedLineExtension } from "@/tests/fixtures/seed-media";
import { seedPartner, seedTenant, seedUser } from "@/tests/fixtures/seed-tenant";
import { freshIp, freshLondonNumber, seedWidget, WIDGET_ORIGIN } from "@/tests/fixtures/seed-callbacks";
import { CALLBACK_QUEUED } from "../contract";
import { submitClickToCall, submitWidgetCallback, submitWidgetTest } from "./submit";

type World = Awaited<ReturnType<typeof seedTenant>>;
let world: World;
let huntGroupId: string;
let line: Awaited<ReturnType<typeof seedLineExtension>>;

beforeAll(async () => {
  const { partner } = await seedPartner();
  world = await seedTenant({ partnerId: partner.id });
  await db.tenant.update({ where: { id: world.tenant.id }, data: { callbackMaxConcurrent: 1000 } });
  huntGroupId = (await db.huntGroup.create({ data: { tenantId: world.tenant.id, number: "600", name: "Sales" } })).id;
  line = await seedLineExtension(world.tenant.id, "201", world.users[0]!.id);
  await seedLineExtension(world.tenant.id, "202");
});

const widgetTo = (extra: Parameters<typeof seedWidget>[1] extends infer T ? Partial<T> : never = {}) =>
  seedWidget(world.tenant.id, { destination: { kind: "huntGroup", huntGroupId }, ...extra });
const visitor = (widgetId: string, over: Partial<Parameters<typeof submitWidgetCallback>[0]> = {}) =>
  submitWidgetCallback({ widgetId, origin: WIDGET_ORIGIN, visitorNumber: freshLondonNumber(), honeypot: "", captchaToken: null, clientIp: freshIp(), ...over });
const requestsOf = (widgetId: string) => db.callbackRequest.count({ where: { widgetId } });
const refusalsOf = (widgetId: string) => db.callbackRefusal.findMany({ where: { widgetId } });

describe("[CALLBACK_INTAKE] widget requests", () => {
  it("takes a request from an allowed origin: E.164 number, hashed status token, workers woken", async () => {
    const widget = await widgetTo();
    let result: Awaited<ReturnType<typeof submitWidgetCallback>> | undefined;
    const heard = await heardDuring(CALLBACK_QUEUED, async () => {
      result = await visitor(widget.id, { visitorNumber: "020 7946 0101" });
    });
    expect(heard.length).toBeGreaterThan(0);
    if (!result?.ok) throw new Error(`refused: ${JSON.stringify(result)}`);
    expect(result.request).toMatchObject({ state: "QUEUED", source: "WIDGET", visitorNumber: "+442079460101", order: "VISITOR_FIRST", destination: { kind: "huntGroup", huntGroupId } });
    expect(result.request.statusTokenHash).toBe(createHash("sha256").update(result.statusToken!).digest("hex"));
  });

  it.each([
    ["another site", { origin: "https://evil.example" }, "ORIGIN_NOT_ALLOWED", 403],
    ["no Origin header", { origin: null }, "ORIGIN_NOT_ALLOWED", 403],
    ["an origin with a path", { origin: `${WIDGET_ORIGIN}/page` }, "ORIGIN_NOT_ALLOWED", 403],
    ["a filled honeypot", { honeypot: "http://spam.example" }, "SPAM_SUSPECTED", 422],
    ["a premium-rate number", { visitorNumber: "09098 790000" }, "HIGH_RISK_NUMBER", 422],
    ["a satellite number", { visitorNumber: "+881612345678" }, "HIGH_RISK_NUMBER", 422],
    ["a number abroad", { visitorNumber: "+1 202 555 0123" }, "COUNTRY_NOT_ALLOWED", 422],
    ["an emergency number", { visitorNumber: "999" }, "INVALID_NUMBER", 422],
    ["a 16-digit number", { visitorNumber: "+4920100000000000" }, "INVALID_NUMBER", 422],
    ["unicode digits", { visitorNumber: "０２０７９４６０１０２" }, "INVALID_NUMBER", 422],
  ])("refuses %s, records it, and inserts nothing", async (_label, over, code, status) => {
    const widget = await widgetTo();
    const result = await visitor(widget.id, over);
    expect(result).toMatchObject({ ok: false, refusal: { code, httpStatus: status } });
    expect(await requestsOf(widget.id)).toBe(0);
    expect((await refusalsOf(widget.id)).map((r) => r.reason)).toEqual([code]);
  });

  it("answers an unknown or switched-off widget the same way, without recording anything", async () => {
    const off = await widgetTo({ isEnabled: false });
    for (const widgetId of [off.id, "nosuchwidgetid000000000", "../../etc/passwd"]) {
      expect(await visitor(widgetId)).toMatchObject({ ok: false, refusal: { code: "WIDGET_NOT_FOUND", httpStatus: 404 } });
    }
    expect(await refusalsOf(off.id)).toEqual([]);
  });

  it("refuses the 6th request in a minute from one IP with a Retry-After, then counts a flood as one row", async () => {
    const widget = await widgetTo();
    const clientIp = freshIp();
    const now = new Date();
    const results = [];
    for (let i = 0; i < 8; i++) results.push(await visitor(widget.id, { clientIp }));
    expect(results.slice(0, 5).every((r) => r.ok)).toBe(true);
    for (const refused of results.slice(5)) {
      expect(refused).toMatchObject({ ok: false, refusal: { code: "RATE_LIMITED", httpStatus: 429 } });
      const wait = refused.ok ? 0 : refused.refusal.retryAfterSec!;
      expect(wait).toBeGreaterThan(0);
      expect(wait).toBeLessThanOrEqual(120);
    }
    expect(await requestsOf(widget.id)).toBe(5);
    // Each refused request had its own number, so one row each; the same request again adds to a count.
    const number = freshLondonNumber();
    await visitor(widget.id, { clientIp, visitorNumber: number });
    await visitor(widget.id, { clientIp, visitorNumber: number });
    const rows = (await refusalsOf(widget.id)).filter((r) => r.destination === number);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ reason: "RATE_LIMITED", count: 2, clientIp });
    expect(rows[0]!.minute.getTime()).toBeLessThanOrEqual(now.getTime() + 60_000);
  });

  it("limits requests to one number from many IPs", async () => {
    const widget = await widgetTo();
    const number = freshLondonNumber();
    const results = [];
    for (let i = 0; i < 4; i++) results.push(await visitor(widget.id, { visitorNumber: number }));
    expect(results.map((r) => r.ok)).toEqual([true, true, true, false]);
    expect(results[3]).toMatchObject({ refusal: { code: "RATE_LIMITED" } });
    expect((results[3] as { refusal: { message: string } }).refusal.message).toContain("to that number");
  });

  it("holds the company's concurrency cap when requests arrive at once", async () => {
    const { partner } = await seedPartner();
    const small = await seedTenant({ partnerId: partner.id, extensionUsers: 0 });
    await db.tenant.update({ where: { id: small.tenant.id }, data: { callbackMaxConcurrent: 3 } });
    const group = await db.huntGroup.create({ data: { tenantId: small.tenant.id, number: "600", name: "Sales" } });
    const widget = await seedWidget(small.tenant.id, { destination: { kind: "huntGroup", huntGroupId: group.id } });
    const results = await Promise.all(Array.from({ length: 12 }, () => visitor(widget.id)));
    expect(results.filter((r) => r.ok)).toHaveLength(3);
    expect(results.filter((r) => !r.ok && r.refusal.code === "CONCURRENCY_LIMIT")).toHaveLength(9);
    expect(await requestsOf(widget.id)).toBe(3);
  });

  it("counts a request due within a minute against the cap, whoever stamped it, and bounds scheduled ones at 50", async () => {
    const { partner } = await seedPartner();
    const small = await seedTenant({ partnerId: partner.id, extensionUsers: 0 });
    await db.tenant.update({ where: { id: small.tenant.id }, data: { callbackMaxConcurrent: 1 } });
    const insert = (notBefore?: Date) => db.callbackRequest.create({ data: { tenantId: small.tenant.id, source: "API", dialled: "201", notBefore } });
    await insert();
    // An app server whose clock runs 20 s ahead of the database's.
    await expect(insert(new Date(Date.now() + 20_000))).rejects.toThrow(/CALLBACK_CONCURRENCY_CAP/);
    const opening = new Date(Date.now() + 3_600_000);
    for (let i = 0; i < 50; i++) await insert(opening);
    await expect(insert(opening)).rejects.toThrow(/CALLBACK_SCHEDULED_CAP/);
    expect(await db.callbackRequest.count({ where: { tenantId: small.tenant.id } })).toBe(51);
  });

  it("follows opening hours: closed, next opening, or the other destination", async () => {
    const nightOnly = { weekdays: [], timeRanges: [{ start: "03:00", end: "03:01" }], dateRanges: [], holidays: "any" };
    const at = new Date("2026-12-04T12:00:00Z");
    const closed = await widgetTo({ openHours: nightOnly });
    expect(await submitWidgetCallback({ widgetId: closed.id, origin: WIDGET_ORIGIN, visitorNumber: freshLondonNumber(), honeypot: "", captchaToken: null, clientIp: freshIp() }, at))
      .toMatchObject({ ok: false, refusal: { code: "CLOSED", message: closed.closedText } });
    const later = await widgetTo({ openHours: nightOnly, outsideHours: "NEXT_OPENING" });
    const scheduled = await submitWidgetCallback({ widgetId: later.id, origin: WIDGET_ORIGIN, visitorNumber: freshLondonNumber(), honeypot: "", captchaToken: null, clientIp: freshIp() }, at);
    expect(scheduled).toMatchObject({ ok: true, request: { notBefore: new Date("2026-12-05T03:00:00Z") } });
    const other = await widgetTo({ openHours: nightOnly, outsideHours: "ALTERNATE_DESTINATION", outsideDestination: { kind: "extension", extensionId: line.id } });
    const rerouted = await submitWidgetCallback({ widgetId: other.id, origin: WIDGET_ORIGIN, visitorNumber: freshLondonNumber(), honeypot: "", captchaToken: null, clientIp: freshIp() }, at);
    expect(rerouted).toMatchObject({ ok: true, request: { destination: { kind: "extension", extensionId: line.id } } });
  });

  it("stops at the daily spend limit, counting only callback legs", async () => {
    const { partner } = await seedPartner();
    const thrifty = await seedTenant({ partnerId: partner.id, extensionUsers: 0 });
    await db.tenant.update({ where: { id: thrifty.tenant.id }, data: { callbackDailySpendLimit: "1.00" } });
    const group = await db.huntGroup.create({ data: { tenantId: thrifty.tenant.id, number: "600", name: "Sales" } });
    const widget = await seedWidget(thrifty.tenant.id, { destination: { kind: "huntGroup", huntGroupId: group.id } });
    const first = await visitor(widget.id);
    if (!first.ok) throw new Error("first request refused");
    const cdr = (cost: string, callbackRequestId: string | null) => ({
      tenantId: thrifty.tenant.id, channelId: `c-${Math.random()}`, direction: "OUTBOUND" as const, callerNumber: "+442079460000", calledNumber: "+442079460001",
      startedAt: new Date(), endedAt: new Date(), disposition: "ANSWERED" as const, cost, currency: "GBP", callbackRequestId,
    });
    await db.callRecord.create({ data: cdr("5.00", null) });
    expect((await visitor(widget.id)).ok).toBe(true);
    await db.callRecord.create({ data: cdr("1.00", first.request.id) });
    expect(await visitor(widget.id)).toMatchObject({ ok: false, refusal: { code: "DAILY_SPEND_LIMIT", httpStatus: 429 } });
  });

  it("fails closed when the rate-limit counters cannot be written", async () => {
    const widget = await widgetTo();
    await db.$executeRawUnsafe(`ALTER TABLE "RateLimitCounter" RENAME TO "RateLimitCounterAway"`);
    try {
      expect(await visitor(widget.id)).toMatchObject({ ok: false, refusal: { code: "CHECK_UNAVAILABLE", httpStatus: 503 } });
    } finally {
      await db.$executeRawUnsafe(`ALTER TABLE "RateLimitCounterAway" RENAME TO "RateLimitCounter"`);
    }
    expect(await requestsOf(widget.id)).toBe(0);
    expect((await visitor(widget.id)).ok).toBe(true);
  });
});

describe("[CALLBACK_INTAKE] click-to-call", () => {
  const click = (over: Partial<Parameters<typeof submitClickToCall>[0]> = {}) =>
    submitClickToCall({ source: "PORTAL", tenantId: world.tenant.id, line: { sipAccountId: line.sipAccountId! }, dialled: freshLondonNumber(), requestedByUserId: world.users[0]!.id, clientIp: freshIp(), ...over });

  it("takes an extension number as dialled and an outside number as E.164", async () => {
    expect(await click({ dialled: "202" })).toMatchObject({ ok: true, request: { dialled: "202", sipAccountId: line.sipAccountId, source: "PORTAL" } });
    expect(await click({ dialled: "020 7946 0200" })).toMatchObject({ ok: true, request: { dialled: "+442079460200" } });
  });

  it("refuses the account's own extension, premium numbers and accounts without a line", async () => {
    expect(await click({ dialled: "201" })).toMatchObject({ ok: false, refusal: { code: "INVALID_NUMBER" } });
    expect(await click({ dialled: "0909 879 0000" })).toMatchObject({ ok: false, refusal: { code: "HIGH_RISK_NUMBER" } });
    const fax = await db.sipAccount.create({ data: { tenantId: world.tenant.id, type: "FAX", username: `fax-${Date.now()}`, authMd5: "0".repeat(32) } });
    expect(await click({ line: { sipAccountId: fax.id } })).toMatchObject({ ok: false, refusal: { code: "INVALID_NUMBER" } });
  });

  it("refuses outside calls of a prepaid company without credit but still connects internal ones", async () => {
    const { partner } = await seedPartner();
    const broke = await seedTenant({ partnerId: partner.id, isPrepaid: true, extensionUsers: 0 });
    const own = await seedLineExtension(broke.tenant.id, "301");
    await seedLineExtension(broke.tenant.id, "302");
    const base = { source: "PORTAL" as const, tenantId: broke.tenant.id, line: { sipAccountId: own.sipAccountId! }, clientIp: freshIp(), requestedByUserId: broke.admin.id };
    expect(await submitClickToCall({ ...base, dialled: freshLondonNumber() })).toMatchObject({ ok: false, refusal: { code: "OUT_OF_CREDIT", httpStatus: 402 } });
    expect((await submitClickToCall({ ...base, dialled: "302" })).ok).toBe(true);
    await db.tenant.update({ where: { id: broke.tenant.id }, data: { status: "SUSPENDED" } });
    expect(await submitClickToCall({ ...base, dialled: "302" })).toMatchObject({ ok: false, refusal: { code: "ACCOUNT_SUSPENDED" } });
  });

  it("creates one request for concurrent API calls with one Idempotency-Key", async () => {
    const key = await db.apiKey.create({ data: { tenantId: world.tenant.id, name: "softphone", prefix: `cbk_${Date.now()}`, secretHash: `h${Date.now()}` } });
    const dialled = freshLondonNumber();
    const results = await Promise.all(
      Array.from({ length: 5 }, () => click({ source: "API", apiKeyId: key.id, requestedByUserId: null, dialled, idempotency: { key: "order-42", fingerprint: "f1" } })),
    );
    expect(results.every((r) => r.ok)).toBe(true);
    const ids = new Set(results.map((r) => (r.ok ? r.request.id : "")));
    expect(ids.size).toBe(1);
    expect(results.filter((r) => r.ok && !r.isReplay)).toHaveLength(1);
    expect(await db.callbackRequest.count({ where: { apiKeyId: key.id } })).toBe(1);
    // A later retry is a replay too (the API layer compares the fingerprint).
    expect(await click({ source: "API", apiKeyId: key.id, dialled, idempotency: { key: "order-42", fingerprint: "other" } })).toMatchObject({ ok: true, isReplay: true, request: { requestFingerprint: "f1" } });
  });

  it("limits an API key to its own rate", async () => {
    const key = await db.apiKey.create({ data: { tenantId: world.tenant.id, name: "slow", prefix: `cbk_s${Date.now()}`, secretHash: `s${Date.now()}`, rateLimitPerMinute: 2 } });
    const results = [];
    for (let i = 0; i < 3; i++) results.push(await click({ source: "API", apiKeyId: key.id, apiKeyRateLimitPerMinute: 2 }));
    expect(results.map((r) => r.ok)).toEqual([true, true, false]);
    expect(results[2]).toMatchObject({ refusal: { code: "RATE_LIMITED", httpStatus: 429 } });
  });
});

describe("[CALLBACK_INTAKE] the widget's test call", () => {
  it("rings the admin's own extension, and says so when there is none", async () => {
    const widget = await widgetTo({ openHours: { weekdays: [], timeRanges: [{ start: "03:00", end: "03:01" }], dateRanges: [], holidays: "any" } });
    const owner = world.users[0]!;
    expect(await submitWidgetTest({ tenantId: world.tenant.id, widgetId: widget.id, userId: owner.id, clientIp: freshIp() }))
      .toMatchObject({ ok: true, request: { visitorNumber: "201", requestedByUserId: owner.id, source: "WIDGET" } });
    const nobody = await seedUser({ role: "CUSTOMER_ADMIN", tenantId: world.tenant.id });
    const refused = await submitWidgetTest({ tenantId: world.tenant.id, widgetId: widget.id, userId: nobody.id, clientIp: freshIp() });
    expect(refused).toMatchObject({ ok: false, refusal: { code: "INVALID_NUMBER" } });
  });
});
