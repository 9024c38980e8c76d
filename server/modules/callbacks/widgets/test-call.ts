/**
 * The "Place a test call" button: the intake rings the admin's own extension and connects it
 * to the widget's destination, so the site owner hears what visitors get. The intake does the
 * checks (and records refusals); this turns its answer into the portal's errors and reads the
 * request's progress back for the page.
 */
import { AppError, type AppErrorCode } from "../../../errors";
import type { TenantScope } from "../../../tenancy";
import type { CallbackRefusalCode, CallbackStatusView } from "../contract";
import { submitWidgetTest } from "../intake/submit";
import { describeCallbackStatus } from "../status-view";

const ERROR_OF_REFUSAL: Partial<Record<CallbackRefusalCode, AppErrorCode>> = {
  WIDGET_NOT_FOUND: "NOT_FOUND",
  RATE_LIMITED: "LIMIT_EXCEEDED",
  CONCURRENCY_LIMIT: "LIMIT_EXCEEDED",
  DAILY_SPEND_LIMIT: "LIMIT_EXCEEDED",
  OUT_OF_CREDIT: "INSUFFICIENT_FUNDS",
  ACCOUNT_SUSPENDED: "FORBIDDEN",
  CHECK_UNAVAILABLE: "UPSTREAM_FAILED",
};

export async function placeWidgetTestCall({ tenantId, db }: TenantScope, user: { id: string }, widgetId: string, clientIp: string): Promise<{ requestId: string }> {
  // Another company's widget reads as missing before the intake is asked anything.
  if (!(await db.callbackWidget.findUnique({ where: { id: widgetId }, select: { id: true } }))) {
    throw new AppError("NOT_FOUND", "That callback widget does not exist.");
  }
  const result = await submitWidgetTest({ tenantId, widgetId, userId: user.id, clientIp });
  if (!result.ok) throw new AppError(ERROR_OF_REFUSAL[result.refusal.code] ?? "INVALID", result.refusal.message);
  return { requestId: result.request.id };
}

/** A widget request of the company (a test call or a visitor's), as its requester reads it. */
export async function getWidgetTestStatus({ db }: TenantScope, requestId: string): Promise<CallbackStatusView> {
  const row = await db.callbackRequest.findFirst({ where: { id: requestId, source: "WIDGET" } });
  if (!row) throw new AppError("NOT_FOUND", "That callback does not exist.");
  return describeCallbackStatus(row);
}
