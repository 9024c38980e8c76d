/**
 * The company's speed dials: admins manage them, everyone may list them (phones dial them).
 * A code is checked against the company's numbers (domain.ts) and the target is stored
 * resolved: E.164 for a phone number, or an internal number that exists now. Each change
 * tells the worker (dialplan_changed) in its transaction, so the next call already uses it.
 */
import { AppError } from "../../errors";
import type { TenantDb, TenantScope } from "../../tenancy";
import { emergencyNumbersFor } from "../../telephony/dialplan/emergency-numbers";
import { notifyDialPlanChanged } from "../../telephony/dialplan/notify";
import { recordAudit, type Actor } from "../audit/service";
import { toCompanyE164 } from "../phone-book/company-number";
import { speedDialCodeProblem, type NumberSpace } from "./domain";
import type { TCreateSpeedDialInput, TUpdateSpeedDialInput } from "./schema";

type Tx = Pick<TenantDb, "tenant" | "extension" | "huntGroup" | "callQueue" | "speedDial">;
const speedDialSelect = { id: true, code: true, number: true, label: true } as const;

const invalid = (field: "code" | "number", message: string) => new AppError("INVALID", message, { fieldErrors: { [field]: message } });

export function findSpeedDials({ db }: TenantScope) {
  return db.speedDial.findMany({ select: speedDialSelect, orderBy: { code: "asc" } });
}

async function numberSpace(tx: Tx, tenantId: string): Promise<NumberSpace & { countryCode: string }> {
  const [tenant, extensions, huntGroups, queues] = await Promise.all([
    tx.tenant.findUniqueOrThrow({ where: { id: tenantId }, select: { countryCode: true } }),
    tx.extension.findMany({ select: { number: true, displayName: true } }),
    tx.huntGroup.findMany({ select: { number: true, name: true } }),
    tx.callQueue.findMany({ select: { number: true, name: true } }),
  ]);
  return {
    countryCode: tenant.countryCode,
    emergencyNumbers: emergencyNumbersFor(tenant.countryCode),
    internal: [
      ...extensions.map((e) => ({ number: e.number, title: `extension ${e.number} (${e.displayName})` })),
      ...huntGroups.map((g) => ({ number: g.number, title: `hunt group ${g.number} (${g.name})` })),
      ...queues.map((q) => ({ number: q.number, title: `call queue ${q.number} (${q.name})` })),
    ],
  };
}

/** The stored target: an internal number as it is, else E.164; throws INVALID for anything else. */
async function resolveTarget(tx: Tx, space: Awaited<ReturnType<typeof numberSpace>>, written: string, ownId?: string): Promise<string> {
  const digits = written.replace(/[\s-]/g, "");
  if (space.internal.some((n) => n.number === digits)) return digits;
  const other = await tx.speedDial.findFirst({ where: { code: digits, ...(ownId ? { id: { not: ownId } } : {}) }, select: { code: true } });
  if (other) throw invalid("number", `${digits} is another speed dial; dial its number instead.`);
  const e164 = toCompanyE164(written, space.countryCode);
  if (e164) return e164;
  throw invalid("number", /^[0-9*#]{1,6}$/.test(digits) ? `No extension, hunt group or call queue has the number ${digits}.` : "Enter a valid phone number, or an extension, hunt group or queue number.");
}

async function checkedData(tx: Tx, tenantId: string, input: TCreateSpeedDialInput, ownId?: string) {
  const space = await numberSpace(tx, tenantId);
  const problem = speedDialCodeProblem(input.code, space);
  if (problem) throw invalid("code", problem);
  const clash = await tx.speedDial.findFirst({ where: { code: input.code, ...(ownId ? { id: { not: ownId } } : {}) }, select: { label: true } });
  if (clash) throw new AppError("CONFLICT", `Speed dial ${input.code} (${clash.label}) already exists.`, { fieldErrors: { code: `Speed dial ${input.code} already exists.` } });
  return { code: input.code, label: input.label, number: await resolveTarget(tx, space, input.number, ownId) };
}

export async function createSpeedDial({ db, tenantId }: TenantScope, actor: Actor, input: TCreateSpeedDialInput) {
  return db.$transaction(async (tx) => {
    const data = await checkedData(tx, tenantId, input);
    const created = await tx.speedDial.create({ data: { tenantId, ...data }, select: speedDialSelect });
    await recordAudit(tx, actor, { action: "routing.speedDial.create", entityType: "SpeedDial", entityId: created.id, tenantId, details: data });
    await notifyDialPlanChanged(tx, tenantId);
    return created;
  });
}

export async function updateSpeedDial({ db, tenantId }: TenantScope, actor: Actor, input: TUpdateSpeedDialInput) {
  return db.$transaction(async (tx) => {
    const before = await tx.speedDial.findUnique({ where: { id: input.id }, select: speedDialSelect });
    if (!before) throw new AppError("NOT_FOUND", "That speed dial does not exist.");
    const data = await checkedData(tx, tenantId, input, input.id);
    const updated = await tx.speedDial.update({ where: { id: input.id }, data, select: speedDialSelect });
    await recordAudit(tx, actor, { action: "routing.speedDial.update", entityType: "SpeedDial", entityId: input.id, tenantId, details: data });
    await notifyDialPlanChanged(tx, tenantId);
    return updated;
  });
}

export async function deleteSpeedDial({ db, tenantId }: TenantScope, actor: Actor, id: string) {
  return db.$transaction(async (tx) => {
    const found = await tx.speedDial.findUnique({ where: { id }, select: speedDialSelect });
    if (!found) throw new AppError("NOT_FOUND", "That speed dial does not exist.");
    await tx.speedDial.delete({ where: { id } });
    await recordAudit(tx, actor, { action: "routing.speedDial.delete", entityType: "SpeedDial", entityId: id, tenantId, details: { code: found.code, label: found.label } });
    await notifyDialPlanChanged(tx, tenantId);
    return { id };
  });
}
