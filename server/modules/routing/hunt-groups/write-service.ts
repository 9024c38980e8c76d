/**
 * Creating, changing and deleting hunt groups. Every write checks its members and overflow
 * through the scoped client, keeps the number free of extensions' and other groups' numbers,
 * and runs in one transaction with its audit row and the NOTIFY that makes the worker reload
 * the dial plan: a refused member or overflow leaves the group as it was.
 */
import { regionOfCallingCode } from "@/components/format/phone-number";
import { Prisma } from "../../../generated/prisma/client";
import { AppError } from "../../../errors";
import type { TenantScope } from "../../../tenancy";
import { notifyDialPlanChanged } from "../../../telephony/dialplan/notify";
import { recordAudit, type Actor } from "../../audit/service";
import { assertNumberFree } from "../../numbering/service";
import { checkRoutingDestination } from "../destination-check";
import { LEAST_USED_TO_DB, STRATEGY_LABELS, STRATEGY_TO_DB } from "./domain";
import type { TCreateHuntGroupInput, TUpdateHuntGroupInput } from "./schema";
import { readHuntGroup, type HuntGroupView } from "./service";

type Tx = Parameters<Parameters<TenantScope["db"]["$transaction"]>[0]>[0];

/** Members must be the company's extensions; the field error names the first one that is not. */
async function checkMembers(tx: Tx, members: TCreateHuntGroupInput["members"]) {
  const found = await tx.extension.findMany({ where: { id: { in: members.map((m) => m.extensionId) } }, select: { id: true } });
  const known = new Set(found.map((e) => e.id));
  const missing = members.findIndex((m) => !known.has(m.extensionId));
  if (missing >= 0) {
    const message = "That extension does not exist.";
    throw new AppError("NOT_FOUND", message, { fieldErrors: { [`members.${missing}.extensionId`]: message } });
  }
}

/** The group's columns from the input, overflow checked (and external numbers stored as E.164). */
async function groupData(tx: Tx, tenantId: string, input: TCreateHuntGroupInput, selfHuntGroupId?: string) {
  await checkMembers(tx, input.members);
  let overflow: Prisma.InputJsonValue | typeof Prisma.DbNull = Prisma.DbNull;
  if (input.overflow) {
    const { countryCode } = await tx.tenant.findUniqueOrThrow({ where: { id: tenantId }, select: { countryCode: true } });
    const ctx = { db: tx, region: regionOfCallingCode(countryCode), field: "overflow", selfHuntGroupId };
    overflow = (await checkRoutingDestination(ctx, input.overflow)) as Prisma.InputJsonValue;
  }
  return {
    name: input.name,
    number: input.number,
    strategy: STRATEGY_TO_DB[input.strategy],
    leastUsedBy: LEAST_USED_TO_DB[input.leastUsedBy],
    ringSec: input.ringSec,
    allowCallWaiting: input.allowCallWaiting,
    overflow,
  };
}

async function writeMembers(tx: Tx, tenantId: string, huntGroupId: string, members: TCreateHuntGroupInput["members"]) {
  await tx.huntGroupMember.deleteMany({ where: { huntGroupId } });
  await tx.huntGroupMember.createMany({ data: members.map((m, position) => ({ tenantId, huntGroupId, position, extensionId: m.extensionId, ringSec: m.ringSec })) });
}

const auditDetails = (g: HuntGroupView) => ({
  number: g.number,
  name: g.name,
  strategy: STRATEGY_LABELS[g.strategy].toLowerCase(),
  ringSec: g.ringSec,
  members: g.members.map((m) => m.number).join(", "),
  overflow: g.overflow?.kind ?? null,
});

export async function createHuntGroup({ db, tenantId }: TenantScope, actor: Actor, input: TCreateHuntGroupInput): Promise<HuntGroupView> {
  return db.$transaction(async (tx) => {
    await assertNumberFree(tx, input.number);
    const created = await tx.huntGroup.create({ data: { tenantId, ...(await groupData(tx, tenantId, input)) }, select: { id: true } });
    await writeMembers(tx, tenantId, created.id, input.members);
    const group = await readHuntGroup(tx, created.id);
    await recordAudit(tx, actor, {
      action: "huntGroup.create", entityType: "HuntGroup", entityId: group.id, tenantId,
      details: { ...auditDetails(group), members: group.members.length },
    });
    await notifyDialPlanChanged(tx, tenantId);
    return group;
  });
}

/** Replaces everything about the group, members included; the round-robin cursor carries on. */
export async function updateHuntGroup({ db, tenantId }: TenantScope, actor: Actor, input: TUpdateHuntGroupInput): Promise<HuntGroupView> {
  return db.$transaction(async (tx) => {
    const before = await readHuntGroup(tx, input.id);
    await assertNumberFree(tx, input.number, { huntGroupId: input.id });
    await tx.huntGroup.update({ where: { id: input.id }, data: await groupData(tx, tenantId, input, input.id) });
    await writeMembers(tx, tenantId, input.id, input.members);
    const after = await readHuntGroup(tx, input.id);
    await recordAudit(tx, actor, {
      action: "huntGroup.update", entityType: "HuntGroup", entityId: input.id, tenantId,
      details: { before: auditDetails(before), after: auditDetails(after) },
    });
    await notifyDialPlanChanged(tx, tenantId);
    return after;
  });
}

/** Deletes the group; numbers that rang it ring nothing until the admin re-routes them. */
export async function deleteHuntGroup({ db, tenantId }: TenantScope, actor: Actor, id: string) {
  return db.$transaction(async (tx) => {
    const group = await readHuntGroup(tx, id);
    const { count: unroutedDids } = await tx.did.updateMany({ where: { targetHuntGroupId: id }, data: { targetType: null, targetHuntGroupId: null } });
    await tx.huntGroup.delete({ where: { id } });
    await recordAudit(tx, actor, {
      action: "huntGroup.delete", entityType: "HuntGroup", entityId: id, tenantId,
      details: { number: group.number, name: group.name, unroutedDids },
    });
    await notifyDialPlanChanged(tx, tenantId);
    return { id };
  });
}
