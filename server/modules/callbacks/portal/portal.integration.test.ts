import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { createContextInner } from "@/server/api/context";
import { createCaller } from "@/server/api/root";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import { expectTrpcError } from "@/tests/fixtures/procedures";
import { seedLineExtension } from "@/tests/fixtures/seed-media";
import { seedTwoTenants, sessionUser } from "@/tests/fixtures/seed-tenant";

const LONDON_LANDLINE = "+442079460123";
const PREMIUM_RATE = "09098790123";

const callerAt = async (userId: string, ip = "203.0.113.7") => createCaller(createContextInner({ user: await sessionUser(userId), ip }));

async function seedWorld() {
  const world = await seedTwoTenants();
  const [alice, bob] = world.acme.users;
  const aliceLine = await seedLineExtension(world.acme.tenant.id, "201", alice!.id);
  const bobLine = await seedLineExtension(world.acme.tenant.id, "202", bob!.id);
  const frontDesk = await seedLineExtension(world.acme.tenant.id, "200");
  const globexLine = await seedLineExtension(world.globex.tenant.id, "201", world.globex.users[0]!.id);
  const fax = await db.sipAccount.create({ data: { tenantId: world.acme.tenant.id, type: "FAX", username: `fax-${world.acme.tenant.id.slice(-8)}`, authMd5: "0".repeat(32) } });
  return {
    world, alice: alice!, bob: bob!, aliceLine, bobLine, frontDesk, globexLine, fax,
    admin: await callerAt(world.acme.admin.id),
    aliceCaller: await callerAt(alice!.id),
    bobCaller: await callerAt(bob!.id),
    globexAdmin: await callerAt(world.globex.admin.id),
  };
}

async function rejection(promise: Promise<unknown>) {
  const err = await promise.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(TRPCError);
  return err as TRPCError & { cause: AppError };
}

describe("[CALLBACKS] portal click-to-call", () => {
  it("offers admins every line of the company and extension users only their own", async () => {
    const w = await seedWorld();
    expect((await w.admin.callbacks.fromAccounts()).map((a) => a.extensionNumber)).toEqual(["200", "201", "202"]);
    const own = await w.aliceCaller.callbacks.fromAccounts();
    expect(own).toEqual([expect.objectContaining({ sipAccountId: w.aliceLine.sipAccountId, extensionNumber: "201", isOwn: true })]);
  });

  it("lets an admin start from any company line and queues the request for the worker", async () => {
    const w = await seedWorld();
    const status = await w.admin.callbacks.clickToCall({ sipAccountId: w.frontDesk.sipAccountId!, number: "202" });
    expect(status).toMatchObject({ source: "PORTAL", state: "QUEUED", message: "Placing the call…" });
    const row = await db.callbackRequest.findUniqueOrThrow({ where: { id: status.id } });
    expect(row).toMatchObject({ tenantId: w.world.acme.tenant.id, sipAccountId: w.frontDesk.sipAccountId, dialled: "202", requestedByUserId: w.world.acme.admin.id, clientIp: "203.0.113.7" });
  });

  it("lets an extension user call out from their own line, and refuses a colleague's line with FORBIDDEN", async () => {
    const w = await seedWorld();
    const mine = await w.aliceCaller.callbacks.clickToCall({ sipAccountId: w.aliceLine.sipAccountId!, number: "020 7946 0123" });
    expect((await db.callbackRequest.findUniqueOrThrow({ where: { id: mine.id } })).dialled).toBe(LONDON_LANDLINE);
    await expectTrpcError(w.aliceCaller.callbacks.clickToCall({ sipAccountId: w.bobLine.sipAccountId!, number: "200" }), "FORBIDDEN");
    await expectTrpcError(w.aliceCaller.callbacks.clickToCall({ sipAccountId: w.frontDesk.sipAccountId!, number: "200" }), "FORBIDDEN");
    // Nothing reached the intake: no request, and no refusal in the admins' list either.
    expect(await db.callbackRequest.count({ where: { tenantId: w.world.acme.tenant.id } })).toBe(1);
    expect(await db.callbackRefusal.count({ where: { tenantId: w.world.acme.tenant.id } })).toBe(0);
  });

  it("reads another company's line as NOT_FOUND and a fax account as INVALID", async () => {
    const w = await seedWorld();
    await expectTrpcError(w.admin.callbacks.clickToCall({ sipAccountId: w.globexLine.sipAccountId!, number: "200" }), "NOT_FOUND");
    await expectTrpcError(w.aliceCaller.callbacks.clickToCall({ sipAccountId: w.globexLine.sipAccountId!, number: "200" }), "NOT_FOUND");
    await expectTrpcError(w.admin.callbacks.clickToCall({ sipAccountId: w.fax.id, number: "200" }), "BAD_REQUEST");
    expect(await db.callbackRequest.count({ where: { tenantId: { in: [w.world.acme.tenant.id, w.world.globex.tenant.id] } } })).toBe(0);
  });

  it("turns the intake's refusals into errors that carry the refusal code, and records them", async () => {
    const w = await seedWorld();
    const premium = await rejection(w.aliceCaller.callbacks.clickToCall({ sipAccountId: w.aliceLine.sipAccountId!, number: PREMIUM_RATE }));
    expect(premium.code).toBe("BAD_REQUEST");
    expect(premium.cause).toMatchObject({ code: "INVALID", reason: "HIGH_RISK_NUMBER" });
    expect(premium.message).toMatch(/premium-rate/i);

    await db.tenant.update({ where: { id: w.world.acme.tenant.id }, data: { callbackMaxConcurrent: 1 } });
    await w.admin.callbacks.clickToCall({ sipAccountId: w.frontDesk.sipAccountId!, number: "201" });
    const busy = await rejection(w.admin.callbacks.clickToCall({ sipAccountId: w.frontDesk.sipAccountId!, number: "202" }));
    expect(busy.code).toBe("TOO_MANY_REQUESTS");
    expect(busy.cause).toMatchObject({ code: "LIMIT_EXCEEDED", reason: "CONCURRENCY_LIMIT" });

    const refusals = await w.admin.callbacks.refusals({});
    expect(refusals.items.map((r) => r.reason).sort()).toEqual(["CONCURRENCY_LIMIT", "HIGH_RISK_NUMBER"]);
    expect(refusals.items.find((r) => r.reason === "HIGH_RISK_NUMBER")).toMatchObject({ source: "PORTAL", count: 1, clientIp: "203.0.113.7", destination: PREMIUM_RATE });
    expect(await db.callbackRequest.count({ where: { tenantId: w.world.acme.tenant.id } })).toBe(1);
  });

  it("refuses numbers that are not one line of text before anything is submitted", async () => {
    const w = await seedWorld();
    await expectTrpcError(w.admin.callbacks.clickToCall({ sipAccountId: w.frontDesk.sipAccountId!, number: "201\n202" }), "BAD_REQUEST");
    await expectTrpcError(w.admin.callbacks.clickToCall({ sipAccountId: w.frontDesk.sipAccountId!, number: "  " }), "BAD_REQUEST");
    expect(await db.callbackRefusal.count({ where: { tenantId: w.world.acme.tenant.id } })).toBe(0);
  });
});

describe("[CALLBACKS] status, recent requests and refusals", () => {
  it("shows a request's status to its requester and the company's admins only", async () => {
    const w = await seedWorld();
    const started = await w.aliceCaller.callbacks.clickToCall({ sipAccountId: w.aliceLine.sipAccountId!, number: "200" });
    await db.callbackRequest.update({ where: { id: started.id }, data: { state: "FAILED", failureReason: "SECOND_BUSY", endedAt: new Date() } });
    expect(await w.aliceCaller.callbacks.status({ id: started.id })).toMatchObject({ state: "FAILED", failureReason: "SECOND_BUSY", message: "They were busy." });
    expect((await w.admin.callbacks.status({ id: started.id })).state).toBe("FAILED");
    await expectTrpcError(w.bobCaller.callbacks.status({ id: started.id }), "NOT_FOUND");
    await expectTrpcError(w.globexAdmin.callbacks.status({ id: started.id }), "NOT_FOUND");
  });

  it("lists admins the company's requests and extension users their own, in keyset pages", async () => {
    const w = await seedWorld();
    const a = await w.aliceCaller.callbacks.clickToCall({ sipAccountId: w.aliceLine.sipAccountId!, number: "200" });
    const b = await w.bobCaller.callbacks.clickToCall({ sipAccountId: w.bobLine.sipAccountId!, number: "200" });
    expect((await w.aliceCaller.callbacks.recent({})).items.map((r) => r.id)).toEqual([a.id]);
    const all = await w.admin.callbacks.recent({});
    expect(all.items.map((r) => r.id)).toEqual([b.id, a.id]);
    expect(all.items[1]).toMatchObject({ from: "Ext 201 (201)", to: "200", requestedBy: w.alice.name, source: "PORTAL" });
    expect(all.nextCursor).toBeNull();
    // 55 more rows (written directly: the intake would cap them) make a second page.
    await db.callbackRequest.createMany({
      data: Array.from({ length: 55 }, (_, i) => ({ tenantId: w.world.acme.tenant.id, source: "PORTAL" as const, dialled: "200", state: "COMPLETED" as const, createdAt: new Date(Date.now() - (i + 1) * 60_000) })),
    });
    const first = await w.admin.callbacks.recent({});
    expect(first.items).toHaveLength(50);
    const second = await w.admin.callbacks.recent({ cursor: first.nextCursor! });
    expect(second.items).toHaveLength(7);
    expect(second.nextCursor).toBeNull();
    expect(new Set([...first.items, ...second.items].map((r) => r.id)).size).toBe(57);
    await expectTrpcError(w.admin.callbacks.recent({ cursor: "not-a-cursor" }), "BAD_REQUEST");
  });

  it("keeps refusals to the company's admins, newest first", async () => {
    const w = await seedWorld();
    await expectTrpcError(w.aliceCaller.callbacks.refusals({}), "FORBIDDEN");
    expect(await w.admin.callbacks.refusals({})).toEqual({ items: [], nextCursor: null });
    const minute = new Date(Math.floor(Date.now() / 60_000) * 60_000);
    for (const [i, reason] of ["RATE_LIMITED", "ORIGIN_NOT_ALLOWED"].entries()) {
      await db.callbackRefusal.create({
        data: { tenantId: w.world.acme.tenant.id, source: "WIDGET", reason, detail: "x", dedupeKey: reason, minute, count: 3 + i, lastAt: new Date(Date.now() - (2 - i) * 1000), origin: "https://evil.example" },
      });
    }
    await db.callbackRefusal.create({ data: { tenantId: w.world.globex.tenant.id, source: "WIDGET", reason: "RATE_LIMITED", detail: "x", dedupeKey: "g", minute } });
    const list = await w.admin.callbacks.refusals({});
    expect(list.items.map((r) => [r.reason, r.count])).toEqual([["ORIGIN_NOT_ALLOWED", 4], ["RATE_LIMITED", 3]]);
  });
});
