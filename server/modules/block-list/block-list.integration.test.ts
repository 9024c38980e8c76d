/** The block list through the API: admins only, exact E.164 blocks, duplicates refused, the worker told. */
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { heardDuring } from "@/tests/fixtures/notifications";
import { expectTrpcError } from "@/tests/fixtures/procedures";
import { callerFor, seedPartner, seedTenant } from "@/tests/fixtures/seed-tenant";

type World = Awaited<ReturnType<typeof seedTenant>>;
let world: World;
const admin = () => callerFor(world.admin.id);

beforeAll(async () => {
  const { partner } = await seedPartner();
  world = await seedTenant({ partnerId: partner.id, extensionUsers: 1 });
});

describe("[BLOCK_LIST] blocking callers", () => {
  it("blocks a caller's number as E.164, tells the worker, and lists it", async () => {
    const heard = await heardDuring("dialplan_changed", async () => {
      const created = await (await admin()).blockList.create({ number: "07400 123456", note: "Sales calls" });
      expect(created).toMatchObject({ pattern: "+447400123456", isPrefix: false, note: "Sales calls" });
    });
    expect(heard).toContain(`dialplan_changed:${world.tenant.id}`);
    expect((await (await admin()).blockList.find()).map((b) => b.pattern)).toContain("+447400123456");
    const audit = await db.auditLog.findFirstOrThrow({ where: { tenantId: world.tenant.id, action: "routing.blockList.add" } });
    expect(audit.details).toEqual({ number: "+447400123456" });
  });

  it("refuses a number already blocked, an anonymous caller and an extension, writing nothing", async () => {
    const before = await db.blockedNumber.count({ where: { tenantId: world.tenant.id } });
    await expectTrpcError((await admin()).blockList.create({ number: "+44 7400 123456" }), "CONFLICT");
    await expectTrpcError((await admin()).blockList.create({ number: "anonymous" }), "BAD_REQUEST");
    await expectTrpcError((await admin()).blockList.create({ number: "201" }), "BAD_REQUEST");
    await expectTrpcError((await admin()).blockList.create({ number: "" }), "BAD_REQUEST");
    expect(await db.blockedNumber.count({ where: { tenantId: world.tenant.id } })).toBe(before);
  });

  it("is for admins only", async () => {
    const user = await callerFor(world.users[0]!.id);
    await expectTrpcError(user.blockList.find(), "FORBIDDEN");
    await expectTrpcError(user.blockList.create({ number: "07400 123457" }), "FORBIDDEN");
    const block = await db.blockedNumber.findFirstOrThrow({ where: { tenantId: world.tenant.id } });
    await expectTrpcError(user.blockList.delete({ id: block.id }), "FORBIDDEN");
  });

  it("removes a block and tells the worker", async () => {
    const created = await (await admin()).blockList.create({ number: "07400 123458" });
    const heard = await heardDuring("dialplan_changed", async () => {
      await (await admin()).blockList.delete({ id: created.id });
    });
    expect(heard).toContain(`dialplan_changed:${world.tenant.id}`);
    expect(await db.blockedNumber.count({ where: { id: created.id } })).toBe(0);
    await expectTrpcError((await admin()).blockList.delete({ id: created.id }), "NOT_FOUND");
  });
});
