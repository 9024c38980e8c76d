/**
 * The callback REST API over real HTTP (issue 14): authentication and its failure limit,
 * scoped keys, tenant isolation, idempotency (replay, reuse, concurrent), the key's own rate
 * limit, and the intake's refusals passing through with their codes and statuses.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { seedTwoTenants } from "@/tests/fixtures/seed-tenant";
import { nextTestIp, nextUkNumber, seedApiKey, seedLine, startApiServer } from "@/tests/fixtures/api-v1-http";
import { AUTH_FAILURE_LIMIT } from "./limits";

let api: Awaited<ReturnType<typeof startApiServer>>;
let world: Awaited<ReturnType<typeof seedTwoTenants>>;
let lineA: Awaited<ReturnType<typeof seedLine>>;
let lineB: Awaited<ReturnType<typeof seedLine>>;
let globexLine: Awaited<ReturnType<typeof seedLine>>;
let acmeKey: Awaited<ReturnType<typeof seedApiKey>>;
let scopedKey: Awaited<ReturnType<typeof seedApiKey>>;
let globexKey: Awaited<ReturnType<typeof seedApiKey>>;

type Call = { method?: string; path?: string; key?: string | null; body?: unknown; rawBody?: string; headers?: Record<string, string>; ip?: string };

async function call({ method = "POST", path = "/api/v1/callbacks", key, body, rawBody, headers = {}, ip = nextTestIp() }: Call) {
  const response = await fetch(`${api.baseUrl}${path}`, {
    method,
    headers: {
      "x-forwarded-for": ip,
      ...(key ? { authorization: `Bearer ${key}` } : {}),
      ...(body !== undefined || rawBody !== undefined ? { "content-type": "application/json" } : {}),
      ...headers,
    },
    body: rawBody ?? (body === undefined ? undefined : JSON.stringify(body)),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : null };
}

const create = (key: string, body: unknown, extra: Partial<Call> = {}) => call({ key, body, ...extra });

beforeAll(async () => {
  api = await startApiServer();
  world = await seedTwoTenants();
  // No worker runs here: queued requests stay open, so the cap must not be what answers.
  await db.tenant.updateMany({ where: { id: { in: [world.acme.tenant.id, world.globex.tenant.id] } }, data: { callbackMaxConcurrent: 10_000 } });
  lineA = await seedLine(world.acme.tenant.id, "201");
  lineB = await seedLine(world.acme.tenant.id, "202");
  globexLine = await seedLine(world.globex.tenant.id, "201");
  acmeKey = await seedApiKey(world.acme.tenant.id);
  scopedKey = await seedApiKey(world.acme.tenant.id, { sipAccountId: lineA.sipAccountId });
  globexKey = await seedApiKey(world.globex.tenant.id);
});
afterAll(() => api?.close());

describe("authentication", () => {
  it("refuses a missing, malformed, unknown or revoked key with 401 UNAUTHENTICATED", async () => {
    const revoked = await seedApiKey(world.acme.tenant.id, { revoked: true });
    const cases: [string | null, RegExp][] = [
      [null, /Authorization: Bearer/],
      ["not-a-key", /not valid/],
      [`cbk_${"A".repeat(43)}`, /not valid/],
      [revoked.key, /revoked/],
    ];
    for (const [key, message] of cases) {
      const res = await create(key as string, { from: "201", to: nextUkNumber() });
      expect(res.status, String(key)).toBe(401);
      expect(res.body.error.code).toBe("UNAUTHENTICATED");
      expect(res.body.error.message).toMatch(message);
      expect(res.headers.get("www-authenticate")).toMatch(/^Bearer/);
    }
    expect(await db.callbackRequest.count({ where: { apiKeyId: revoked.id } })).toBe(0);
  });

  it("slows key guessing: past the failure limit an IP gets 429 with Retry-After, even with a valid key", async () => {
    const ip = nextTestIp();
    for (let i = 0; i < AUTH_FAILURE_LIMIT.limit; i++) {
      expect((await call({ method: "GET", key: `cbk_${randomUUID().replaceAll("-", "").padEnd(43, "x")}`, ip })).status).toBe(401);
    }
    const over = await call({ method: "GET", key: `cbk_${"B".repeat(43)}`, ip });
    expect(over.status).toBe(429);
    expect(over.body.error.code).toBe("RATE_LIMITED");
    expect(Number(over.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    const blockedEvenValid = await call({ method: "GET", key: acmeKey.key, ip });
    expect(blockedEvenValid.status).toBe(429);
    // Another address is not affected.
    expect((await call({ method: "GET", key: acmeKey.key })).status).toBe(200);
  });

  it("records when a key was last used, at most once a minute", async () => {
    const key = await seedApiKey(world.acme.tenant.id);
    expect((await call({ method: "GET", key: key.key })).status).toBe(200);
    const first = (await db.apiKey.findUniqueOrThrow({ where: { id: key.id } })).lastUsedAt;
    expect(first).not.toBeNull();
    expect((await call({ method: "GET", key: key.key })).status).toBe(200);
    expect((await db.apiKey.findUniqueOrThrow({ where: { id: key.id } })).lastUsedAt).toEqual(first);
    await db.apiKey.update({ where: { id: key.id }, data: { lastUsedAt: new Date(Date.now() - 61_000) } });
    expect((await call({ method: "GET", key: key.key })).status).toBe(200);
    expect((await db.apiKey.findUniqueOrThrow({ where: { id: key.id } })).lastUsedAt!.getTime()).toBeGreaterThan(Date.now() - 10_000);
  });
});

describe("POST /api/v1/callbacks", () => {
  it("queues a click-to-call from a line named by extension or id, and answers 201 with its status", async () => {
    const to = nextUkNumber();
    const res = await create(acmeKey.key, { from: "201", to });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ source: "API", state: "QUEUED", failureReason: null, connectedAt: null });
    expect(res.headers.get("location")).toBe(`/api/v1/callbacks/${res.body.id}`);
    expect(res.headers.get("idempotent-replayed")).toBeNull();
    const row = await db.callbackRequest.findUniqueOrThrow({ where: { id: res.body.id } });
    expect(row).toMatchObject({ tenantId: world.acme.tenant.id, source: "API", apiKeyId: acmeKey.id, sipAccountId: lineA.sipAccountId, dialled: to });

    const byId = await create(acmeKey.key, { from: lineB.sipAccountId, to: "201" });
    expect(byId.status).toBe(201);
    expect(await db.callbackRequest.findUniqueOrThrow({ where: { id: byId.body.id } })).toMatchObject({ sipAccountId: lineB.sipAccountId, dialled: "201" });
  });

  it("needs from for an unscoped key, and from must be the company's line", async () => {
    const missing = await create(acmeKey.key, { to: nextUkNumber() });
    expect([missing.status, missing.body.error.code]).toEqual([400, "INVALID_REQUEST"]);
    const theirs = await create(acmeKey.key, { from: globexLine.sipAccountId, to: nextUkNumber() });
    expect([theirs.status, theirs.body.error.code]).toEqual([404, "NOT_FOUND"]);
    const unknown = await create(acmeKey.key, { from: "999", to: nextUkNumber() });
    expect(unknown.status).toBe(404);
  });

  it("lets a scoped key call from its own line only: another line of the company is 403", async () => {
    const implicit = await create(scopedKey.key, { to: nextUkNumber() });
    expect(implicit.status).toBe(201);
    expect((await db.callbackRequest.findUniqueOrThrow({ where: { id: implicit.body.id } })).sipAccountId).toBe(lineA.sipAccountId);
    expect((await create(scopedKey.key, { from: "201", to: nextUkNumber() })).status).toBe(201);
    for (const from of ["202", lineB.sipAccountId, globexLine.sipAccountId, "nope"]) {
      const res = await create(scopedKey.key, { from, to: nextUkNumber() });
      expect([res.status, res.body.error.code], from).toEqual([403, "FORBIDDEN"]);
    }
    expect(await db.callbackRequest.count({ where: { apiKeyId: scopedKey.id, sipAccountId: { not: lineA.sipAccountId } } })).toBe(0);
  });

  it("takes only small JSON bodies of the documented shape", async () => {
    const before = await db.callbackRequest.count();
    const cases: [Partial<Call>, number][] = [
      [{ rawBody: "from=201", headers: { "content-type": "application/x-www-form-urlencoded" } }, 415],
      [{ rawBody: JSON.stringify({ from: "201", to: nextUkNumber(), pad: "x".repeat(9000) }) }, 413],
      [{ rawBody: "{not json" }, 400],
      [{ rawBody: "[1,2]" }, 400],
      [{ body: { from: "201", to: nextUkNumber(), extra: true } }, 400],
      [{ body: { from: "201", to: 12345 } }, 400],
      [{ body: { from: "201", to: "+44 20\u202e7946 0000" } }, 400],
      [{ body: { from: "201", to: nextUkNumber() }, headers: { "idempotency-key": "x".repeat(201) } }, 400],
    ];
    for (const [extra, status] of cases) {
      const res = await call({ key: acmeKey.key, ...extra });
      expect(res.status, JSON.stringify(extra).slice(0, 80)).toBe(status);
      expect(res.body.error.code).toBe("INVALID_REQUEST");
    }
    expect(await db.callbackRequest.count()).toBe(before);
  });
});

describe("idempotency", () => {
  it("replays the first answer for the same key and body, and refuses the key with another body", async () => {
    const key = randomUUID();
    const body = { from: "201", to: nextUkNumber() };
    const first = await create(acmeKey.key, body, { headers: { "idempotency-key": key } });
    expect(first.status).toBe(201);
    // Same request, spelled differently: field order and whitespace do not matter.
    const again = await call({ key: acmeKey.key, rawBody: ` { "to": "${body.to}" , "from": " 201 " } `, headers: { "idempotency-key": key } });
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    const reused = await create(acmeKey.key, { from: "201", to: nextUkNumber() }, { headers: { "idempotency-key": key } });
    expect([reused.status, reused.body.error.code]).toEqual([422, "IDEMPOTENCY_KEY_REUSED"]);
    expect(await db.callbackRequest.count({ where: { apiKeyId: acmeKey.id, idempotencyKey: key } })).toBe(1);
    // Keys are per API key: another company's key with the same Idempotency-Key is its own request.
    const other = await create(globexKey.key, body, { headers: { "idempotency-key": key } });
    expect(other.status).toBe(201);
    expect(other.body.id).not.toBe(first.body.id);
  });

  it("creates one request for concurrent retries with one Idempotency-Key", async () => {
    const key = randomUUID();
    const body = { from: "202", to: nextUkNumber() };
    const answers = await Promise.all(Array.from({ length: 12 }, () => create(acmeKey.key, body, { headers: { "idempotency-key": key } })));
    expect(answers.map((a) => a.status)).toEqual(Array(12).fill(201));
    expect(new Set(answers.map((a) => a.body.id)).size).toBe(1);
    expect(answers.filter((a) => a.headers.get("idempotent-replayed") === "true")).toHaveLength(11);
    expect(await db.callbackRequest.count({ where: { apiKeyId: acmeKey.id, idempotencyKey: key } })).toBe(1);
  });
});

describe("limits and refusals", () => {
  it("answers 429 RATE_LIMITED with Retry-After beyond the key's own limit a minute", async () => {
    const key = await seedApiKey(world.acme.tenant.id, { rateLimitPerMinute: 3 });
    for (let i = 0; i < 3; i++) expect((await create(key.key, { from: "201", to: nextUkNumber() })).status).toBe(201);
    const over = await create(key.key, { from: "201", to: nextUkNumber() });
    expect([over.status, over.body.error.code]).toEqual([429, "RATE_LIMITED"]);
    expect(Number(over.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(await db.callbackRequest.count({ where: { apiKeyId: key.id } })).toBe(3);
  });

  it("passes the intake's refusals through with their codes and statuses, and inserts nothing", async () => {
    const premium = await create(acmeKey.key, { from: "201", to: "+449098790000" });
    expect([premium.status, premium.body.error.code]).toEqual([422, "HIGH_RISK_NUMBER"]);
    const notANumber = await create(acmeKey.key, { from: "201", to: "112" });
    expect([notANumber.status, notANumber.body.error.code]).toEqual([422, "INVALID_NUMBER"]);
    expect(await db.callbackRequest.count({ where: { dialled: { in: ["+449098790000", "112"] } } })).toBe(0);
    expect(await db.callbackRefusal.count({ where: { apiKeyId: acmeKey.id, reason: "HIGH_RISK_NUMBER" } })).toBe(1);

    const { partner } = world;
    const company = async (data: Record<string, unknown>) => {
      const tenant = await db.tenant.create({ data: { partnerId: partner.id, name: `API ${randomUUID().slice(0, 6)}`, callbackMaxConcurrent: 10, isPrepaid: false, ...data } });
      await seedLine(tenant.id, "201");
      return seedApiKey(tenant.id);
    };
    const cases: [Record<string, unknown>, number, string][] = [
      [{ isPrepaid: true }, 402, "OUT_OF_CREDIT"],
      [{ status: "SUSPENDED" }, 403, "ACCOUNT_SUSPENDED"],
      [{ callbackMaxConcurrent: 0 }, 429, "CONCURRENCY_LIMIT"],
    ];
    for (const [data, status, code] of cases) {
      const key = await company(data);
      const res = await create(key.key, { from: "201", to: nextUkNumber() });
      expect([res.status, res.body.error.code], code).toEqual([status, code]);
      if (status === 429) expect(Number(res.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
      expect(await db.callbackRequest.count({ where: { apiKeyId: key.id } })).toBe(0);
    }
  });
});

describe("reading callbacks", () => {
  it("reads a request of the key's company; another company's id is 404", async () => {
    const mine = await create(acmeKey.key, { from: "201", to: nextUkNumber() });
    const read = await call({ method: "GET", path: `/api/v1/callbacks/${mine.body.id}`, key: acmeKey.key });
    expect(read.status).toBe(200);
    expect(read.body).toEqual(mine.body);
    const theirs = await create(globexKey.key, { from: "201", to: nextUkNumber() });
    const cross = await call({ method: "GET", path: `/api/v1/callbacks/${theirs.body.id}`, key: acmeKey.key });
    expect([cross.status, cross.body.error.code]).toEqual([404, "NOT_FOUND"]);
    expect((await call({ method: "GET", path: "/api/v1/callbacks/does-not-exist", key: acmeKey.key })).status).toBe(404);
  });

  it("shows a scoped key only its own line's requests", async () => {
    const onB = await create(acmeKey.key, { from: "202", to: nextUkNumber() });
    const res = await call({ method: "GET", path: `/api/v1/callbacks/${onB.body.id}`, key: scopedKey.key });
    expect(res.status).toBe(404);
    const list = await call({ method: "GET", path: "/api/v1/callbacks?limit=100", key: scopedKey.key });
    const ids: string[] = list.body.data.map((v: { id: string }) => v.id);
    expect(ids).not.toContain(onB.body.id);
    const rows = await db.callbackRequest.findMany({ where: { id: { in: ids } }, select: { sipAccountId: true } });
    expect(new Set(rows.map((r) => r.sipAccountId))).toEqual(new Set([lineA.sipAccountId]));
  });

  it("lists newest first in keyset pages that together hold every request once", async () => {
    const tenant = await db.tenant.create({ data: { partnerId: world.partner.id, name: `List ${randomUUID().slice(0, 6)}`, callbackMaxConcurrent: 100, isPrepaid: false } });
    await seedLine(tenant.id, "201");
    const key = await seedApiKey(tenant.id);
    const made: string[] = [];
    for (let i = 0; i < 7; i++) made.push((await create(key.key, { from: "201", to: nextUkNumber() })).body.id);
    // Two with the same createdAt: the id breaks the tie, so neither is skipped nor repeated.
    await db.callbackRequest.updateMany({ where: { id: { in: made.slice(2, 4) } }, data: { createdAt: new Date("2026-01-01T00:00:00Z") } });
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res = await call({ method: "GET", path: `/api/v1/callbacks?limit=3${cursor ? `&cursor=${cursor}` : ""}`, key: key.key });
      expect(res.status).toBe(200);
      seen.push(...res.body.data.map((v: { id: string }) => v.id));
      cursor = res.body.nextCursor;
      pages++;
    } while (cursor && pages < 10);
    expect(pages).toBe(3);
    expect([...seen].sort()).toEqual([...made].sort());
    const expected = await db.callbackRequest.findMany({ where: { tenantId: tenant.id }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], select: { id: true } });
    expect(seen).toEqual(expected.map((r) => r.id));
    for (const query of ["limit=0", "limit=101", "limit=abc", "cursor=bogus", "limit=2&limit=3", "other=1"]) {
      const res = await call({ method: "GET", path: `/api/v1/callbacks?${query}`, key: key.key });
      expect([res.status, res.body.error.code], query).toEqual([400, "INVALID_REQUEST"]);
    }
  });
});
