/**
 * The intake's entry points (implemented in ./submit.ts): every callback path calls one of
 * them and nothing else inserts a CallbackRequest. A refused request is recorded
 * (CallbackRefusal) and never reaches the worker.
 */
import type { CallbackRequest } from "@/server/generated/prisma/client";
import type { CallbackRefusal } from "../contract";

/**
 * A click-to-call from the portal or the REST API. The caller has already authenticated and
 * authorised the requester: the SIP account is the tenant's (the intake re-checks that it
 * exists there, is a line with an extension, and is active), and an extension user's own.
 */
export interface ClickToCallSubmission {
  source: "PORTAL" | "API";
  tenantId: string;
  sipAccountId: string;
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
