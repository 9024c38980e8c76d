import { randomBytes } from "node:crypto";
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateApiKey } from "@/server/modules/callbacks/api-keys/key-material";
import { getBaseUrl } from "./helpers/browser";
import { connectTestDb } from "./helpers/presence-db";

/**
 * The production web server answers /api/v1 itself, before Next (server/web/direct-routes.ts):
 * the same route modules, reached through scripts/web-server.ts as deployed. A company of its
 * own, so the request it creates (which the worker then tries and fails to place: its line is
 * registered nowhere) touches no other file's data.
 */
describe("[PUBLIC_API] /api/v1 on the production web server", () => {
  let db: pg.Client;
  let key: string;
  const tenantId = `e2eapi${randomBytes(6).toString("hex")}`;

  beforeAll(async () => {
    db = await connectTestDb();
    const { rows } = await db.query<{ id: string }>(`SELECT id FROM "Partner" ORDER BY "createdAt" LIMIT 1`);
    await db.query(`INSERT INTO "Tenant" (id, "partnerId", name, "countryCode", "isPrepaid", "updatedAt") VALUES ($1, $2, $3, '44', false, now())`, [tenantId, rows[0]!.id, `E2E API ${tenantId}`]);
    await db.query(`INSERT INTO "SipAccount" (id, "tenantId", username, "authMd5", "updatedAt") VALUES ($1, $2, $3, $4, now())`, [`${tenantId}s`, tenantId, `${tenantId}-201`, "0".repeat(32)]);
    await db.query(`INSERT INTO "Extension" (id, "tenantId", number, "displayName", "sipAccountId", "updatedAt") VALUES ($1, $2, '201', 'API line', $3, now())`, [`${tenantId}e`, tenantId, `${tenantId}s`]);
    const material = generateApiKey();
    key = material.key;
    await db.query(`INSERT INTO "ApiKey" (id, "tenantId", name, prefix, "secretHash") VALUES ($1, $2, 'E2E key', $3, $4)`, [`${tenantId}k`, tenantId, material.prefix, material.secretHash]);
  });
  afterAll(async () => {
    for (const table of ["CallRecord", "CallbackRefusal", "CallbackRequest", "ApiKey", "Extension", "SipAccount"]) {
      await db?.query(`DELETE FROM "${table}" WHERE "tenantId" = $1`, [tenantId]);
    }
    await db?.query(`DELETE FROM "Tenant" WHERE id = $1`, [tenantId]);
    await db?.end();
  });

  it("creates and reads a callback, counting the connection's address, not a forged one", async () => {
    const base = getBaseUrl();
    const created = await fetch(`${base}/api/v1/callbacks`, {
      method: "POST",
      headers: { authorization: `Bearer ${key}`, "content-type": "application/json", "x-forwarded-for": "203.0.113.50", "x-centrex-client-ip": "203.0.113.51" },
      body: JSON.stringify({ from: "201", to: "+442079460123" }),
    });
    expect(created.status).toBe(201);
    const body = (await created.json()) as { id: string };
    expect(created.headers.get("location")).toBe(`/api/v1/callbacks/${body.id}`);
    const read = await fetch(`${base}${created.headers.get("location")}`, { headers: { authorization: `Bearer ${key}` } });
    expect([read.status, ((await read.json()) as { id: string }).id]).toEqual([200, body.id]);
    const { rows } = await db.query<{ clientIp: string }>(`SELECT "clientIp" FROM "CallbackRequest" WHERE id = $1`, [body.id]);
    expect(rows[0]?.clientIp).toBe("127.0.0.1");
  });

  it("answers methods as Next does, and leaves other paths to Next", async () => {
    const base = getBaseUrl();
    const options = await fetch(`${base}/api/v1/callbacks`, { method: "OPTIONS" });
    expect([options.status, options.headers.get("allow")]).toEqual([204, "GET, HEAD, OPTIONS, POST"]);
    expect((await fetch(`${base}/api/v1/callbacks`, { method: "DELETE", headers: { authorization: `Bearer ${key}` } })).status).toBe(405);
    const doc = await fetch(`${base}/api/v1/openapi.json`);
    expect([doc.status, ((await doc.json()) as { openapi: string }).openapi]).toEqual([200, "3.1.0"]);
    // Next's own answer: a trailing slash is redirected to the path without it.
    const slash = await fetch(`${base}/api/v1/callbacks/`, { redirect: "manual" });
    expect(slash.status).toBe(308);
  });
});
