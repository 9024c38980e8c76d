/**
 * The OpenAPI document of /api/v1 matches the behaviour (issue 14): every documented operation
 * is sent every status it documents over real HTTP, every answer validates against the schema
 * documented for its status (ajv, JSON Schema 2020-12 as OpenAPI 3.1 uses), and every route
 * the handlers serve, with every method, is documented; nothing documented is unserved.
 */
import { readdir } from "node:fs/promises";
import path from "node:path";
import { randomUUID } from "node:crypto";
import Ajv2020 from "ajv/dist/2020";
import addFormats from "ajv-formats";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { AUTH_FAILURE_LIMIT } from "@/server/public-api/limits";
import { seedTwoTenants } from "../fixtures/seed-tenant";
import { PUBLIC_API_ROUTES } from "@/server/public-api/direct-routes";
import { HTTP_METHODS } from "@/server/web/direct-routes";
import { nextTestIp, nextUkNumber, seedApiKey, seedLine, startApiServer } from "../fixtures/api-v1-http";

type Doc = {
  openapi: string;
  paths: Record<string, Record<string, { responses: Record<string, { content?: { "application/json": { schema: object } }; headers?: Record<string, unknown> }> }>>;
  components: { schemas: Record<string, object> };
};
type Answer = { status: number; headers: Headers; body: unknown };

let api: Awaited<ReturnType<typeof startApiServer>>;
let doc: Doc;
let keys: { plain: string; scoped: string; limited: string; prepaid: string; suspended: string };
let globexRequestId: string;

async function send(method: string, urlPath: string, opts: { key?: string; body?: string; type?: string; headers?: Record<string, string>; ip?: string } = {}): Promise<Answer> {
  const response = await fetch(`${api.baseUrl}${urlPath}`, {
    method,
    headers: {
      "x-forwarded-for": opts.ip ?? nextTestIp(),
      ...(opts.key ? { authorization: `Bearer ${opts.key}` } : {}),
      ...(opts.body !== undefined ? { "content-type": opts.type ?? "application/json" } : {}),
      ...opts.headers,
    },
    body: opts.body,
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : null };
}

const post = (key: string | undefined, body: unknown, extra: { type?: string; headers?: Record<string, string> } = {}) =>
  send("POST", "/api/v1/callbacks", { key, body: typeof body === "string" ? body : JSON.stringify(body), ...extra });

/** An IP that has failed authentication as often as it may: its next request is 429. */
async function exhaustedIp() {
  const ip = nextTestIp();
  for (let i = 0; i < AUTH_FAILURE_LIMIT.limit; i++) await send("GET", "/api/v1/callbacks", { key: `cbk_${"Z".repeat(43)}`, ip });
  return ip;
}

/** "<METHOD> <path template> <status>" → requests that must get that status. */
const CASES: Record<string, () => Promise<Answer[]>> = {
  "POST /api/v1/callbacks 201": async () => {
    const body = { from: "201", to: nextUkNumber() };
    const idem = { headers: { "idempotency-key": randomUUID() } };
    const first = await post(keys.plain, body, idem);
    const replay = await post(keys.plain, body, idem);
    expect(replay.headers.get("idempotent-replayed")).toBe("true");
    return [first, replay, await post(keys.scoped, { to: "202" })];
  },
  "POST /api/v1/callbacks 400": async () => [await post(keys.plain, { to: nextUkNumber() }), await post(keys.plain, "{"), await post(keys.plain, { from: "201", to: "1", x: 1 })],
  "POST /api/v1/callbacks 401": async () => [await post(undefined, { from: "201", to: nextUkNumber() }), await post(`cbk_${"Q".repeat(43)}`, { from: "201", to: nextUkNumber() })],
  "POST /api/v1/callbacks 402": async () => [await post(keys.prepaid, { from: "201", to: nextUkNumber() })],
  "POST /api/v1/callbacks 403": async () => [await post(keys.scoped, { from: "202", to: nextUkNumber() }), await post(keys.suspended, { from: "201", to: nextUkNumber() })],
  "POST /api/v1/callbacks 404": async () => [await post(keys.plain, { from: "999", to: nextUkNumber() })],
  "POST /api/v1/callbacks 413": async () => [await post(keys.plain, JSON.stringify({ from: "201", to: "x".repeat(9000) }))],
  "POST /api/v1/callbacks 415": async () => [await post(keys.plain, "from=201", { type: "text/plain" })],
  "POST /api/v1/callbacks 422": async () => {
    const idem = { headers: { "idempotency-key": randomUUID() } };
    await post(keys.plain, { from: "201", to: nextUkNumber() }, idem);
    return [await post(keys.plain, { from: "201", to: nextUkNumber() }, idem), await post(keys.plain, { from: "201", to: "+449098790000" }), await post(keys.plain, { from: "201", to: "999" })];
  },
  "POST /api/v1/callbacks 429": async () => {
    await post(keys.limited, { from: "201", to: nextUkNumber() });
    const ip = await exhaustedIp();
    return [await post(keys.limited, { from: "201", to: nextUkNumber() }), await send("POST", "/api/v1/callbacks", { key: keys.plain, body: "{}", ip })];
  },
  "GET /api/v1/callbacks 200": async () => {
    const first = await send("GET", "/api/v1/callbacks?limit=1", { key: keys.plain });
    const next = (first.body as { nextCursor: string | null }).nextCursor;
    expect(next).not.toBeNull();
    return [first, await send("GET", `/api/v1/callbacks?limit=100&cursor=${next}`, { key: keys.plain }), await send("GET", "/api/v1/callbacks", { key: keys.scoped })];
  },
  "GET /api/v1/callbacks 400": async () => [await send("GET", "/api/v1/callbacks?limit=0", { key: keys.plain }), await send("GET", "/api/v1/callbacks?cursor=nope", { key: keys.plain })],
  "GET /api/v1/callbacks 401": async () => [await send("GET", "/api/v1/callbacks")],
  "GET /api/v1/callbacks 429": async () => [await send("GET", "/api/v1/callbacks", { key: keys.plain, ip: await exhaustedIp() })],
  "GET /api/v1/callbacks/{id} 200": async () => {
    const created = await post(keys.plain, { from: "201", to: nextUkNumber() });
    return [await send("GET", `/api/v1/callbacks/${(created.body as { id: string }).id}`, { key: keys.plain })];
  },
  "GET /api/v1/callbacks/{id} 404": async () => [await send("GET", `/api/v1/callbacks/${globexRequestId}`, { key: keys.plain }), await send("GET", "/api/v1/callbacks/nothing", { key: keys.plain })],
  "GET /api/v1/callbacks/{id} 401": async () => [await send("GET", `/api/v1/callbacks/${globexRequestId}`, { key: "wrong" })],
  "GET /api/v1/callbacks/{id} 429": async () => [await send("GET", `/api/v1/callbacks/${globexRequestId}`, { key: keys.plain, ip: await exhaustedIp() })],
  "GET /api/v1/openapi.json 200": async () => [await send("GET", "/api/v1/openapi.json")],
};

function validatorFor(schemas: Record<string, object>) {
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  addFormats(ajv);
  // Component references become ajv schema ids.
  const rewrite = (value: unknown): unknown =>
    Array.isArray(value) ? value.map(rewrite)
    : value && typeof value === "object" ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, k === "$ref" && typeof v === "string" ? v.replace("#/components/schemas/", "") : rewrite(v)]))
    : value;
  for (const [name, schema] of Object.entries(schemas)) ajv.addSchema(rewrite(schema) as object, name);
  return (schema: object, data: unknown) => {
    const validate = ajv.compile(rewrite(schema) as object);
    return validate(data) ? null : ajv.errorsText(validate.errors);
  };
}

beforeAll(async () => {
  api = await startApiServer();
  const world = await seedTwoTenants();
  const company = async (data: Record<string, unknown> = {}) => {
    const tenant = await db.tenant.create({ data: { partnerId: world.partner.id, name: `OpenAPI ${randomUUID().slice(0, 6)}`, callbackMaxConcurrent: 1000, isPrepaid: false, ...data } });
    const lineA = await seedLine(tenant.id, "201");
    await seedLine(tenant.id, "202");
    return { tenant, lineA };
  };
  const acme = await company();
  keys = {
    plain: (await seedApiKey(acme.tenant.id)).key,
    scoped: (await seedApiKey(acme.tenant.id, { sipAccountId: acme.lineA.sipAccountId })).key,
    limited: (await seedApiKey(acme.tenant.id, { rateLimitPerMinute: 1 })).key,
    prepaid: (await seedApiKey((await company({ isPrepaid: true })).tenant.id)).key,
    suspended: (await seedApiKey((await company({ status: "SUSPENDED" })).tenant.id)).key,
  };
  const globex = await company();
  const theirs = await post((await seedApiKey(globex.tenant.id)).key, { from: "201", to: nextUkNumber() });
  globexRequestId = (theirs.body as { id: string }).id;
  // Two requests, so the list has a second page.
  await post(keys.plain, { from: "201", to: nextUkNumber() });
  await post(keys.plain, { from: "202", to: nextUkNumber() });
  doc = (await send("GET", "/api/v1/openapi.json")).body as Doc;
});
afterAll(() => api?.close());

const documented = () =>
  Object.entries(doc.paths).flatMap(([template, ops]) =>
    Object.entries(ops).flatMap(([method, op]) => Object.keys(op.responses).filter((s) => s !== "default").map((status) => `${method.toUpperCase()} ${template} ${status}`)),
  );

describe("the OpenAPI document", () => {
  it("is OpenAPI 3.1 and every documented operation and status has a case here, and only those", () => {
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(CASES).sort()).toEqual(documented().sort());
  });

  it("documents every route the handlers serve, with every method, and nothing else", async () => {
    // The route files on disk are exactly the ones the production web server answers itself.
    const root = path.join(process.cwd(), "app/api/v1");
    const files = (await readdir(root, { recursive: true })).filter((f) => f.endsWith("route.ts")).map((f) => `app/api/v1/${f}`);
    const fileOf = (template: string) => `app${template.replace(/\{(\w+)\}/g, "[$1]")}/route.ts`;
    expect(files.sort()).toEqual(PUBLIC_API_ROUTES.map((r) => fileOf(r.template)).sort());
    const served: string[] = [];
    for (const route of PUBLIC_API_ROUTES) {
      for (const method of HTTP_METHODS) if (typeof route.module[method] === "function") served.push(`${method} ${route.template}`);
    }
    const ops = Object.entries(doc.paths).flatMap(([template, o]) => Object.keys(o).map((m) => `${m.toUpperCase()} ${template}`));
    expect(ops.sort()).toEqual(served.sort());
  });

  it.each(Object.keys(CASES))("%s: the answers have that status and validate against the documented schema", async (name) => {
    const [method, template, status] = name.split(" ") as [string, string, string];
    const responses = doc.paths[template]![method.toLowerCase()]!.responses;
    const documentedResponse = responses[status]!;
    const validate = validatorFor(doc.components.schemas);
    const answers = await CASES[name]!();
    expect(answers.length).toBeGreaterThan(0);
    for (const answer of answers) {
      expect(answer.status, JSON.stringify(answer.body)).toBe(Number(status));
      expect(answer.headers.get("content-type")).toMatch(/^application\/json/);
      const schema = documentedResponse.content?.["application/json"].schema;
      expect(schema, `${name} documents no JSON body`).toBeDefined();
      expect(validate(schema!, answer.body), JSON.stringify(answer.body)).toBeNull();
      for (const header of Object.keys(documentedResponse.headers ?? {})) {
        // Idempotent-Replayed is only on replays; every other documented header is always sent.
        if (header !== "Idempotent-Replayed") expect(answer.headers.get(header), `${name} ${header}`).not.toBeNull();
      }
    }
  });

  it("describes the error codes the API can answer with, and no code outside the contract validates", () => {
    const validate = validatorFor(doc.components.schemas);
    expect(validate({ $ref: "#/components/schemas/Error" }, { error: { code: "RATE_LIMITED", message: "x" } })).toBeNull();
    expect(validate({ $ref: "#/components/schemas/Error" }, { error: { code: "TEAPOT", message: "x" } })).not.toBeNull();
    expect(validate({ $ref: "#/components/schemas/CallbackStatus" }, { id: "x" })).not.toBeNull();
  });
});
