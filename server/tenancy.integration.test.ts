import { beforeAll, describe, expect, it } from "vitest";
import { tenantDb } from "./tenancy";
import { seedTwoTenants } from "@/tests/fixtures/seed-tenant";

describe("[TENANCY] tenantDb", () => {
  let world: Awaited<ReturnType<typeof seedTwoTenants>>;
  beforeAll(async () => {
    world = await seedTwoTenants();
  });

  it("keeps the scope inside interactive transactions", async () => {
    const acme = tenantDb(world.acme.tenant.id);
    const seen = await acme.$transaction(async (tx) => tx.user.findMany({ select: { tenantId: true } }));
    expect(seen.length).toBe(3);
    expect(new Set(seen.map((u) => u.tenantId))).toEqual(new Set([world.acme.tenant.id]));
    expect(await acme.$transaction(async (tx) => tx.user.findUnique({ where: { id: world.globex.admin.id } }))).toBeNull();
  });

  it("overrides a tenantId smuggled into a where or data", async () => {
    const acme = tenantDb(world.acme.tenant.id);
    expect(await acme.user.count({ where: { tenantId: world.globex.tenant.id } })).toBe(3);
    const updated = await acme.user.updateMany({ where: { tenantId: world.globex.tenant.id }, data: { name: "x" } });
    expect(updated.count).toBe(3); // Acme's own three, never Globex's
    const globexNames = (await tenantDb(world.globex.tenant.id).user.findMany()).map((u) => u.name);
    expect(globexNames).not.toContain("x");
  });

  it("reads only its own tenant row and refuses other models", async () => {
    const acme = tenantDb(world.acme.tenant.id);
    expect((await acme.tenant.findFirst())?.id).toBe(world.acme.tenant.id);
    expect(await acme.tenant.findUnique({ where: { id: world.globex.tenant.id } })).toBeNull();
    await expect(acme.tenant.findMany()).rejects.toThrow(/not available in a tenant scope/);
    await expect(acme.partner.findMany()).rejects.toThrow(/not available in a tenant scope/);
    await expect(acme.loginAttempt.count()).rejects.toThrow(/not available in a tenant scope/);
  });
});
