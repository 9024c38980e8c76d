/**
 * The dial-plan loader reads IVR menus (options, prompts as playable URIs, hours, exits),
 * call queues (members by position with their login state, hold prompt, exits), numbers and
 * stored destinations pointing at menus and queues, and each extension's recording policy;
 * another company's rows never appear, and a prompt that cannot be played is left out.
 */
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { tenantFileKey } from "@/server/media/storage/tenant-file-key";
import { seedPartner, seedTenant } from "@/tests/fixtures/seed-tenant";
import { seedDid, seedExtensions, type SeededExtension } from "@/tests/fixtures/seed-telephony";
import { OFFICE_HOURS } from "@/tests/fixtures/seed-routing";
import { compileDialPlan, routeCall } from "../engine";
import { createLogger } from "../log";
import { loadTenantDialPlan } from "./load-dial-plan";
import { BUILT_IN_RECORDING_NOTICE } from "./load-media-config";

const MEDIA_DIR = "/var/lib/centrex/media";
const logs: Record<string, unknown>[] = [];
const log = createLogger({ write: (line) => logs.push(JSON.parse(line) as Record<string, unknown>) });

let tenantId: string;
let otherId: string;
let alice: SeededExtension;
let bob: SeededExtension;
let mainId: string;
let salesId: string;
let queueId: string;
const prompts: Record<string, string> = {};
const load = (mediaDir: string | null = MEDIA_DIR) => loadTenantDialPlan(db, tenantId, { trunk: "trunk", log, ...(mediaDir ? { mediaDir } : {}) });
const uri = (tenant: string, promptId: string) => `sound:${MEDIA_DIR}/${tenant}/prompts/${promptId}`;

async function seedPrompt(tenant: string, name: string) {
  const row = await db.voicePrompt.create({ data: { tenantId: tenant, name, source: "TTS", originalType: "tts", ttsText: name, durationMs: 900, sizeBytes: 14_444, fileKey: `pending-${tenant}-${name}` } });
  return db.voicePrompt.update({ where: { id: row.id }, data: { fileKey: tenantFileKey({ tenantId: tenant, kind: "prompts", fileId: row.id, ext: "wav" }) } });
}

beforeAll(async () => {
  const { partner } = await seedPartner();
  tenantId = (await seedTenant({ partnerId: partner.id, extensionUsers: 0 })).tenant.id;
  otherId = (await seedTenant({ partnerId: partner.id, extensionUsers: 0 })).tenant.id;
  [alice, bob] = (await seedExtensions(tenantId, 2)) as [SeededExtension, SeededExtension];
  const [stranger] = await seedExtensions(otherId, 1, { firstNumber: 301 });
  for (const name of ["welcome", "options", "invalid", "hold", "recorded"]) prompts[name] = (await seedPrompt(tenantId, name)).id;
  const foreignPrompt = await seedPrompt(otherId, "foreign");

  const queue = await db.callQueue.create({
    data: {
      tenantId, number: "700", name: "Support", strategy: "ROUND_ROBIN", memberRingSec: 12, retrySec: 0, maxWaitSec: 120, holdPromptId: prompts.hold,
      timeoutDestination: { kind: "voicemail", extensionId: alice.id }, whenNoMembers: "LEAVE", noMembersDestination: { kind: "extension", extensionId: bob.id },
    },
  });
  queueId = queue.id;
  // Written out of position order, so only ordering by position gives [bob, alice].
  await db.callQueueMember.create({ data: { tenantId, queueId, extensionId: alice.id, position: 2, isLoggedIn: false } });
  await db.callQueueMember.create({ data: { tenantId, queueId, extensionId: bob.id, position: 1 } });

  salesId = (await db.ivrMenu.create({ data: { tenantId, name: "Sales" } })).id;
  const main = await db.ivrMenu.create({
    data: {
      tenantId, name: "Main", introPromptId: prompts.welcome, menuPromptId: prompts.options, invalidPromptId: prompts.invalid, digitTimeoutSec: 6, maxRetries: 2,
      activePeriod: OFFICE_HOURS, inactiveAction: { kind: "voicemail", extensionId: null }, afterRetries: { kind: "queue", queueId }, directDial: true,
      faxDestination: { kind: "nonsense" },
    },
  });
  mainId = main.id;
  await db.ivrOption.createMany({ data: [
    { tenantId, ivrMenuId: mainId, digit: "2", destination: { kind: "queue", queueId } },
    { tenantId, ivrMenuId: mainId, digit: "1", destination: { kind: "ivr", ivrMenuId: salesId } },
    { tenantId, ivrMenuId: mainId, digit: "#", destination: { kind: "external", number: "+447700900123" } },
    { tenantId, ivrMenuId: mainId, digit: "9", destination: { kind: "bogus" } },
  ] });
  await db.ivrOption.create({ data: { tenantId, ivrMenuId: salesId, digit: "0", destination: { kind: "ivr", ivrMenuId: mainId } } });

  const menuDid = await seedDid(tenantId, "+441632960701");
  await db.did.update({ where: { id: menuDid.id }, data: { targetType: "IVR", targetIvrMenuId: mainId } });
  const queueDid = await seedDid(tenantId, "+441632960702");
  await db.did.update({ where: { id: queueDid.id }, data: { targetType: "QUEUE", targetQueueId: queueId } });
  await db.extension.update({ where: { id: bob.id }, data: { forwardNoAnswer: { kind: "ivr", ivrMenuId: mainId } } });
  await db.sipAccount.update({ where: { id: alice.sipAccountId }, data: { recordIncomingExternal: true, recordOutgoingInternal: true, recordAnnouncement: true, recordAnnouncementPromptId: prompts.recorded } });
  await db.sipAccount.update({ where: { id: bob.sipAccountId }, data: { recordIncomingInternal: true, recordAnnouncement: true } });

  // Another company's menu and queue, with a prompt of its own: none of it may show up.
  await db.ivrMenu.create({ data: { tenantId: otherId, name: "Theirs", introPromptId: foreignPrompt.id } });
  await db.callQueue.create({ data: { tenantId: otherId, number: "700", name: "Their queue", members: { create: [{ tenantId: otherId, extensionId: stranger!.id, position: 0 }] } } });
});

describe("[IVR] dial-plan loader", () => {
  it("reads menus with options in key order, prompts as sound: URIs, hours and exits", async () => {
    const plan = await load();
    expect(plan.ivrMenus?.map((m) => m.name).sort()).toEqual(["Main", "Sales"]);
    const main = plan.ivrMenus!.find((m) => m.id === mainId)!;
    expect(main).toEqual({
      id: mainId, name: "Main",
      prompts: { intro: [uri(tenantId, prompts.welcome!)], menu: [uri(tenantId, prompts.options!)], invalid: [uri(tenantId, prompts.invalid!)], timeout: [], postSelection: [], inactive: [] },
      activePeriod: OFFICE_HOURS, inactiveAction: { kind: "voicemail", mailbox: `general@${tenantId}` },
      digitTimeoutSec: 6, maxRetries: 2, afterRetries: { kind: "queue", queueId }, directDial: true,
      fax: null,
      options: [
        { digit: "#", destination: { kind: "external", number: "+447700900123" } },
        { digit: "1", destination: { kind: "ivr", ivrMenuId: salesId } },
        { digit: "2", destination: { kind: "queue", queueId } },
      ],
    });
    expect(logs).toContainEqual(expect.objectContaining({ table: "IvrOption", column: "destination", tenantId }));
    expect(logs).toContainEqual(expect.objectContaining({ table: "IvrMenu", id: mainId, column: "faxDestination" }));
  });

  it("reads queues with members by position and their login state, the hold prompt and exits", async () => {
    const plan = await load();
    expect(plan.queues).toEqual([{
      id: queueId, number: "700", name: "Support", strategy: "roundRobin", leastUsedBy: "longestIdle",
      members: [{ extensionId: bob.id, isLoggedIn: true }, { extensionId: alice.id, isLoggedIn: false }],
      memberRingSec: 12, retrySec: 0, maxWaitSec: 120, onTimeout: { kind: "voicemail", mailbox: `201@${tenantId}` },
      holdMedia: [uri(tenantId, prompts.hold!)], announcePosition: true, announceWaitTime: true, announceEverySec: 60,
      whenNoMembers: "leave", noMembersDestination: { kind: "extension", extensionId: bob.id },
    }]);
  });

  it("routes numbers and stored destinations to menus and queues", async () => {
    const plan = await load();
    expect(plan.dids.find((d) => d.number === "+441632960701")?.target).toEqual({ kind: "ivr", ivrMenuId: mainId });
    expect(plan.dids.find((d) => d.number === "+441632960702")?.target).toEqual({ kind: "queue", queueId });
    expect(plan.extensions.find((e) => e.id === bob.id)?.forwarding?.noAnswer).toEqual({ kind: "ivr", ivrMenuId: mainId });
    const compiled = compileDialPlan(plan);
    const call = routeCall(compiled, { source: { kind: "trunk" }, dialled: "+441632960702", callerId: { number: "+442079460000", name: null } }, new Date("2027-01-04T10:00:00Z"));
    expect(call.steps[0]).toMatchObject({ type: "queue", queueId, holdMedia: [uri(tenantId, prompts.hold!)] });
  });

  it("reads each extension's recording policy, with the company's announcement or the built-in notice", async () => {
    const plan = await load();
    expect(plan.extensions.find((e) => e.id === alice.id)?.recording).toEqual({
      incomingExternal: true, incomingInternal: false, outgoingExternal: false, outgoingInternal: true, announcement: [uri(tenantId, prompts.recorded!)],
    });
    expect(plan.extensions.find((e) => e.id === bob.id)?.recording).toEqual({
      incomingExternal: false, incomingInternal: true, outgoingExternal: false, outgoingInternal: false, announcement: [BUILT_IN_RECORDING_NOTICE],
    });
  });

  it("never carries another company's menus, queues or prompts", async () => {
    const plan = await load();
    const text = JSON.stringify(plan);
    expect(text).not.toContain(otherId);
    expect(plan.queues).toHaveLength(1);
    expect(plan.ivrMenus?.every((m) => m.name !== "Theirs")).toBe(true);
  });

  it("without a media folder leaves prompts out and says so; a relative folder is refused", async () => {
    const before = logs.length;
    const plan = await load(null);
    expect(plan.ivrMenus!.find((m) => m.id === mainId)!.prompts.intro).toEqual([]);
    // The announcement is still made: the built-in notice stands in for a prompt that cannot play.
    expect(plan.extensions.find((e) => e.id === alice.id)?.recording?.announcement).toEqual([BUILT_IN_RECORDING_NOTICE]);
    expect(logs.slice(before)).toContainEqual(expect.objectContaining({ msg: "voice prompt cannot be played; left out", table: "IvrMenu", column: "introPromptId" }));
    await expect(load(path.join("relative", "media"))).rejects.toThrow(/absolute path/);
  });

  it("fetches each prompt it hands out into the media folder first (S3), and loads on when one fetch fails", async () => {
    const asked: string[] = [];
    const before = logs.length;
    const plan = await loadTenantDialPlan(db, tenantId, {
      trunk: "trunk", log, mediaDir: MEDIA_DIR,
      ensurePromptFile: async (fileKey) => {
        asked.push(fileKey);
        if (fileKey.includes(prompts.invalid!)) throw new Error("bucket unreachable");
      },
    });
    const main = plan.ivrMenus!.find((m) => m.id === mainId)!;
    const played = [...main.prompts.intro, ...main.prompts.menu, ...main.prompts.invalid];
    // Every prompt handed to Asterisk was asked for once, and only this company's.
    for (const media of played) expect(asked.some((key) => media.endsWith(key.replace(/\.wav$/, "")))).toBe(true);
    expect(new Set(asked).size).toBe(asked.length);
    expect(asked.every((key) => key.startsWith(`${tenantId}/prompts/`))).toBe(true);
    expect(logs.slice(before)).toContainEqual(expect.objectContaining({ msg: "voice prompt file could not be fetched to the media folder", reason: "bucket unreachable" }));
  });
});
