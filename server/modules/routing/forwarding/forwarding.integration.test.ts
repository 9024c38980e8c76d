import pg from "pg";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { expectTrpcError } from "@/tests/fixtures/procedures";
import { callerFor, seedPartner, seedTenant } from "@/tests/fixtures/seed-tenant";
import { seedDid, seedExtensions, type SeededExtension } from "@/tests/fixtures/seed-telephony";
import type { TSaveForwardingInput } from "./schema";

type Caller = Awaited<ReturnType<typeof callerFor>>;

let tenantId: string;
let admin: Caller;
let owner: Caller;
let colleague: Caller;
let alice: SeededExtension;
let bob: SeededExtension;
let carol: SeededExtension;

const WEEKDAYS_9_TO_5 = { weekdays: [1, 2, 3, 4, 5], timeRanges: [{ start: "09:00", end: "17:00" }], dateRanges: [], holidays: "any" as const };

const baseInput = (extensionId: string): TSaveForwardingInput => ({
  extensionId,
  doNotDisturb: false,
  forwardAlways: null,
  forwardBusy: null,
  forwardNoAnswer: null,
  followMe: { isEnabled: false, strategy: "sequential", ringSelfFirstSec: null, steps: [] },
});

const followMe = (extensionId: string, steps: TSaveForwardingInput["followMe"]["steps"]): TSaveForwardingInput => ({
  ...baseInput(extensionId),
  followMe: { isEnabled: true, strategy: "sequential", ringSelfFirstSec: 10, steps },
});

/** The error's field messages, from AppError (service) or zod (schema). */
async function fieldErrorsOf(promise: Promise<unknown>) {
  const err = await promise.then(() => null, (e: unknown) => e as { cause?: { fieldErrors?: Record<string, string>; issues?: { path: (string | number)[] }[] } });
  expect(err, "expected the call to be refused").not.toBeNull();
  const cause = err!.cause;
  return { ...cause?.fieldErrors, ...Object.fromEntries((cause?.issues ?? []).map((i) => [i.path.join("."), "zod"])) };
}

/** Runs `act` while LISTENing on `channel`; NOTIFY is delivered on commit, so a rolled-back write is never heard. */
async function listenWhile<T>(channel: string, act: () => Promise<T>) {
  const listener = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await listener.connect();
  const payloads: string[] = [];
  listener.on("notification", (m) => payloads.push(m.payload ?? ""));
  await listener.query(`LISTEN ${channel}`);
  try {
    const result = await act();
    await new Promise((resolve) => setTimeout(resolve, 100));
    return { result, payloads };
  } finally {
    await listener.end();
  }
}

beforeAll(async () => {
  const { partner } = await seedPartner();
  const world = await seedTenant({ partnerId: partner.id, extensionUsers: 2 });
  tenantId = world.tenant.id;
  admin = await callerFor(world.admin.id);
  owner = await callerFor(world.users[0]!.id);
  colleague = await callerFor(world.users[1]!.id);
  [alice, bob, carol] = (await seedExtensions(tenantId, 3)) as [SeededExtension, SeededExtension, SeededExtension];
  await db.extension.update({ where: { id: alice.id }, data: { ownerUserId: world.users[0]!.id } });
  await db.extension.update({ where: { id: carol.id }, data: { voicemailEnabled: false } });
  await seedDid(tenantId, "+442071239001", alice.id);
});

describe("[FORWARDING] an extension's forwarding and follow-me", () => {
  it("reads an extension with nothing set", async () => {
    expect(await admin.forwarding.find({ extensionId: alice.id })).toMatchObject({
      extension: { id: alice.id, number: alice.number },
      doNotDisturb: false, forwardAlways: null, forwardBusy: null, forwardNoAnswer: null,
      followMe: { isEnabled: false, strategy: "sequential", ringSelfFirstSec: null, steps: [] },
    });
  });

  it("saves forwards and an ordered follow-me list, stores outside numbers as E.164, and reads them back", async () => {
    const saved = await admin.forwarding.save({
      ...followMe(alice.id, [
        { destination: { kind: "extension", extensionId: bob.id }, ringSec: 15, confirm: false, activePeriod: WEEKDAYS_9_TO_5 },
        { destination: { kind: "external", number: "07400 123456" }, ringSec: 25, confirm: true, activePeriod: null },
      ]),
      forwardBusy: { kind: "voicemail", extensionId: alice.id },
      forwardNoAnswer: { kind: "voicemail", extensionId: null },
    });
    expect(saved.forwardBusy).toEqual({ kind: "voicemail", extensionId: alice.id });
    expect(saved.followMe.steps.map((s) => [s.destination, s.ringSec, s.confirm])).toEqual([
      [{ kind: "extension", extensionId: bob.id }, 15, false],
      [{ kind: "external", number: "+447400123456" }, 25, true],
    ]);
    expect(saved.followMe.steps[0]!.activePeriod).toEqual(WEEKDAYS_9_TO_5);
    const again = await admin.forwarding.find({ extensionId: alice.id });
    expect(again.followMe).toEqual(saved.followMe);
    expect(await db.followMeStep.findMany({ where: { extensionId: alice.id }, orderBy: { position: "asc" }, select: { position: true } })).toEqual([{ position: 0 }, { position: 1 }]);
  });

  it("replaces the list on reorder, audits the save and tells the worker in the same transaction", async () => {
    const before = await admin.forwarding.find({ extensionId: alice.id });
    const reversed = [...before.followMe.steps].reverse().map(({ id: _id, ...step }) => step);
    const auditsBefore = await db.auditLog.count({ where: { tenantId, action: "forwarding.save" } });
    const heard = await listenWhile("dialplan_changed", () => admin.forwarding.save({ ...baseInput(alice.id), followMe: { ...before.followMe, steps: reversed } }));
    expect(heard.payloads).toEqual([tenantId]);
    const saved = heard.result;
    expect(saved.followMe.steps.map((s) => s.destination.kind)).toEqual(["external", "extension"]);
    expect(await db.followMeStep.count({ where: { extensionId: alice.id } })).toBe(2);
    const audit = await db.auditLog.findFirstOrThrow({ where: { tenantId, action: "forwarding.save" }, orderBy: { id: "desc" } });
    expect(await db.auditLog.count({ where: { tenantId, action: "forwarding.save" } })).toBe(auditsBefore + 1);
    expect(audit).toMatchObject({ entityType: "Extension", entityId: alice.id });
    expect((audit.details as { before: { forwardBusy: string }; after: { forwardBusy: null } }).after.forwardBusy).toBeNull();
  });

  it.each([
    ["itself", { kind: "extension" as const, extensionId: "" }, "followMe.steps.1.destination"],
    ["a voicemail box that is off", { kind: "voicemail" as const, extensionId: "" }, "followMe.steps.1.destination"],
    ["a premium-rate number", { kind: "external" as const, number: "09098 790000" }, "followMe.steps.1.destination"],
    ["one of the company's own numbers", { kind: "external" as const, number: "+442071239001" }, "followMe.steps.1.destination"],
    ["a hunt group that does not exist", { kind: "huntGroup" as const, huntGroupId: "c000000000000000000000000" }, "followMe.steps.1.destination"],
  ])("refuses a follow-me entry pointing at %s, naming the entry, and changes nothing", async (_what, unresolved, field) => {
    const destination = unresolved.kind === "extension" ? { ...unresolved, extensionId: alice.id } : unresolved.kind === "voicemail" ? { ...unresolved, extensionId: carol.id } : unresolved;
    const before = await admin.forwarding.find({ extensionId: alice.id });
    const input = followMe(alice.id, [
      { destination: { kind: "extension", extensionId: carol.id }, ringSec: 20, confirm: false, activePeriod: null },
      { destination, ringSec: 20, confirm: false, activePeriod: null },
    ]);
    const errors = await fieldErrorsOf(admin.forwarding.save({ ...input, doNotDisturb: true }));
    expect(Object.keys(errors)).toEqual([field]);
    expect(await admin.forwarding.find({ extensionId: alice.id })).toEqual(before);
  });

  it("refuses bad shapes before the database: press-1 on an extension, a 2-second ring, an empty list turned on", async () => {
    const step = { destination: { kind: "extension" as const, extensionId: bob.id }, ringSec: 20, confirm: false, activePeriod: null };
    expect(Object.keys(await fieldErrorsOf(admin.forwarding.save(followMe(alice.id, [{ ...step, confirm: true }]))))).toEqual(["followMe.steps.0.confirm"]);
    expect(Object.keys(await fieldErrorsOf(admin.forwarding.save(followMe(alice.id, [{ ...step, ringSec: 2 }]))))).toEqual(["followMe.steps.0.ringSec"]);
    expect(Object.keys(await fieldErrorsOf(admin.forwarding.save(followMe(alice.id, []))))).toEqual(["followMe.steps"]);
    const badPeriod = { ...WEEKDAYS_9_TO_5, timeRanges: [{ start: "25:00", end: "17:00" }] };
    expect(Object.keys(await fieldErrorsOf(admin.forwarding.save(followMe(alice.id, [{ ...step, activePeriod: badPeriod }]))))).toEqual(["followMe.steps.0.activePeriod.timeRanges.0.start"]);
  });

  it("refuses a forward to a disabled voicemail box on its field", async () => {
    const errors = await fieldErrorsOf(admin.forwarding.save({ ...baseInput(alice.id), forwardNoAnswer: { kind: "voicemail", extensionId: carol.id } }));
    expect(errors).toEqual({ forwardNoAnswer: "That extension has voicemail turned off." });
  });

  it("toggles do-not-disturb alone, audited", async () => {
    await owner.forwarding.setDoNotDisturb({ extensionId: alice.id, doNotDisturb: true });
    const after = await admin.forwarding.find({ extensionId: alice.id });
    expect(after.doNotDisturb).toBe(true);
    expect(after.followMe.steps).toHaveLength(2);
    expect(await db.auditLog.findFirstOrThrow({ where: { tenantId, action: "forwarding.setDoNotDisturb" }, orderBy: { id: "desc" } })).toMatchObject({ entityId: alice.id, details: { doNotDisturb: true } });
    await owner.forwarding.setDoNotDisturb({ extensionId: alice.id, doNotDisturb: false });
  });

  it("lets an extension user configure their own extension only (FORBIDDEN for a colleague's)", async () => {
    await expect(owner.forwarding.find({ extensionId: alice.id })).resolves.toMatchObject({ extension: { id: alice.id } });
    await owner.forwarding.save({ ...baseInput(alice.id), forwardBusy: { kind: "extension", extensionId: bob.id } });
    await expectTrpcError(colleague.forwarding.find({ extensionId: alice.id }), "FORBIDDEN");
    await expectTrpcError(colleague.forwarding.save(baseInput(alice.id)), "FORBIDDEN");
    await expectTrpcError(colleague.forwarding.setDoNotDisturb({ extensionId: alice.id, doNotDisturb: true }), "FORBIDDEN");
    await expectTrpcError(colleague.forwarding.destinations({ extensionId: alice.id }), "FORBIDDEN");
    expect((await admin.forwarding.find({ extensionId: alice.id })).doNotDisturb).toBe(false);
  });

  it("offers every destination kind but the extension itself", async () => {
    await db.huntGroup.create({ data: { tenantId, number: "600", name: "Sales" } });
    const { groups, isExternalAllowed } = await owner.forwarding.destinations({ extensionId: alice.id });
    expect(groups.map((g) => g.kind)).toEqual(["extension", "voicemail", "huntGroup"]);
    expect(groups[0]!.options.map((o) => o.value)).toEqual([bob.id, carol.id]);
    expect(isExternalAllowed).toBe(true);
  });
});
