/**
 * The company's holidays and closure days, which rules' "holidays" filter reads. Each change
 * is audited and tells the worker in the same transaction (rules read the list at call time).
 * Dates are calendar dates in the company's own time zone, stored as DATE.
 */
import { AppError } from "../../../errors";
import type { TenantScope } from "../../../tenancy";
import { notifyDialPlanChanged } from "../../../telephony/dialplan/notify";
import { recordAudit, type Actor } from "../../audit/service";
import type { TAddHolidayInput } from "./schema";

const toView = (row: { id: string; date: Date; name: string }) => ({ id: row.id, date: row.date.toISOString().slice(0, 10), name: row.name });
export type HolidayView = ReturnType<typeof toView>;

/** By date, oldest first. */
export async function findHolidays({ db }: TenantScope): Promise<HolidayView[]> {
  const rows = await db.holiday.findMany({ orderBy: { date: "asc" }, select: { id: true, date: true, name: true } });
  return rows.map(toView);
}

/** Throws CONFLICT (field "date") when the company already has a holiday that day. */
export async function addHoliday({ db, tenantId }: TenantScope, actor: Actor, input: TAddHolidayInput): Promise<HolidayView> {
  return db.$transaction(async (tx) => {
    const date = new Date(`${input.date}T00:00:00Z`);
    const existing = await tx.holiday.findFirst({ where: { date }, select: { name: true } });
    if (existing) throw new AppError("CONFLICT", `${input.date} is already on the list as “${existing.name}”.`, { fieldErrors: { date: "This day is already a holiday." } });
    const row = await tx.holiday.create({ data: { tenantId, date, name: input.name }, select: { id: true, date: true, name: true } });
    await recordAudit(tx, actor, { action: "routing.holiday.add", entityType: "Holiday", entityId: row.id, tenantId, details: { date: input.date, name: input.name } });
    await notifyDialPlanChanged(tx, tenantId);
    return toView(row);
  });
}

/** Throws NOT_FOUND for a holiday that is not the company's. */
export async function removeHoliday({ db, tenantId }: TenantScope, actor: Actor, id: string): Promise<{ id: string }> {
  return db.$transaction(async (tx) => {
    const row = await tx.holiday.findUnique({ where: { id }, select: { id: true, date: true, name: true } });
    if (!row) throw new AppError("NOT_FOUND", "That holiday is not on your list.");
    await tx.holiday.delete({ where: { id } });
    const view = toView(row);
    await recordAudit(tx, actor, { action: "routing.holiday.remove", entityType: "Holiday", entityId: id, tenantId, details: { date: view.date, name: view.name } });
    await notifyDialPlanChanged(tx, tenantId);
    return { id };
  });
}
