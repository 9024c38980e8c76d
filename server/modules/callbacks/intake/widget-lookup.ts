/**
 * Finds a widget by its public id, before anyone knows which company it belongs to: the one
 * unscoped read of the public callback path (ESLint allows this file the raw client). Everything
 * after it runs in the widget's company's scope.
 */
import { db } from "@/server/db";
import type { CallbackWidget } from "@/server/generated/prisma/client";

/** Ids are cuids; anything else is answered without a query. */
const WIDGET_ID = /^[a-z0-9]{20,40}$/;

export async function findPublicWidget(widgetId: string): Promise<CallbackWidget | null> {
  if (!WIDGET_ID.test(widgetId)) return null;
  const widget = await db.callbackWidget.findUnique({ where: { id: widgetId } });
  return widget?.isEnabled ? widget : null;
}
