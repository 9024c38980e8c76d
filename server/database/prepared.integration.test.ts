/**
 * Prepared statements share the pool with Prisma, so they must agree with it on what a stored
 * instant is, and tenant statements must stay inside their tenant like tenantDb() does.
 */
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { tenantSql, tenantStatement } from "@/server/tenancy";
import { seedTwoTenants } from "@/tests/fixtures/seed-tenant";
import { prepare, runPrepared } from "./prepared";

let world: Awaited<ReturnType<typeof seedTwoTenants>>;
beforeAll(async () => {
  world = await seedTwoTenants();
});

const zoneBefore = process.env.TZ;
afterEach(() => {
  if (zoneBefore === undefined) delete process.env.TZ;
  else process.env.TZ = zoneBefore;
});

const USER_NAMES = tenantStatement<{ name: string | null; tenantId: string }>("test-user-names", `
  SELECT "name", "tenantId" FROM "User" WHERE "tenantId" = $1 AND "id" = ANY($2::text[]) ORDER BY "name"`);
const TENANT_UPDATED_AT = prepare<{ updatedAt: Date }>("test-tenant-updated-at", `SELECT "updatedAt" FROM "Tenant" WHERE "id" = $1`);
const SET_TENANT_UPDATED_AT = prepare<{ id: string }>("test-tenant-set-updated-at", `UPDATE "Tenant" SET "updatedAt" = $2 WHERE "id" = $1 RETURNING "id"`);

describe("[TENANCY] prepared statements", () => {
  it("refuses a tenant statement that never binds the tenant", () => {
    expect(() => tenantStatement("test-unscoped", `SELECT "name" FROM "User" WHERE "id" = $2`)).toThrow(/never uses \$1/);
    expect(() => tenantStatement("test-lookalike", `SELECT "name" FROM "User" WHERE "id" = $10`)).toThrow(/never uses \$1/);
  });

  it("binds the scope's tenant as $1, so another company's ids find nothing", async () => {
    const everyone = [...world.acme.users, world.acme.admin, ...world.globex.users, world.globex.admin].map((u) => u.id);
    const acmeRows = await tenantSql(world.acme.tenant.id)(USER_NAMES, everyone);
    expect(acmeRows.length).toBe(world.acme.users.length + 1);
    expect(new Set(acmeRows.map((r) => r.tenantId))).toEqual(new Set([world.acme.tenant.id]));
    expect(await tenantSql(world.acme.tenant.id)(USER_NAMES, [world.globex.admin.id])).toEqual([]);
  });

  it("reads and writes `timestamp` columns as UTC, like Prisma, whatever the process's zone", async () => {
    process.env.TZ = "America/New_York";
    const instant = new Date("2026-07-01T12:34:56.789Z");
    await db.tenant.update({ where: { id: world.acme.tenant.id }, data: { updatedAt: instant } });
    expect((await runPrepared(TENANT_UPDATED_AT, [world.acme.tenant.id]))[0]?.updatedAt.toISOString()).toBe(instant.toISOString());

    const later = new Date("2026-12-24T23:30:00.001Z");
    await runPrepared(SET_TENANT_UPDATED_AT, [world.acme.tenant.id, later]);
    const read = await db.tenant.findUniqueOrThrow({ where: { id: world.acme.tenant.id }, select: { updatedAt: true } });
    expect(read.updatedAt.toISOString()).toBe(later.toISOString());
  });

  it("names a statement by its text, so an edited statement is prepared afresh", () => {
    const a = prepare("test-same-label", "SELECT 1");
    const b = prepare("test-same-label", "SELECT 2");
    expect(a.name).not.toBe(b.name);
    expect(prepare("test-same-label", "SELECT 1").name).toBe(a.name);
    expect(() => prepare("Bad Label", "SELECT 1")).toThrow(/lower-case/);
  });
});
