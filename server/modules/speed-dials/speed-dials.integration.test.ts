/** Speed dials through the API: admins only, codes that never shadow a number, targets resolved, the worker told. */
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { tenantDb } from "@/server/tenancy";
import { heardDuring } from "@/tests/fixtures/notifications";
import { expectTrpcError } from "@/tests/fixtures/procedures";
import { seedQueue } from "@/tests/fixtures/seed-ivr-queues";
import { seedLineExtension } from "@/tests/fixtures/seed-media";
import { callerFor, seedPartner, seedTenant } from "@/tests/fixtures/seed-tenant";
import { assertNumberFree } from "../numbering/service";

type World = Awaited<ReturnType<typeof seedTenant>>;
let world: World;
const admin = () => callerFor(world.admin.id);

beforeAll(async () => {
  const { partner } = await seedPartner();
  world = await seedTenant({ partnerId: partner.id, extensionUsers: 1 });
  await seedLineExtension(world.tenant.id, "201");
  await db.huntGroup.create({ data: { tenantId: world.tenant.id, number: "600", name: "Sales" } });
  await seedQueue(world.tenant.id, "700");
});

describe("[SPEED_DIALS] company short codes", () => {
  it("creates a code to an outside number (stored E.164) and tells the worker", async () => {
    const heard = await heardDuring("dialplan_changed", async () => {
      const created = await (await admin()).speedDial.create({ code: "*21", number: "+1 212 555 0100", label: "New York office" });
      expect(created).toMatchObject({ code: "*21", number: "+12125550100" });
    });
    expect(heard).toContain(`dialplan_changed:${world.tenant.id}`);
    expect((await (await callerFor(world.users[0]!.id)).speedDial.find()).map((s) => s.code)).toContain("*21");
  });

  it("reads a national number in the company's country and keeps internal targets as dialled", async () => {
    expect((await (await admin()).speedDial.create({ code: "31", number: "020 7946 0000", label: "London" })).number).toBe("+442079460000");
    expect((await (await admin()).speedDial.create({ code: "*32", number: "600", label: "Sales line" })).number).toBe("600");
  });

  it.each([
    ["an extension's number", "201", "201 is already extension 201 (Ext 201)."],
    ["a hunt group's number", "600", "600 is already hunt group 600 (Sales)."],
    ["a queue's number", "700", "700 is already call queue"],
    ["an emergency number", "999", "999 is an emergency number."],
    ["the start of an emergency number", "99", "99 is the start of the emergency number 999."],
    ["the start of an extension's number", "20", "20 is the start of extension 201 (Ext 201)'s number 201."],
  ])("refuses a code that is %s", async (_what, code, message) => {
    const err = await (await admin()).speedDial.create({ code, number: "+12125550100", label: "Clash" }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining(message) });
    expect(await db.speedDial.count({ where: { tenantId: world.tenant.id, code } })).toBe(0);
  });

  it("refuses malformed codes, bad targets, a duplicate, and an extension with a speed dial's number", async () => {
    const caller = await admin();
    await expectTrpcError(caller.speedDial.create({ code: "**1", number: "+12125550100", label: "Bad" }), "BAD_REQUEST");
    await expectTrpcError(caller.speedDial.create({ code: "*12345", number: "+12125550100", label: "Bad" }), "BAD_REQUEST");
    await expectTrpcError(caller.speedDial.create({ code: "*41", number: "299", label: "Nobody" }), "BAD_REQUEST");
    await expectTrpcError(caller.speedDial.create({ code: "*42", number: "*21", label: "Chain" }), "BAD_REQUEST");
    await expectTrpcError(caller.speedDial.create({ code: "*43", number: "hello", label: "Text" }), "BAD_REQUEST");
    await expectTrpcError(caller.speedDial.create({ code: "*21", number: "+12125550100", label: "Again" }), "CONFLICT");
    // The reverse: the number namespace also refuses a new extension on a speed dial's code.
    await db.speedDial.create({ data: { tenantId: world.tenant.id, code: "250", number: "+12125550100", label: "Plain" } });
    await expect(assertNumberFree(tenantDb(world.tenant.id), "250")).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("lets only admins change them; updates keep the own code and deletes tell the worker", async () => {
    const user = await callerFor(world.users[0]!.id);
    await expectTrpcError(user.speedDial.create({ code: "*51", number: "+12125550100", label: "Mine" }), "FORBIDDEN");
    const created = await (await admin()).speedDial.create({ code: "*52", number: "+12125550100", label: "Office" });
    await expectTrpcError(user.speedDial.delete({ id: created.id }), "FORBIDDEN");
    const updated = await (await admin()).speedDial.update({ id: created.id, code: "*52", number: "201", label: "Reception" });
    expect(updated).toMatchObject({ code: "*52", number: "201", label: "Reception" });
    const heard = await heardDuring("dialplan_changed", async () => {
      await (await admin()).speedDial.delete({ id: created.id });
    });
    expect(heard).toContain(`dialplan_changed:${world.tenant.id}`);
    await expectTrpcError((await admin()).speedDial.delete({ id: created.id }), "NOT_FOUND");
  });
});
