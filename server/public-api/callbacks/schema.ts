/**
 * The callback API's request and response shapes (issue 14). The handlers parse with these
 * and the OpenAPI document (../openapi.ts) is generated from them, so the two cannot drift.
 */
import { z } from "zod";
import { CALLBACK_FAILURE_REASONS, CALLBACK_STATES, type CallbackStatusView } from "@/server/modules/callbacks/contract";
import { singleLine } from "@/server/validation/text";

export const MAX_BODY_BYTES = 8 * 1024;
export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

export const ZCreateCallbackBody = z
  .object({
    from: singleLine()
      .min(1, "from must not be empty")
      .max(64, "from must be at most 64 characters")
      .optional()
      .describe("The phone line rung first: its SIP account id, or its extension number. Required unless the key is scoped to one line (then it may be omitted, or must name that line)."),
    to: singleLine()
      .min(1, "to must not be empty")
      .max(64, "to must be at most 64 characters")
      .describe("What the line then calls: an extension number of the company, or a phone number (+E.164, or national in the company's country)."),
  })
  .strict()
  .describe("Ring `from`; when it answers, call `to` and connect the two.");
export type TCreateCallbackBody = z.infer<typeof ZCreateCallbackBody>;

/** Printable ASCII, like Stripe's keys; a UUID is the usual choice. */
export const ZIdempotencyKey = z
  .string()
  .regex(/^[\x20-\x7e]{1,200}$/, "Idempotency-Key must be 1 to 200 printable ASCII characters")
  .describe("Makes retries safe: the same key with the same body answers with the first request, never places a second; with another body it is refused (IDEMPOTENCY_KEY_REUSED). Kept per API key.");

export const ZListQuery = z
  .object({
    limit: z.coerce
      .number({ error: "limit must be a whole number" })
      .int("limit must be a whole number")
      .min(1, "limit must be at least 1")
      .max(MAX_PAGE_SIZE, `limit must be at most ${MAX_PAGE_SIZE}`)
      .default(DEFAULT_PAGE_SIZE)
      .describe("Requests per page, newest first."),
    cursor: singleLine().min(1).max(200, "cursor is not valid").optional().describe("`nextCursor` of the previous page."),
  })
  .strict();

const isoDate = z.iso.datetime();

export const ZCallbackStatusView = z
  .object({
    id: z.string(),
    source: z.enum(["PORTAL", "WIDGET", "API"]),
    state: z.enum(CALLBACK_STATES).describe("QUEUED → CALLING_FIRST → CALLING_SECOND → CONNECTED → COMPLETED, or FAILED at any point."),
    failureReason: z.enum(CALLBACK_FAILURE_REASONS).nullable().describe("Why a FAILED request failed; null otherwise."),
    message: z.string().describe("The state in words, for people."),
    createdAt: isoDate,
    firstAnsweredAt: isoDate.nullable(),
    connectedAt: isoDate.nullable(),
    endedAt: isoDate.nullable(),
  })
  .strict();

export const ZCallbackList = z
  .object({
    data: z.array(ZCallbackStatusView),
    nextCursor: z.string().nullable().describe("Pass as `cursor` for the next page; null on the last page."),
  })
  .strict();

// The zod view and the contract's interface must stay the same shape, in both directions.
type View = z.infer<typeof ZCallbackStatusView>;
const _viewMatchesContract = (v: View): CallbackStatusView => v;
const _contractMatchesView = (v: CallbackStatusView): View => v;
void _viewMatchesContract;
void _contractMatchesView;
