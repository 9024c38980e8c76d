/**
 * One dial-plan namespace per tenant: whatever a caller can dial inside the company (an
 * extension, a hunt group or a call queue; feature codes as they arrive) must be unique
 * across all of them, or the router could not tell which one a dialled number means.
 */
import { AppError } from "../../errors";
import type { TenantDb } from "../../tenancy";

/** The scoped client or one of its transactions: either keeps the tenant filter. */
type NumberingDb = Pick<TenantDb, "extension" | "huntGroup" | "callQueue" | "speedDial">;

/** The record being renumbered keeps its own number. */
export type NumberOwner = { extensionId?: string; huntGroupId?: string; queueId?: string };

const taken = (message: string) => new AppError("CONFLICT", message, { fieldErrors: { number: message } });

/**
 * Throws CONFLICT (with a field message on `number`) when `number` is already dialable in the
 * tenant. `except` names the extension, hunt group or queue that may keep its own number on update.
 */
export async function assertNumberFree(db: NumberingDb, number: string, except: NumberOwner = {}): Promise<void> {
  const extension = await db.extension.findFirst({
    where: { number, ...(except.extensionId ? { id: { not: except.extensionId } } : {}) },
    select: { number: true, displayName: true },
  });
  if (extension) throw taken(`Extension ${extension.number} (${extension.displayName}) already uses this number.`);
  const huntGroup = await db.huntGroup.findFirst({
    where: { number, ...(except.huntGroupId ? { id: { not: except.huntGroupId } } : {}) },
    select: { number: true, name: true },
  });
  if (huntGroup) throw taken(`Hunt group ${huntGroup.number} (${huntGroup.name}) already uses this number.`);
  const queue = await db.callQueue.findFirst({
    where: { number, ...(except.queueId ? { id: { not: except.queueId } } : {}) },
    select: { number: true, name: true },
  });
  if (queue) throw taken(`Call queue ${queue.number} (${queue.name}) already uses this number.`);
  // Speed dials never shadow these (server/modules/speed-dials), and the reverse holds too.
  const speedDial = await db.speedDial.findFirst({ where: { code: number }, select: { code: true, label: true } });
  if (speedDial) throw taken(`Speed dial ${speedDial.code} (${speedDial.label}) already uses this number.`);
}
