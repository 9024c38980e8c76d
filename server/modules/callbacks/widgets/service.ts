/**
 * Reading a company's callback widgets. JSON columns are parsed again on every read
 * (readStored), so a row that no longer fits shows as "no destination" instead of breaking the
 * page; what a destination names is looked up through the scoped client.
 */
import { AppError } from "../../../errors";
import type { CallbackWidget } from "../../../generated/prisma/client";
import type { TenantDb, TenantScope } from "../../../tenancy";
import { readStored, ZRoutingDestination, ZTimePeriod, type TRoutingDestination, type TTimePeriod } from "../../routing/stored";

type Reader = Pick<TenantDb, "callbackWidget" | "extension" | "huntGroup" | "ivrMenu" | "callQueue">;

export interface CallbackWidgetView {
  id: string;
  name: string;
  isEnabled: boolean;
  destination: TRoutingDestination | null;
  /** The destination in words ("Hunt group 600 · Sales"), or why there is none. */
  destinationLabel: string;
  order: CallbackWidget["order"];
  allowedOrigins: string[];
  openHours: TTimePeriod | null;
  outsideHours: CallbackWidget["outsideHours"];
  outsideDestination: TRoutingDestination | null;
  title: string;
  introText: string;
  buttonLabel: string;
  closedText: string;
  successText: string;
  accentColor: string;
  accentTextColor: string;
  requireCaptcha: boolean;
  createdAt: Date;
  updatedAt: Date;
}

/** "Extension 201 · Alice", or "A deleted …" when what it named is gone. */
export async function describeWidgetDestination(db: Reader, d: TRoutingDestination | null): Promise<string> {
  switch (d?.kind) {
    case "extension": {
      const e = await db.extension.findFirst({ where: { id: d.extensionId }, select: { number: true, displayName: true } });
      return e ? `Extension ${e.number} · ${e.displayName}` : "A deleted extension";
    }
    case "huntGroup": {
      const g = await db.huntGroup.findFirst({ where: { id: d.huntGroupId }, select: { number: true, name: true } });
      return g ? `Hunt group ${g.number} · ${g.name}` : "A deleted hunt group";
    }
    case "ivr": {
      const m = await db.ivrMenu.findFirst({ where: { id: d.ivrMenuId }, select: { name: true } });
      return m ? `IVR menu · ${m.name}` : "A deleted IVR menu";
    }
    case "queue": {
      const q = await db.callQueue.findFirst({ where: { id: d.queueId }, select: { number: true, name: true } });
      return q ? `Call queue ${q.number} · ${q.name}` : "A deleted call queue";
    }
    default:
      return "No destination";
  }
}

export async function toWidgetView(db: Reader, row: CallbackWidget): Promise<CallbackWidgetView> {
  const destination = readStored(ZRoutingDestination, row.destination);
  return {
    id: row.id,
    name: row.name,
    isEnabled: row.isEnabled,
    destination,
    destinationLabel: await describeWidgetDestination(db, destination),
    order: row.order,
    allowedOrigins: row.allowedOrigins,
    openHours: readStored(ZTimePeriod, row.openHours),
    outsideHours: row.outsideHours,
    outsideDestination: readStored(ZRoutingDestination, row.outsideDestination),
    title: row.title,
    introText: row.introText,
    buttonLabel: row.buttonLabel,
    closedText: row.closedText,
    successText: row.successText,
    accentColor: row.accentColor,
    accentTextColor: row.accentTextColor,
    requireCaptcha: row.requireCaptcha,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

export async function findCallbackWidgets({ db }: TenantScope): Promise<CallbackWidgetView[]> {
  const rows = await db.callbackWidget.findMany({ orderBy: [{ name: "asc" }, { id: "asc" }] });
  return Promise.all(rows.map((row) => toWidgetView(db, row)));
}

/** Another company's widget, a deleted one or a made-up id: all simply not found. */
export async function readCallbackWidget(db: Reader, id: string): Promise<CallbackWidgetView> {
  const row = await db.callbackWidget.findUnique({ where: { id } });
  if (!row) throw new AppError("NOT_FOUND", "That callback widget does not exist.");
  return toWidgetView(db, row);
}

export const getCallbackWidget = ({ db }: TenantScope, id: string) => readCallbackWidget(db, id);
