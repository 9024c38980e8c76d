/**
 * The procedure ladder, enumerated over the whole router: each role is refused every
 * procedure above its rung, before any input is looked at.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { ProcedureScope } from "@/server/api/trpc";
import { anonymousCaller, callerFor, seedTwoTenants, seedUser } from "../fixtures/seed-tenant";
import { callByPath, expectTrpcError, listProcedures } from "../fixtures/procedures";

type World = Awaited<ReturnType<typeof seedTwoTenants>>;

const procedures = listProcedures();
const withScope = (...scopes: ProcedureScope[]) => procedures.filter((p) => p.scope && scopes.includes(p.scope));

describe("[ROLES] procedure ladder", () => {
  let world: World;
  let platformAdminId: string;
  beforeAll(async () => {
    world = await seedTwoTenants();
    platformAdminId = (await seedUser({ role: "PLATFORM_ADMIN" })).id;
  });

  it("declares a scope on every procedure", () => {
    expect(procedures.filter((p) => !p.scope).map((p) => p.path)).toEqual([]);
  });

  it("refuses anonymous callers everything but public procedures", async () => {
    for (const p of procedures.filter((p) => p.scope !== "public")) {
      await expectTrpcError(callByPath(anonymousCaller(), p.path, {}), "UNAUTHORIZED");
    }
  });

  it("refuses extension users every admin procedure (FORBIDDEN)", async () => {
    const caller = await callerFor(world.acme.users[0]!.id);
    const refused = withScope("tenantAdmin", "partnerAdmin", "platformAdmin");
    expect(refused.length).toBeGreaterThan(5);
    for (const p of refused) await expectTrpcError(callByPath(caller, p.path, {}), "FORBIDDEN");
  });

  it("refuses customer admins the back office (FORBIDDEN)", async () => {
    const caller = await callerFor(world.acme.admin.id);
    for (const p of withScope("partnerAdmin", "platformAdmin")) await expectTrpcError(callByPath(caller, p.path, {}), "FORBIDDEN");
  });

  it("refuses partner admins tenant procedures and platform procedures", async () => {
    const caller = await callerFor(world.partnerAdmin.id);
    for (const p of withScope("tenant", "tenantAdmin", "platformAdmin")) await expectTrpcError(callByPath(caller, p.path, {}), "FORBIDDEN");
  });

  it("refuses platform admins tenant procedures (they act through partners)", async () => {
    const caller = await callerFor(platformAdminId);
    for (const p of withScope("tenant", "tenantAdmin")) await expectTrpcError(callByPath(caller, p.path, {}), "FORBIDDEN");
  });

  it("lets an extension user read only their own account", async () => {
    const me = await (await callerFor(world.acme.users[0]!.id)).account.me();
    expect(me).toMatchObject({ id: world.acme.users[0]!.id, role: "EXTENSION_USER", tenantId: world.acme.tenant.id });
  });
});
