/**
 * The public widget endpoints' reads before a company is known: a widget's company facts for
 * its config, and a visitor's callback request by id for its status. Unscoped by necessity
 * (ESLint allows this file the raw client); each read is by a public id and returns only what
 * the endpoint needs, and the status read is useless without the request's status token.
 */
import { db } from "@/server/db";

/** Ids are cuids; anything else is answered without a query. */
const RECORD_ID = /^[a-z0-9]{20,40}$/;

/** The widget's company as its config needs it (zone and holidays for opening hours); null when it is gone. */
export async function widgetCompany(tenantId: string): Promise<{ timeZone: string; isSuspended: boolean; holidays: Set<string> } | null> {
  const tenant = await db.tenant.findUnique({
    where: { id: tenantId },
    select: { timeZone: true, status: true, holidays: { select: { date: true } } },
  });
  if (!tenant) return null;
  return {
    timeZone: tenant.timeZone,
    isSuspended: tenant.status === "SUSPENDED",
    // Holiday.date is a DATE column: midnight UTC, so the ISO date is the local date as entered.
    holidays: new Set(tenant.holidays.map((h) => h.date.toISOString().slice(0, 10))),
  };
}

/** A widget's callback request with what its status endpoint checks, or null. */
export async function findVisitorRequest(requestId: string) {
  if (!RECORD_ID.test(requestId)) return null;
  return db.callbackRequest.findFirst({
    where: { id: requestId, source: "WIDGET", statusTokenHash: { not: null } },
    include: { widget: { select: { allowedOrigins: true } } },
  });
}
