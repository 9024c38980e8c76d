/**
 * The web-callback contract (issue 14) shared by the intake, the worker, the portal, the
 * public widget and the REST API. Browser-safe: no server imports. Codes are stable: the REST
 * API and the widget return them, and clients may branch on them.
 */

/** Why the intake refused a request, with the HTTP status the public paths answer with. */
export const CALLBACK_REFUSAL_CODES = {
  /** The widget's page is not one of its allowed origins (or sent no Origin). */
  ORIGIN_NOT_ALLOWED: 403,
  /** No such widget, or it is switched off: the public path cannot tell the two apart. */
  WIDGET_NOT_FOUND: 404,
  /** The CAPTCHA token is missing or the verify service said no. */
  CAPTCHA_FAILED: 403,
  /** The hidden honeypot field was filled in: a bot. */
  SPAM_SUSPECTED: 422,
  /** Too many requests from this IP, to this number, for this widget, key or user (Retry-After). */
  RATE_LIMITED: 429,
  /** Not a phone number, or not one that can be rung (emergency, short codes, unicode look-alikes...). */
  INVALID_NUMBER: 422,
  /** A number in a country the company's callbacks may not ring. */
  COUNTRY_NOT_ALLOWED: 422,
  /** Premium-rate, shared-cost, satellite or another high-risk number type. */
  HIGH_RISK_NUMBER: 422,
  /** A prefix the partner blocked. */
  BLOCKED_PREFIX: 422,
  /** The widget is outside its opening hours and takes no requests then. */
  CLOSED: 422,
  /** The company already has as many callbacks queued or in progress as it may. */
  CONCURRENCY_LIMIT: 429,
  /** The company's callbacks have cost what they may today. */
  DAILY_SPEND_LIMIT: 429,
  /** The company is suspended by its provider. */
  ACCOUNT_SUSPENDED: 403,
  /** A prepaid company without balance or credit left. */
  OUT_OF_CREDIT: 402,
  /** A check could not be made (database or CAPTCHA service down): refused, never let through. */
  CHECK_UNAVAILABLE: 503,
} as const;
export type CallbackRefusalCode = keyof typeof CALLBACK_REFUSAL_CODES;

/** What a refused request gets back. `retryAfterSec` only with 429 (and 503). */
export interface CallbackRefusal {
  code: CallbackRefusalCode;
  /** One sentence for the person who made the request. */
  message: string;
  httpStatus: (typeof CALLBACK_REFUSAL_CODES)[CallbackRefusalCode];
  retryAfterSec?: number;
}

/** Why a placed request failed (CallbackRequest.failureReason). */
export const CALLBACK_FAILURE_REASONS = [
  /** The first party did not answer in time. */
  "FIRST_NO_ANSWER",
  "FIRST_BUSY",
  /** Unregistered phone, unknown account, trunk refused. */
  "FIRST_UNREACHABLE",
  /** The first party answered, then hung up before the second answered. */
  "FIRST_HUNG_UP",
  "SECOND_NO_ANSWER",
  "SECOND_BUSY",
  "SECOND_UNREACHABLE",
  /** The routing engine refused the second leg (blocked, out of credit, no such number...). */
  "ROUTE_REFUSED",
  /** The worker placing it stopped before the call ended; it is not retried. */
  "WORKER_LOST",
  /** Nothing could place it in time (no worker, Asterisk away). */
  "EXPIRED",
  /** Something unexpected; the worker logged it. */
  "ERROR",
] as const;
export type CallbackFailureReason = (typeof CALLBACK_FAILURE_REASONS)[number];

export const CALLBACK_STATES = ["QUEUED", "CALLING_FIRST", "CALLING_SECOND", "CONNECTED", "COMPLETED", "FAILED"] as const;
export type CallbackStateName = (typeof CALLBACK_STATES)[number];
/** States a request can still leave: these count against the company's concurrency cap. */
export const OPEN_CALLBACK_STATES = ["QUEUED", "CALLING_FIRST", "CALLING_SECOND", "CONNECTED"] as const satisfies readonly CallbackStateName[];
export const isFinalCallbackState = (state: CallbackStateName) => state === "COMPLETED" || state === "FAILED";

/**
 * NOTIFY channel: the worker sends {@link CallbackNotice} on every state change of a request
 * (after committing it); the web app streams it to the requester's open pages.
 */
export const CALLBACK_CHANGED = "callback_changed";
export interface CallbackNotice {
  tenantId: string;
  requestId: string;
  state: CallbackStateName;
}
/** NOTIFY channel with no payload: the intake queued a request that is due now (wakes workers). */
export const CALLBACK_QUEUED = "callback_queued";

/** The public, stable view of a request (REST API, widget status, portal progress). */
export interface CallbackStatusView {
  id: string;
  source: "PORTAL" | "WIDGET" | "API";
  state: CallbackStateName;
  failureReason: CallbackFailureReason | null;
  /** A sentence for people: "Calling you", "Connected", "They did not answer". */
  message: string;
  createdAt: string;
  firstAnsweredAt: string | null;
  connectedAt: string | null;
  endedAt: string | null;
}
