/**
 * Creating, changing and deleting callback widgets. Every write checks what the widget rings
 * through the scoped client (another company's hunt group is simply not found), refuses a
 * CAPTCHA the server cannot verify, and commits with its audit row in one transaction, so a
 * refused change leaves nothing behind.
 */
import { Prisma } from "../../../generated/prisma/client";
import { AppError } from "../../../errors";
import type { TenantScope } from "../../../tenancy";
import { recordAudit, type Actor } from "../../audit/service";
import { checkRoutingDestination } from "../../routing/destination-check";
import type { TRoutingDestination } from "../../routing/stored";
import { isCaptchaAvailable } from "./captcha-availability";
import type { TCallbackWidgetInput, TUpdateCallbackWidgetInput } from "./schema";
import { readCallbackWidget, type CallbackWidgetView } from "./service";

type Tx = Parameters<Parameters<TenantScope["db"]["$transaction"]>[0]>[0];

const refuse = (code: "INVALID" | "CONFLICT", field: string, message: string) => new AppError(code, message, { fieldErrors: { [field]: message } });

async function widgetData(tx: Tx, input: TCallbackWidgetInput, selfId?: string) {
  if (input.requireCaptcha && !isCaptchaAvailable()) {
    throw refuse("INVALID", "requireCaptcha", "This portal has no CAPTCHA service configured, so a widget cannot require one.");
  }
  const clash = await tx.callbackWidget.findFirst({ where: { name: input.name, ...(selfId ? { id: { not: selfId } } : {}) }, select: { id: true } });
  if (clash) throw refuse("CONFLICT", "name", "Another widget already has this name.");
  const check = (field: string, d: TRoutingDestination) => checkRoutingDestination({ db: tx, region: undefined, field }, d) as Promise<Prisma.InputJsonValue>;
  return {
    name: input.name,
    isEnabled: input.isEnabled,
    destination: await check("destination", input.destination),
    order: input.order,
    allowedOrigins: input.allowedOrigins,
    openHours: input.openHours ?? Prisma.DbNull,
    outsideHours: input.outsideHours,
    outsideDestination: input.outsideDestination ? await check("outsideDestination", input.outsideDestination) : Prisma.DbNull,
    title: input.title,
    introText: input.introText,
    buttonLabel: input.buttonLabel,
    closedText: input.closedText,
    successText: input.successText,
    accentColor: input.accentColor,
    accentTextColor: input.accentTextColor,
    requireCaptcha: input.requireCaptcha,
  };
}

/** What the audit log keeps: enough to say what changed, nothing a visitor typed. */
const auditDetails = (w: CallbackWidgetView) => ({
  name: w.name,
  isEnabled: w.isEnabled,
  destination: w.destinationLabel,
  order: w.order,
  allowedOrigins: w.allowedOrigins.join(", "),
  openHours: w.openHours ? "restricted" : "always",
  outsideHours: w.outsideHours,
  requireCaptcha: w.requireCaptcha,
});

export async function createCallbackWidget({ db, tenantId }: TenantScope, actor: Actor, input: TCallbackWidgetInput): Promise<CallbackWidgetView> {
  return db.$transaction(async (tx) => {
    const created = await tx.callbackWidget.create({ data: { tenantId, ...(await widgetData(tx, input)) }, select: { id: true } });
    const widget = await readCallbackWidget(tx, created.id);
    await recordAudit(tx, actor, { action: "callbackWidget.created", entityType: "CallbackWidget", entityId: widget.id, tenantId, details: auditDetails(widget) });
    return widget;
  });
}

export async function updateCallbackWidget({ db, tenantId }: TenantScope, actor: Actor, input: TUpdateCallbackWidgetInput): Promise<CallbackWidgetView> {
  const { id, ...fields } = input;
  return db.$transaction(async (tx) => {
    const before = await readCallbackWidget(tx, id);
    await tx.callbackWidget.update({ where: { id }, data: await widgetData(tx, fields, id) });
    const after = await readCallbackWidget(tx, id);
    await recordAudit(tx, actor, {
      action: "callbackWidget.updated", entityType: "CallbackWidget", entityId: id, tenantId,
      details: { before: auditDetails(before), after: auditDetails(after) },
    });
    return after;
  });
}

/**
 * Deletes the widget: its snippet stops working at once (the public id is unknown from then on).
 * Requests it already placed stay in the callback log (their widgetId becomes null).
 */
export async function deleteCallbackWidget({ db, tenantId }: TenantScope, actor: Actor, id: string) {
  return db.$transaction(async (tx) => {
    const widget = await readCallbackWidget(tx, id);
    await tx.callbackWidget.delete({ where: { id } });
    await recordAudit(tx, actor, { action: "callbackWidget.deleted", entityType: "CallbackWidget", entityId: id, tenantId, details: { name: widget.name } });
    return { id };
  });
}
