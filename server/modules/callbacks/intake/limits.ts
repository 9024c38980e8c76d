/**
 * The callback rate limits (issue 14), per path. A window is a sliding minute or ten: see
 * rate-limit.ts. Per-destination limits of widgets count across every company, because a
 * number being pumped is the same number whichever widget pumps it.
 */
export interface LimitRule {
  /** Names what is counted; the part after the scope is an IP, number or id. */
  key: string;
  limit: number;
  windowSec: number;
  /** Says who was too quick, in the refusal's message. */
  scope: "ip" | "destination" | "widget" | "key" | "user";
}

export const WIDGET_LIMITS = {
  perIp: { limit: 5, windowSec: 60 },
  perDestination: { limit: 3, windowSec: 600 },
  perWidget: { limit: 60, windowSec: 60 },
};
export const PORTAL_LIMITS = {
  perUser: { limit: 10, windowSec: 60 },
  perDestination: { limit: 6, windowSec: 600 },
};
export const API_LIMITS = {
  /** The key's own limit (ApiKey.rateLimitPerMinute) is per 60 s. */
  perDestination: { limit: 6, windowSec: 600 },
};
/*
 * The concurrency cap (Tenant.callbackMaxConcurrent) and the 50 requests a company may have
 * waiting for a widget's next opening are enforced by the database at insert: migration
 * 20261204223300_callback_admission.
 */

export const SCOPE_WORDS: Record<LimitRule["scope"], string> = {
  ip: "from your network",
  destination: "to that number",
  widget: "through this widget",
  key: "with this API key",
  user: "from you",
};
