/**
 * What a signed Stripe event must look like before anything acts on it. The signature proves
 * Stripe sent the bytes, not that they hold what we expect (a test event sent by hand from the
 * dashboard, another API version, a bug), so the fields we use are checked here. Pure: no I/O.
 */
import { z } from "zod";

/** The two events that can mean a Checkout Session was paid. */
export const PAID_SESSION_EVENTS = new Set(["checkout.session.completed", "checkout.session.async_payment_succeeded"]);

/** Text we may store: PostgreSQL refuses a NUL byte, and a 500 would make Stripe retry for days. */
const ZStorableText = (max: number) =>
  z
    .string()
    .min(1)
    .max(max)
    .refine((s) => !s.includes("\u0000"), "contains a NUL byte");

const ZEnvelope = z.object({ id: ZStorableText(255), type: ZStorableText(255) });

const ZSessionObject = z.object({
  object: z.literal("checkout.session"),
  id: ZStorableText(255),
  payment_status: z.string(),
  // Any number passes here: a negative or fractional amount is a refusal to record, not noise to drop.
  amount_total: z.number().nullish(),
  currency: ZStorableText(16).nullish(),
  client_reference_id: z.unknown().optional(),
  metadata: z.record(z.string(), z.unknown()).nullish(),
});

export type PaidSessionReport = {
  id: string;
  isPaid: boolean;
  amountTotal: number | null;
  currency: string | null;
  /** The tenants the session names (metadata.tenantId, client_reference_id): claims, never trusted. */
  claimedTenantIds: string[];
};

export type ParsedStripeEvent =
  | { kind: "malformed"; id: string | null; type: string | null; problem: string }
  | { kind: "other"; id: string; type: string }
  | { kind: "paidSession"; id: string; type: string; session: PaidSessionReport };

/** Sorts a verified payload into what we act on, what we only record, and what we drop. */
export function parseStripeEvent(payload: unknown): ParsedStripeEvent {
  const envelope = ZEnvelope.safeParse(payload);
  if (!envelope.success) return { kind: "malformed", ...bestEffortIds(payload), problem: describe(envelope.error) };
  const { id, type } = envelope.data;
  if (!PAID_SESSION_EVENTS.has(type)) return { kind: "other", id, type };
  const data = (payload as { data?: unknown }).data;
  const object = ZSessionObject.safeParse(typeof data === "object" && data !== null ? (data as { object?: unknown }).object : undefined);
  if (!object.success) return { kind: "malformed", id, type, problem: `data.object ${describe(object.error)}` };
  const s = object.data;
  return {
    kind: "paidSession",
    id,
    type,
    session: {
      id: s.id,
      isPaid: s.payment_status === "paid",
      amountTotal: s.amount_total ?? null,
      currency: s.currency ?? null,
      claimedTenantIds: claimedTenants(s.metadata?.tenantId, s.client_reference_id),
    },
  };
}

/** Distinct claims that could be a tenant id; anything else names no tenant of ours. */
function claimedTenants(...values: unknown[]): string[] {
  const ids = values.filter((v): v is string => typeof v === "string" && /^[A-Za-z0-9_-]{1,64}$/.test(v));
  return [...new Set(ids)];
}

/** For the log line: whatever id and type a malformed payload has, if they are text. */
function bestEffortIds(payload: unknown) {
  const o = typeof payload === "object" && payload !== null ? (payload as Record<string, unknown>) : {};
  const text = (v: unknown) => (typeof v === "string" ? v.slice(0, 80) : null);
  return { id: text(o.id), type: text(o.type) };
}

function describe(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return "is not valid";
  return issue.path.length ? `${issue.path.join(".")}: ${issue.message}` : issue.message;
}
