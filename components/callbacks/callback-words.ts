/** Web-callback codes as people read them in the portal's lists. Browser-safe. */
import type { CallbackRefusalCode, CallbackStateName } from "@/server/modules/callbacks/contract";
import type { BadgeTone } from "@/components/ui/badge";

export const REFUSAL_WORDS: Record<CallbackRefusalCode, string> = {
  ORIGIN_NOT_ALLOWED: "Website not allowed",
  WIDGET_NOT_FOUND: "Widget unknown or off",
  CAPTCHA_FAILED: "Robot check failed",
  SPAM_SUSPECTED: "Looked automated",
  RATE_LIMITED: "Too many requests",
  INVALID_NUMBER: "Not a callable number",
  COUNTRY_NOT_ALLOWED: "Country not allowed",
  HIGH_RISK_NUMBER: "Premium or high-risk number",
  BLOCKED_PREFIX: "Blocked prefix",
  CLOSED: "Outside opening hours",
  CONCURRENCY_LIMIT: "Too many callbacks at once",
  DAILY_SPEND_LIMIT: "Daily budget used up",
  ACCOUNT_SUSPENDED: "Company suspended",
  OUT_OF_CREDIT: "Out of credit",
  CHECK_UNAVAILABLE: "A check was unavailable",
};

/** An unknown code (a newer server) reads as itself rather than as nothing. */
export const refusalWords = (code: string) => REFUSAL_WORDS[code as CallbackRefusalCode] ?? code;

export const STATE_BADGE: Record<CallbackStateName, { label: string; tone: BadgeTone }> = {
  QUEUED: { label: "Queued", tone: "neutral" },
  CALLING_FIRST: { label: "Calling", tone: "accent" },
  CALLING_SECOND: { label: "Calling", tone: "accent" },
  CONNECTED: { label: "Connected", tone: "success" },
  COMPLETED: { label: "Completed", tone: "success" },
  FAILED: { label: "Failed", tone: "danger" },
};

export const SOURCE_WORDS = { PORTAL: "Portal", WIDGET: "Website widget", API: "API" } as const;
