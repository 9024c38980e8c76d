/**
 * A callback request as the person who asked for it reads it (portal, widget visitor, API
 * client). "You" is whoever is rung first on their behalf: the requester's own phone for a
 * click-to-call, the visitor for a widget (unless the company is rung first).
 */
import type { CallbackRequest } from "@/server/generated/prisma/client";
import type { CallbackFailureReason, CallbackStatusView } from "./contract";

type Row = Pick<CallbackRequest, "id" | "source" | "state" | "failureReason" | "order" | "notBefore" | "createdAt" | "firstAnsweredAt" | "connectedAt" | "endedAt">;

const isCompanyFirst = (row: Row) => row.source === "WIDGET" && row.order === "COMPANY_FIRST";

function failureWords(reason: CallbackFailureReason | null, row: Row): string {
  const companyFirst = isCompanyFirst(row);
  const other = row.source === "WIDGET" ? "We" : "They";
  switch (reason) {
    case "FIRST_NO_ANSWER":
      return companyFirst ? "Nobody was free to take the call. Please try again later." : "Your phone did not answer.";
    case "FIRST_BUSY":
      return companyFirst ? "Everyone is busy. Please try again later." : "Your phone was busy.";
    case "FIRST_UNREACHABLE":
      return companyFirst ? "The call could not be placed. Please try again later." : "Your phone could not be reached.";
    case "FIRST_HUNG_UP":
      return "The call ended before it was connected.";
    case "SECOND_NO_ANSWER":
      return companyFirst ? "You did not answer." : `${other} did not answer.`;
    case "SECOND_BUSY":
      return companyFirst ? "Your line was busy." : `${other === "We" ? "We were" : "They were"} busy.`;
    case "SECOND_UNREACHABLE":
      return companyFirst ? "Your phone could not be reached." : "The other side could not be reached.";
    case "ROUTE_REFUSED":
      return "The call was not allowed to go through.";
    case "WORKER_LOST":
    case "EXPIRED":
    case "ERROR":
    case null:
      return "The call could not be placed. Please try again.";
  }
}

function stateWords(row: Row, now: Date): string {
  const companyFirst = isCompanyFirst(row);
  switch (row.state) {
    case "QUEUED":
      return row.notBefore.getTime() > now.getTime() ? "Scheduled: we will call you when we open." : "Placing the call…";
    case "CALLING_FIRST":
      return companyFirst ? "Finding someone to take your call…" : "Calling you…";
    case "CALLING_SECOND":
      if (companyFirst) return "Calling you…";
      return row.source === "WIDGET" ? "You answered: connecting you…" : "You answered: calling them…";
    case "CONNECTED":
      return "Connected.";
    case "COMPLETED":
      return "The call has ended.";
    case "FAILED":
      return failureWords(row.failureReason as CallbackFailureReason | null, row);
  }
}

export function describeCallbackStatus(row: Row, now = new Date()): CallbackStatusView {
  return {
    id: row.id,
    source: row.source,
    state: row.state,
    failureReason: (row.failureReason as CallbackFailureReason | null) ?? null,
    message: stateWords(row, now),
    createdAt: row.createdAt.toISOString(),
    firstAnsweredAt: row.firstAnsweredAt?.toISOString() ?? null,
    connectedAt: row.connectedAt?.toISOString() ?? null,
    endedAt: row.endedAt?.toISOString() ?? null,
  };
}
