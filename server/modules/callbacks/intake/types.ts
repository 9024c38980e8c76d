/**
 * The intake's entry points (implemented in ./submit.ts): every callback path calls one of
 * them and nothing else inserts a CallbackRequest. A refused request is recorded
 * (CallbackRefusal) and never reaches the worker.
 */
import type { CallbackRequest } from "@/server/generated/prisma/client";
import type { CallbackRefusal } from "../contract";

/**
 * A click-to-call from the portal or the REST API. The caller has already authenticated and
 * authorised the requester. The line it starts from is either an account id the caller has
 * checked (the portal: the tenant's, and an extension user's own; the intake re-checks that it
 * exists there and is a line with an extension), or the API's `from`, a line's id or extension
 * number, which the intake resolves in the same read as its other facts.
 */
export interface ClickToCallSubmission {
  source: "PORTAL" | "API";
  tenantId: string;
  line: { sipAccountId: string } | { idOrExtension: string; /** A key scoped to one line may name only that one. */ onlyAccountId: string | null };
  /** As typed or clicked: an extension number of the company, or a phone number (national or +E.164). */
  dialled: string;
  requestedByUserId?: string | null;
  apiKeyId?: string | null;
  /** The API key's own limit per minute (RATE_LIMITED beyond it). */
  apiKeyRateLimitPerMinute?: number;
  clientIp: string;
  /** API only: the Idempotency-Key header and a SHA-256 of the request body. */
  idempotency?: { key: string; fingerprint: string } | null;
}

/** A visitor's request through a public widget (unauthenticated: everything is checked). */
export interface WidgetSubmission {
  widgetId: string;
  /** The Origin header, or null when the browser sent none. */
  origin: string | null;
  visitorNumber: string;
  /** The hidden field; people leave it empty. */
  honeypot: string;
  captchaToken: string | null;
  clientIp: string;
}

export type SubmitResult =
  | {
      ok: true;
      request: CallbackRequest;
      /** An API retry with the same Idempotency-Key and body: the first request, unchanged. */
      isReplay: boolean;
      /** Widget only: the secret the visitor's page reads the status with (kept hashed). */
      statusToken?: string;
    }
  | { ok: false; refusal: CallbackRefusal };

/**
 * Also, for a `from` that names no line of the company (NOT_FOUND) or, for a key scoped to one
 * line, another line (NOT_OWN, whether it exists or not). Not refusals: nothing to record.
 */
export type ClickToCallResult = SubmitResult | { ok: false; line: "NOT_FOUND" | "NOT_OWN" };
