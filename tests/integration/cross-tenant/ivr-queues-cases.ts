/** Cross-tenant cases of the ivr-queues procedures (issue 12); spread into cross-tenant.integration.test.ts. */
import { randomUUID } from "node:crypto";
import { expect } from "vitest";
import { db } from "@/server/db";
import { expectTrpcError } from "../../fixtures/procedures";
import { seedMenu, seedPrompt, seedQueue } from "../../fixtures/seed-ivr-queues";
import type { Case, World } from "./case-types";

const NO_PROMPTS = { intro: null, menu: null, invalid: null, timeout: null, postSelection: null, inactive: null };
const menuInput = (name: string) => ({
  name, prompts: NO_PROMPTS, activePeriod: null, inactiveAction: null, digitTimeoutSec: 5, maxRetries: 3, afterRetries: null, directDial: false, faxDestination: null, options: [],
});
const queueInput = (number: string) => ({
  name: `Queue ${number}`, number, strategy: "ringAll" as const, leastUsedBy: "longestIdle" as const, memberRingSec: 15, retrySec: 5, maxWaitSec: 300, timeoutDestination: null,
  holdPromptId: null, announcePosition: true, announceWaitTime: true, announceEverySec: 60, whenNoMembers: "wait" as const, noMembersDestination: null, members: [] as string[],
});

/** A Globex extension with a line, made directly. */
async function globexExtension({ globex }: World, number: string) {
  const sip = await db.sipAccount.create({ data: { tenantId: globex.tenant.id, username: `g-${randomUUID().slice(0, 10)}`, authMd5: "0".repeat(32) } });
  return db.extension.create({ data: { tenantId: globex.tenant.id, number, displayName: `Globex ${number}`, sipAccountId: sip.id } });
}
const globexMenu = ({ globex }: World, name: string) => seedMenu(globex.tenant.id, name);
const globexQueue = ({ globex }: World, number: string, members: string[] = []) => seedQueue(globex.tenant.id, number, members);

export const IVR_QUEUE_CASES: Record<string, Case> = {
  "ivrMenus.list": async (acme, world) => {
    const theirs = await globexMenu(world, "Globex list");
    expect((await acme.ivrMenus.list()).map((m) => m.id)).not.toContain(theirs.id);
  },
  "ivrMenus.find": async (acme, world) => expectTrpcError(acme.ivrMenus.find({ id: (await globexMenu(world, "Globex find")).id }), "NOT_FOUND"),
  "ivrMenus.promptOptions": async (acme, world) => {
    const theirs = await seedPrompt(world.globex.tenant.id, "Globex IVR welcome");
    expect((await acme.ivrMenus.promptOptions()).map((p) => p.id)).not.toContain(theirs.id);
  },
  "ivrMenus.create": async (acme, world) => {
    // Globex's prompt, menu and queue cannot be used; Globex's menu name does not block Acme's.
    const prompt = await seedPrompt(world.globex.tenant.id, "Globex intro");
    const menu = await globexMenu(world, "Shared name");
    const queue = await globexQueue(world, "760");
    await expectTrpcError(acme.ivrMenus.create({ ...menuInput("Shared name"), prompts: { ...NO_PROMPTS, intro: prompt.id } }), "NOT_FOUND");
    await expectTrpcError(acme.ivrMenus.create({ ...menuInput("Shared name"), options: [{ digit: "1", destination: { kind: "ivr", ivrMenuId: menu.id } }] }), "NOT_FOUND");
    await expectTrpcError(acme.ivrMenus.create({ ...menuInput("Shared name"), afterRetries: { kind: "queue", queueId: queue.id } }), "NOT_FOUND");
    expect(await db.ivrMenu.count({ where: { tenantId: world.acme.tenant.id, name: "Shared name" } })).toBe(0);
    const created = await acme.ivrMenus.create(menuInput("Shared name"));
    expect((await db.ivrMenu.findUniqueOrThrow({ where: { id: created.id } })).tenantId).toBe(world.acme.tenant.id);
  },
  "ivrMenus.update": async (acme, world) => {
    const theirs = await globexMenu(world, "Globex update");
    await expectTrpcError(acme.ivrMenus.update({ id: theirs.id, ...menuInput("Hijacked") }), "NOT_FOUND");
    expect((await db.ivrMenu.findUniqueOrThrow({ where: { id: theirs.id } })).name).toBe("Globex update");
  },
  "ivrMenus.delete": async (acme, world) => {
    const theirs = await globexMenu(world, "Globex delete");
    await expectTrpcError(acme.ivrMenus.delete({ id: theirs.id }), "NOT_FOUND");
    expect(await db.ivrMenu.count({ where: { id: theirs.id } })).toBe(1);
  },
  "callQueues.list": async (acme, world) => {
    const theirs = await globexQueue(world, "761");
    expect((await acme.callQueues.list()).map((q) => q.id)).not.toContain(theirs.id);
  },
  "callQueues.find": async (acme, world) => expectTrpcError(acme.callQueues.find({ id: (await globexQueue(world, "762")).id }), "NOT_FOUND"),
  "callQueues.memberOptions": async (acme, world) => {
    const theirs = await globexExtension(world, "563");
    expect((await acme.callQueues.memberOptions()).map((o) => o.id)).not.toContain(theirs.id);
  },
  "callQueues.create": async (acme, world) => {
    // Globex's extension, prompt and queue cannot be used; Globex's number 764 does not block Acme's.
    const member = await globexExtension(world, "564");
    const prompt = await seedPrompt(world.globex.tenant.id, "Globex hold");
    const queue = await globexQueue(world, "764");
    await expectTrpcError(acme.callQueues.create({ ...queueInput("764"), members: [member.id] }), "NOT_FOUND");
    await expectTrpcError(acme.callQueues.create({ ...queueInput("764"), holdPromptId: prompt.id }), "NOT_FOUND");
    await expectTrpcError(acme.callQueues.create({ ...queueInput("764"), timeoutDestination: { kind: "queue", queueId: queue.id } }), "NOT_FOUND");
    expect(await db.callQueue.count({ where: { tenantId: world.acme.tenant.id, number: "764" } })).toBe(0);
    const created = await acme.callQueues.create(queueInput("764"));
    expect((await db.callQueue.findUniqueOrThrow({ where: { id: created.id } })).tenantId).toBe(world.acme.tenant.id);
  },
  "callQueues.update": async (acme, world) => {
    const theirs = await globexQueue(world, "765");
    await expectTrpcError(acme.callQueues.update({ id: theirs.id, ...queueInput("765"), name: "Hijacked" }), "NOT_FOUND");
    expect((await db.callQueue.findUniqueOrThrow({ where: { id: theirs.id } })).name).toBe("Queue 765");
  },
  "callQueues.delete": async (acme, world) => {
    const theirs = await globexQueue(world, "766");
    await expectTrpcError(acme.callQueues.delete({ id: theirs.id }), "NOT_FOUND");
    expect(await db.callQueue.count({ where: { id: theirs.id } })).toBe(1);
  },
  "callQueues.live": async (acme, world) => {
    const theirs = await globexQueue(world, "767");
    expect((await acme.callQueues.live()).map((q) => q.id)).not.toContain(theirs.id);
  },
  "callQueues.setMemberLogin": async (acme, world) => {
    const member = await globexExtension(world, "568");
    const theirs = await globexQueue(world, "768", [member.id]);
    await expectTrpcError(acme.callQueues.setMemberLogin({ queueId: theirs.id, extensionId: member.id, isLoggedIn: false }), "NOT_FOUND");
    expect((await db.callQueueMember.findFirstOrThrow({ where: { queueId: theirs.id } })).isLoggedIn).toBe(true);
  },
};
