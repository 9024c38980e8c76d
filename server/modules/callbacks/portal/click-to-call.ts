/**
 * Portal click-to-call: checks who may start from which line, then hands the request to the
 * intake, which applies every toll-fraud rule and is the only thing that inserts a request.
 */
import { AppError, type AppErrorCode } from "../../../errors";
import type { TenantScope } from "../../../tenancy";
import type { CallbackRefusal } from "../contract";
import { submitClickToCall } from "../intake/submit";
import { describeCallbackStatus } from "../status-view";
import type { TClickToCallInput } from "../schema";
import { assertMayStartFrom, type CallbackViewer } from "./viewer";

const ERROR_BY_STATUS: Record<CallbackRefusal["httpStatus"], AppErrorCode> = {
  429: "LIMIT_EXCEEDED",
  422: "INVALID",
  403: "FORBIDDEN",
  402: "INSUFFICIENT_FUNDS",
  503: "UPSTREAM_FAILED",
  404: "NOT_FOUND",
};

/** The refusal as the portal reports it: the intake's sentence, its code as `reason` (the dialog shows both). */
export function refusalError(refusal: CallbackRefusal): AppError {
  return new AppError(ERROR_BY_STATUS[refusal.httpStatus], refusal.message, { cause: refusal, reason: refusal.code });
}

/**
 * Starts a click-to-call and returns its status. Throws NOT_FOUND / FORBIDDEN / INVALID for
 * an account the viewer may not use (nothing is submitted then), and the refusal's AppError
 * when the intake says no (it has recorded the refusal; nothing will be originated).
 */
export async function startClickToCall(scope: TenantScope, viewer: CallbackViewer, clientIp: string, input: TClickToCallInput) {
  await assertMayStartFrom(scope.db, viewer, input.sipAccountId);
  const result = await submitClickToCall({
    source: "PORTAL",
    tenantId: scope.tenantId,
    line: { sipAccountId: input.sipAccountId },
    dialled: input.number,
    requestedByUserId: viewer.id,
    clientIp,
  });
  if (!result.ok) throw refusalError(result.refusal);
  return describeCallbackStatus(result.request);
}
