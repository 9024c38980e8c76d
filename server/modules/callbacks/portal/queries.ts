/**
 * What the portal reads of callbacks: one request's status, the recent requests and the
 * refusals. Everything goes through the tenant scope; a request the viewer may not read is
 * NOT_FOUND, like another company's.
 */
import { AppError } from "../../../errors";
import type { Prisma } from "../../../generated/prisma/client";
import type { TenantScope } from "../../../tenancy";
import { describeCallbackStatus } from "../status-view";
import { CALLBACK_PAGE_SIZE, decodeCursor, encodeCursor, type TCallbackPageInput } from "../schema";
import { visibleRequestsWhere, type CallbackViewer } from "./viewer";

export async function getCallbackStatus({ db }: TenantScope, viewer: CallbackViewer, id: string) {
  const row = await db.callbackRequest.findFirst({ where: { AND: [{ id }, visibleRequestsWhere(viewer)] } });
  if (!row) throw new AppError("NOT_FOUND", "That callback request does not exist.");
  return describeCallbackStatus(row);
}

function requestsAfter(cursor: string | undefined): Prisma.CallbackRequestWhereInput {
  if (!cursor) return {};
  const { at, id } = decodeCursor(cursor);
  return { OR: [{ createdAt: { lt: at } }, { createdAt: at, id: { lt: id } }] };
}

function refusalsAfter(cursor: string | undefined): Prisma.CallbackRefusalWhereInput {
  if (!cursor) return {};
  const { at, id } = decodeCursor(cursor);
  // The cursor's id part passed ZCallbackCursor's pattern; refusal ids are digits.
  if (!/^\d+$/.test(id)) throw new AppError("INVALID", "Not a valid page cursor.");
  return { OR: [{ lastAt: { lt: at } }, { lastAt: at, id: { lt: BigInt(id) } }] };
}

const requestSelect = {
  id: true, source: true, state: true, failureReason: true, order: true, notBefore: true, createdAt: true, firstAnsweredAt: true,
  connectedAt: true, endedAt: true, dialled: true, visitorNumber: true, requestedByUserId: true, clientIp: true,
  sipAccount: { select: { extension: { select: { number: true, displayName: true } } } },
  widget: { select: { name: true } },
  apiKey: { select: { name: true } },
} as const satisfies Prisma.CallbackRequestSelect;

/** Newest first, keyset pages over (createdAt desc, id desc): admins the company's, others their own. */
export async function findRecentCallbacks({ db }: TenantScope, viewer: CallbackViewer, input: TCallbackPageInput) {
  const rows = await db.callbackRequest.findMany({
    where: { AND: [visibleRequestsWhere(viewer), requestsAfter(input.cursor)] },
    select: requestSelect,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: CALLBACK_PAGE_SIZE + 1,
  });
  const page = rows.slice(0, CALLBACK_PAGE_SIZE);
  const people = await db.user.findMany({ where: { id: { in: page.flatMap((r) => (r.requestedByUserId ? [r.requestedByUserId] : [])) } }, select: { id: true, name: true } });
  const nameOf = new Map(people.map((p) => [p.id, p.name]));
  const items = page.map((r) => ({
    ...describeCallbackStatus(r),
    /** Who is rung first: the line (click-to-call) or the visitor (widget). */
    from: r.sipAccount?.extension ? `${r.sipAccount.extension.displayName} (${r.sipAccount.extension.number})` : r.visitorNumber,
    /** What it calls: the dialled number, or the widget's destination. */
    to: r.dialled ?? (r.widget ? `Widget “${r.widget.name}”` : null),
    via: r.widget?.name ?? r.apiKey?.name ?? null,
    requestedBy: r.requestedByUserId ? (nameOf.get(r.requestedByUserId) ?? null) : null,
  }));
  const last = page.at(-1);
  return { items, nextCursor: rows.length > CALLBACK_PAGE_SIZE && last ? encodeCursor(last.createdAt, last.id) : null };
}

/** Refused requests, newest first (lastAt desc, id desc); one row counts repeats within a minute. */
export async function findCallbackRefusals({ db }: TenantScope, input: TCallbackPageInput) {
  const rows = await db.callbackRefusal.findMany({
    where: refusalsAfter(input.cursor),
    orderBy: [{ lastAt: "desc" }, { id: "desc" }],
    take: CALLBACK_PAGE_SIZE + 1,
  });
  const page = rows.slice(0, CALLBACK_PAGE_SIZE);
  const widgets = await db.callbackWidget.findMany({ where: { id: { in: page.flatMap((r) => (r.widgetId ? [r.widgetId] : [])) } }, select: { id: true, name: true } });
  const widgetName = new Map(widgets.map((w) => [w.id, w.name]));
  const items = page.map((r) => ({
    id: r.id.toString(),
    source: r.source,
    reason: r.reason,
    detail: r.detail,
    count: r.count,
    clientIp: r.clientIp,
    origin: r.origin,
    destination: r.destination,
    widget: r.widgetId ? (widgetName.get(r.widgetId) ?? null) : null,
    firstAt: r.firstAt,
    lastAt: r.lastAt,
  }));
  const last = page.at(-1);
  return { items, nextCursor: rows.length > CALLBACK_PAGE_SIZE && last ? encodeCursor(last.lastAt, last.id) : null };
}
