/**
 * Creating, changing and deleting call queues. Every write checks members, the hold prompt
 * and both exits through the scoped client, keeps the number free of extensions', hunt
 * groups' and other queues' numbers, and runs in one transaction with its audit row and the
 * NOTIFY that makes the worker reload the dial plan. Members keep their logged-in state across
 * edits: reordering a queue must not log anybody back in.
 */
import { regionOfCallingCode } from "@/components/format/phone-number";
import { Prisma } from "../../generated/prisma/client";
import { AppError } from "../../errors";
import type { TenantScope } from "../../tenancy";
import { notifyDialPlanChanged, notifyPresence } from "../../telephony/dialplan/notify";
import { recordAudit, type Actor } from "../audit/service";
import { assertNumberFree } from "../numbering/service";
import { LEAST_USED_TO_DB, STRATEGY_TO_DB } from "../routing/hunt-groups/domain";
import { checkRoutingDestination } from "../routing/destination-check";
import type { TRoutingDestination } from "../routing/stored";
import { WHEN_NO_MEMBERS_TO_DB } from "./domain";
import type { TCreateCallQueueInput, TUpdateCallQueueInput } from "./schema";
import { readCallQueue, type CallQueueView } from "./service";

type Tx = Parameters<Parameters<TenantScope["db"]["$transaction"]>[0]>[0];

const refuse = (code: "NOT_FOUND" | "INVALID", field: string, message: string) => new AppError(code, message, { fieldErrors: { [field]: message } });

async function checkMembers(tx: Tx, members: string[]) {
  const known = new Set((await tx.extension.findMany({ where: { id: { in: members } }, select: { id: true } })).map((e) => e.id));
  const missing = members.findIndex((id) => !known.has(id));
  if (missing >= 0) throw refuse("NOT_FOUND", `members.${missing}`, "That extension does not exist.");
}

/** The queue's columns from the input, every reference checked (external numbers stored as E.164). */
async function queueData(tx: Tx, tenantId: string, input: TCreateCallQueueInput, selfQueueId?: string) {
  await checkMembers(tx, input.members);
  if (input.holdPromptId && !(await tx.voicePrompt.findUnique({ where: { id: input.holdPromptId }, select: { id: true } }))) {
    throw refuse("NOT_FOUND", "holdPromptId", "That voice prompt does not exist.");
  }
  const { countryCode } = await tx.tenant.findUniqueOrThrow({ where: { id: tenantId }, select: { countryCode: true } });
  const region = regionOfCallingCode(countryCode);
  const json = async (field: string, d: TRoutingDestination | null) =>
    d ? ((await checkRoutingDestination({ db: tx, region, field, selfQueueId }, d)) as Prisma.InputJsonValue) : Prisma.DbNull;
  return {
    number: input.number,
    name: input.name,
    strategy: STRATEGY_TO_DB[input.strategy],
    leastUsedBy: LEAST_USED_TO_DB[input.leastUsedBy],
    memberRingSec: input.memberRingSec,
    retrySec: input.retrySec,
    maxWaitSec: input.maxWaitSec,
    timeoutDestination: await json("timeoutDestination", input.timeoutDestination),
    holdPromptId: input.holdPromptId,
    announcePosition: input.announcePosition,
    announceWaitTime: input.announceWaitTime,
    announceEverySec: input.announceEverySec,
    whenNoMembers: WHEN_NO_MEMBERS_TO_DB[input.whenNoMembers],
    // Only "leave" uses it; kept null otherwise so the stored row says what happens.
    noMembersDestination: input.whenNoMembers === "leave" ? await json("noMembersDestination", input.noMembersDestination) : Prisma.DbNull,
  };
}

/** Rewrites the members in order; a member already in the queue keeps its login state. */
async function writeMembers(tx: Tx, tenantId: string, queueId: string, members: string[]) {
  const existing = new Map((await tx.callQueueMember.findMany({ where: { queueId }, select: { extensionId: true, isLoggedIn: true, loginChangedAt: true } })).map((m) => [m.extensionId, m]));
  await tx.callQueueMember.deleteMany({ where: { queueId } });
  await tx.callQueueMember.createMany({
    data: members.map((extensionId, position) => {
      const kept = existing.get(extensionId);
      return { tenantId, queueId, extensionId, position, ...(kept ? { isLoggedIn: kept.isLoggedIn, loginChangedAt: kept.loginChangedAt } : {}) };
    }),
  });
}

const auditDetails = (q: CallQueueView) => ({
  number: q.number,
  name: q.name,
  strategy: q.strategy,
  maxWaitSec: q.maxWaitSec,
  members: q.members.map((m) => m.number).join(", "),
  timeout: q.timeoutDestination?.kind ?? null,
});

async function announce(tx: Tx, tenantId: string, queueId: string) {
  await notifyDialPlanChanged(tx, tenantId);
  await notifyPresence(tx, { tenantId, kind: "queue", queueId });
}

export async function createCallQueue({ db, tenantId }: TenantScope, actor: Actor, input: TCreateCallQueueInput): Promise<CallQueueView> {
  return db.$transaction(async (tx) => {
    await assertNumberFree(tx, input.number);
    const created = await tx.callQueue.create({ data: { tenantId, ...(await queueData(tx, tenantId, input)) }, select: { id: true } });
    await writeMembers(tx, tenantId, created.id, input.members);
    const queue = await readCallQueue(tx, created.id);
    await recordAudit(tx, actor, { action: "callQueue.create", entityType: "CallQueue", entityId: queue.id, tenantId, details: auditDetails(queue) });
    await announce(tx, tenantId, queue.id);
    return queue;
  });
}

/** Replaces everything about the queue, members included; the round-robin cursor carries on. */
export async function updateCallQueue({ db, tenantId }: TenantScope, actor: Actor, input: TUpdateCallQueueInput): Promise<CallQueueView> {
  return db.$transaction(async (tx) => {
    const before = await readCallQueue(tx, input.id);
    await assertNumberFree(tx, input.number, { queueId: input.id });
    await tx.callQueue.update({ where: { id: input.id }, data: await queueData(tx, tenantId, input, input.id) });
    await writeMembers(tx, tenantId, input.id, input.members);
    const after = await readCallQueue(tx, input.id);
    await recordAudit(tx, actor, {
      action: "callQueue.update", entityType: "CallQueue", entityId: input.id, tenantId,
      details: { before: auditDetails(before), after: auditDetails(after) },
    });
    await announce(tx, tenantId, input.id);
    return after;
  });
}

/** Deletes the queue; numbers that rang it ring nothing until the admin re-routes them. */
export async function deleteCallQueue({ db, tenantId }: TenantScope, actor: Actor, id: string) {
  return db.$transaction(async (tx) => {
    const queue = await readCallQueue(tx, id);
    const { count: unroutedDids } = await tx.did.updateMany({ where: { targetQueueId: id }, data: { targetType: null, targetQueueId: null } });
    await tx.callQueue.delete({ where: { id } });
    await recordAudit(tx, actor, { action: "callQueue.delete", entityType: "CallQueue", entityId: id, tenantId, details: { number: queue.number, name: queue.name, unroutedDids } });
    await announce(tx, tenantId, id);
    return { id };
  });
}
