/**
 * Call recordings of a company: the list (newest first, keyset pages, filters), one recording
 * for the file route, and deletion. Who sees what is access.ts's. Deleting is for company
 * admins only: a recording can be the company's record of a call, so the person on it does not
 * get to remove it alone. It removes the file first, then the row, then the CDR's link, so a
 * failure leaves at worst a row that plays nothing (logged), never a file nobody can find.
 */
import { AppError } from "../../errors";
import type { WebMediaStore } from "../../media/storage/web-media-store";
import type { TenantScope } from "../../tenancy";
import type { Prisma } from "../../generated/prisma/client";
import { visibleRecordingsWhere, type Viewer } from "./access";
import { endOfLocalDate, startOfLocalDate } from "./local-day";
import { RECORDING_PAGE_SIZE, type TFindRecordingsInput, type TRecordingFilter } from "./schema";
import { recordAudit, type Actor } from "../audit/service";

const recordingSelect = {
  id: true, channelId: true, extensionId: true, direction: true, callerNumber: true, calledNumber: true,
  startedAt: true, durationMs: true, sizeBytes: true,
} as const;

function filterWhere(filter: TRecordingFilter, timeZone: string): Prisma.RecordingWhereInput {
  const startedAt = {
    ...(filter.from ? { gte: startOfLocalDate(filter.from, timeZone) } : {}),
    ...(filter.to ? { lt: endOfLocalDate(filter.to, timeZone) } : {}),
  };
  return {
    ...(filter.from || filter.to ? { startedAt } : {}),
    ...(filter.extensionId ? { extensionId: filter.extensionId } : {}),
    ...(filter.direction ? { direction: filter.direction } : {}),
  };
}

function cursorWhere(cursor: string | undefined): Prisma.RecordingWhereInput {
  if (!cursor) return {};
  const dot = cursor.indexOf(".");
  const at = new Date(Number(cursor.slice(0, dot)));
  const id = cursor.slice(dot + 1);
  return { OR: [{ startedAt: { lt: at } }, { startedAt: at, id: { lt: id } }] };
}

export async function findRecordings({ db, tenantId }: TenantScope, viewer: Viewer, input: TFindRecordingsInput) {
  const { timeZone } = await db.tenant.findUniqueOrThrow({ where: { id: tenantId }, select: { timeZone: true } });
  const where = { AND: [await visibleRecordingsWhere(db, viewer), filterWhere(input.filter ?? {}, timeZone), cursorWhere(input.cursor)] };
  const rows = await db.recording.findMany({ where, select: recordingSelect, orderBy: [{ startedAt: "desc" }, { id: "desc" }], take: RECORDING_PAGE_SIZE + 1 });
  const page = rows.slice(0, RECORDING_PAGE_SIZE);
  const extensionIds = [...new Set(page.map((r) => r.extensionId).filter((id): id is string => id !== null))];
  const extensions = extensionIds.length === 0 ? [] : await db.extension.findMany({ where: { id: { in: extensionIds } }, select: { id: true, number: true, displayName: true } });
  const byId = new Map(extensions.map((e) => [e.id, e]));
  const last = page[page.length - 1];
  return {
    items: page.map((r) => ({ ...r, extension: r.extensionId ? (byId.get(r.extensionId) ?? null) : null })),
    nextCursor: rows.length > RECORDING_PAGE_SIZE && last ? `${last.startedAt.getTime()}.${last.id}` : null,
  };
}

/** The recording with its file key, if `viewer` may hear it; otherwise NOT_FOUND. */
export async function getRecordingForViewer({ db }: TenantScope, viewer: Viewer, id: string) {
  const found = await db.recording.findFirst({ where: { AND: [{ id }, await visibleRecordingsWhere(db, viewer)] }, select: { ...recordingSelect, fileKey: true } });
  if (!found) throw new AppError("NOT_FOUND", "That recording does not exist.");
  return found;
}

/** Admins only (the router says so too): file, then row, then the CDR's recordingRef. */
export async function deleteRecording(scope: TenantScope, viewer: Viewer & Actor, store: WebMediaStore, id: string) {
  if (viewer.role !== "CUSTOMER_ADMIN") throw new AppError("FORBIDDEN", "Only your company's administrators can delete recordings.");
  const recording = await getRecordingForViewer(scope, viewer, id);
  await store.delete(recording.fileKey);
  await scope.db.$transaction(async (tx) => {
    await tx.recording.delete({ where: { id } });
    await tx.callRecord.updateMany({ where: { recordingRef: id }, data: { recordingRef: null } });
    const details = { startedAt: recording.startedAt.toISOString(), caller: recording.callerNumber, called: recording.calledNumber };
    await recordAudit(tx, { id: viewer.id, email: viewer.email }, { action: "recording.delete", entityType: "Recording", entityId: id, tenantId: scope.tenantId, details });
  });
  return { id };
}

/** Extensions to filter by: all of the company's for an admin, the viewer's own for a user. */
export async function findRecordingExtensions({ db }: TenantScope, viewer: Viewer) {
  const where = viewer.role === "CUSTOMER_ADMIN" ? {} : { ownerUserId: viewer.id };
  return db.extension.findMany({ where, select: { id: true, number: true, displayName: true }, orderBy: { number: "asc" } });
}
