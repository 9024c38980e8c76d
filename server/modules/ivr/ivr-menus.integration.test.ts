import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { expectTrpcError } from "@/tests/fixtures/procedures";
import { seedPrompt } from "@/tests/fixtures/seed-ivr-queues";
import { callerFor, seedPartner, seedTenant } from "@/tests/fixtures/seed-tenant";
import { seedDid, seedExtensions, type SeededExtension } from "@/tests/fixtures/seed-telephony";
import type { TCreateIvrMenuInput } from "./schema";

type Caller = Awaited<ReturnType<typeof callerFor>>;

let tenantId: string;
let admin: Caller;
let user: Caller;
let alice: SeededExtension;
let promptId: string;

const NO_PROMPTS = { intro: null, menu: null, invalid: null, timeout: null, postSelection: null, inactive: null };

const input = (overrides: Partial<TCreateIvrMenuInput> = {}): TCreateIvrMenuInput => ({
  name: "Main",
  prompts: NO_PROMPTS,
  activePeriod: null,
  inactiveAction: null,
  digitTimeoutSec: 5,
  maxRetries: 3,
  afterRetries: null,
  directDial: false,
  faxDestination: null,
  options: [{ digit: "1", destination: { kind: "extension", extensionId: alice.id } }],
  ...overrides,
});

async function refusal(promise: Promise<unknown>) {
  const err = await promise.then(() => null, (e: unknown) => e as { code: string; message: string; cause?: { fieldErrors?: Record<string, string> } });
  expect(err, "expected the call to be refused").not.toBeNull();
  return { code: err!.code, message: err!.message, fields: err!.cause?.fieldErrors ?? {} };
}

beforeAll(async () => {
  const { partner } = await seedPartner();
  const world = await seedTenant({ partnerId: partner.id, extensionUsers: 1 });
  tenantId = world.tenant.id;
  admin = await callerFor(world.admin.id);
  user = await callerFor(world.users[0]!.id);
  [alice] = (await seedExtensions(tenantId, 1)) as [SeededExtension];
  promptId = (await seedPrompt(tenantId, "welcome")).id;
});

describe("[IVR] customer admins build menus", () => {
  let mainId: string;
  let salesId: string;

  it("creates a menu with prompts, options in key order and an active period, audited", async () => {
    const period = { weekdays: [1, 2, 3, 4, 5], timeRanges: [{ start: "09:00", end: "17:00" }], dateRanges: [], holidays: "any" as const };
    const menu = await admin.ivrMenus.create(input({
      prompts: { ...NO_PROMPTS, intro: promptId, menu: promptId },
      activePeriod: period,
      inactiveAction: { kind: "voicemail", extensionId: null },
      options: [
        { digit: "#", destination: { kind: "voicemail", extensionId: alice.id } },
        { digit: "1", destination: { kind: "extension", extensionId: alice.id } },
      ],
    }));
    mainId = menu.id;
    expect(menu).toMatchObject({ name: "Main", prompts: { intro: promptId, menu: promptId, invalid: null }, activePeriod: period, inactiveAction: { kind: "voicemail", extensionId: null } });
    expect(menu.options.map((o) => o.digit)).toEqual(["1", "#"]);
    expect((await admin.ivrMenus.list()).map((m) => m.id)).toEqual([menu.id]);
    expect((await admin.ivrMenus.promptOptions()).map((p) => p.id)).toEqual([promptId]);
    expect(await db.auditLog.findFirstOrThrow({ where: { tenantId, action: "ivrMenu.create" } })).toMatchObject({ entityId: menu.id, details: { name: "Main", options: "1:extension, #:voicemail" } });
  });

  it("links menus both ways and lets a menu repeat itself when another key leaves", async () => {
    const sales = await admin.ivrMenus.create(input({ name: "Sales", options: [{ digit: "9", destination: { kind: "ivr", ivrMenuId: mainId } }, { digit: "1", destination: { kind: "extension", extensionId: alice.id } }] }));
    salesId = sales.id;
    const main = await admin.ivrMenus.update({ id: mainId, ...input({ options: [{ digit: "2", destination: { kind: "ivr", ivrMenuId: salesId } }, { digit: "0", destination: { kind: "ivr", ivrMenuId: mainId } }], afterRetries: { kind: "ivr", ivrMenuId: salesId } }) });
    expect(main.options.map((o) => [o.digit, o.destination.kind])).toEqual([["2", "ivr"], ["0", "ivr"]]);
  });

  it("refuses a loop no caller can leave, with the path, and changes nothing", async () => {
    const before = await admin.ivrMenus.find({ id: salesId });
    const trap = input({ name: "Sales", options: [{ digit: "9", destination: { kind: "ivr", ivrMenuId: mainId } }], afterRetries: { kind: "ivr", ivrMenuId: mainId } });
    const refused = await refusal(admin.ivrMenus.update({ id: salesId, ...trap }));
    expect(refused.code).toBe("BAD_REQUEST");
    expect(refused.message).toContain("Sales → Main → Sales");
    expect(refused.fields.options).toContain("Sales → Main → Sales");
    expect(await admin.ivrMenus.find({ id: salesId })).toEqual(before);
    // With direct dial on, callers can always dial a person: the same loop is fine.
    await expect(admin.ivrMenus.update({ id: salesId, ...trap, directDial: true })).resolves.toMatchObject({ directDial: true });
  });

  it("validates bounds, keys, prompts, fax and destinations, naming the field", async () => {
    expect((await refusal(admin.ivrMenus.create(input({ name: "T", digitTimeoutSec: 31 })))).code).toBe("BAD_REQUEST");
    expect((await refusal(admin.ivrMenus.create(input({ name: "T", maxRetries: -1 })))).code).toBe("BAD_REQUEST");
    const dup = [{ digit: "1" as const, destination: { kind: "extension" as const, extensionId: alice.id } }, { digit: "1" as const, destination: { kind: "voicemail" as const, extensionId: null } }];
    expect((await refusal(admin.ivrMenus.create(input({ name: "T", options: dup })))).code).toBe("BAD_REQUEST");
    expect(await refusal(admin.ivrMenus.create(input({ name: "T", prompts: { ...NO_PROMPTS, timeout: "c000000000000000000000000" } })))).toMatchObject({ code: "NOT_FOUND", fields: { "prompts.timeout": "That voice prompt does not exist." } });
    expect(await refusal(admin.ivrMenus.create(input({ name: "T", faxDestination: { kind: "fax", sipAccountId: alice.sipAccountId } })))).toMatchObject({ code: "NOT_FOUND", fields: { faxDestination: "That fax account does not exist." } });
    expect(await refusal(admin.ivrMenus.create(input({ name: "T", options: [{ digit: "5", destination: { kind: "queue", queueId: "c000000000000000000000000" } }] })))).toMatchObject({ code: "NOT_FOUND", fields: { "options.0.destination": "That call queue does not exist." } });
    expect(await refusal(admin.ivrMenus.create(input({ name: "Main" })))).toMatchObject({ code: "CONFLICT", fields: { name: "Another menu is already called Main." } });
    expect(await db.ivrMenu.count({ where: { tenantId } })).toBe(2);
  });

  it("lets a number ring a menu, and unroutes it when the menu is deleted", async () => {
    const did = await seedDid(tenantId, "+442071238101");
    const routed = await admin.numbers.setDestination({ didId: did.id, destination: { kind: "ivr", ivrMenuId: salesId } });
    expect(routed).toMatchObject({ destination: { kind: "ivr", ivrMenuId: salesId }, destinationLabel: "IVR menu Sales" });
    const groups = (await admin.numbers.destinations()).groups.map((g) => g.label);
    expect(groups).toContain("IVR menus");
    await admin.ivrMenus.delete({ id: salesId });
    expect(await db.did.findUniqueOrThrow({ where: { id: did.id } })).toMatchObject({ targetType: null, targetIvrMenuId: null });
    expect(await db.auditLog.findFirstOrThrow({ where: { tenantId, action: "ivrMenu.delete" } })).toMatchObject({ details: { name: "Sales", unroutedDids: 1 } });
    await expectTrpcError(admin.ivrMenus.find({ id: salesId }), "NOT_FOUND");
    // Main's options into the deleted menu now dangle, which never traps a caller.
    expect((await admin.ivrMenus.find({ id: mainId })).options).toHaveLength(2);
  });

  it("is for administrators only", async () => {
    await expectTrpcError(user.ivrMenus.list(), "FORBIDDEN");
    await expectTrpcError(user.ivrMenus.promptOptions(), "FORBIDDEN");
    await expectTrpcError(user.ivrMenus.create(input({ name: "Mine" })), "FORBIDDEN");
  });
});
