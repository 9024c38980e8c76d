/**
 * The company's block list as the portal edits it: exact E.164 numbers (what "block this
 * caller" on a recent call adds). Prefix rules are read by the engine too, and listed here.
 * Every change tells the worker (dialplan_changed) in the same transaction, so the next call
 * from that number is already refused.
 */
import { AppError } from "../../errors";
import type { TenantScope } from "../../tenancy";
import { notifyDialPlanChanged } from "../../telephony/dialplan/notify";
import { recordAudit, type Actor } from "../audit/service";
import { companyCallingCode, toCompanyE164 } from "../phone-book/company-number";
import type { TBlockNumberInput } from "./schema";

const blockedSelect = { id: true, pattern: true, isPrefix: true, note: true, createdAt: true } as const;

export function findBlockedNumbers({ db }: TenantScope) {
  return db.blockedNumber.findMany({ select: blockedSelect, orderBy: [{ createdAt: "desc" }, { id: "desc" }] });
}

/** Throws INVALID for what is not a phone number ("anonymous", an extension), CONFLICT when already blocked. */
export async function blockNumber(scope: TenantScope, actor: Actor, input: TBlockNumberInput) {
  const { db, tenantId } = scope;
  const e164 = toCompanyE164(input.number, await companyCallingCode(scope));
  if (!e164) {
    const message = "Only a phone number can be blocked; this caller withheld theirs or it is not a valid number.";
    throw new AppError("INVALID", message, { fieldErrors: { number: message } });
  }
  return db.$transaction(async (tx) => {
    const existing = await tx.blockedNumber.findFirst({ where: { pattern: e164, isPrefix: false }, select: { id: true } });
    if (existing) throw new AppError("CONFLICT", `${e164} is already blocked.`);
    const created = await tx.blockedNumber.create({ data: { tenantId, pattern: e164, isPrefix: false, note: input.note || null }, select: blockedSelect });
    await recordAudit(tx, actor, { action: "routing.blockList.add", entityType: "BlockedNumber", entityId: created.id, tenantId, details: { number: e164 } });
    await notifyDialPlanChanged(tx, tenantId);
    return created;
  });
}

export async function unblockNumber({ db, tenantId }: TenantScope, actor: Actor, id: string) {
  return db.$transaction(async (tx) => {
    const found = await tx.blockedNumber.findUnique({ where: { id }, select: blockedSelect });
    if (!found) throw new AppError("NOT_FOUND", "That block does not exist.");
    await tx.blockedNumber.delete({ where: { id } });
    await recordAudit(tx, actor, { action: "routing.blockList.remove", entityType: "BlockedNumber", entityId: id, tenantId, details: { number: found.pattern } });
    await notifyDialPlanChanged(tx, tenantId);
    return { id };
  });
}
