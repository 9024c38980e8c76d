/**
 * Twilio's Programmable Messaging, "Create a Message resource" (twilio.com/docs/messaging/api/
 * message-resource): POST /2010-04-01/Accounts/{AccountSid}/Messages.json, form-encoded To,
 * From and Body, HTTP Basic auth AccountSid:AuthToken. Success is 201 with the Message as JSON
 * (`sid` SM… or MM…, `status` queued/accepted/…); failures are JSON
 * `{ code, message, more_info, status }` (twilio.com/docs/usage/twilios-response). Every call has
 * a timeout, and an answer is checked before it is believed.
 */
import { z } from "zod";
import { SmsError, type SmsSender } from "./types";

export const TWILIO_API_BASE = "https://api.twilio.com";
const DEFAULT_TIMEOUT_MS = 10_000;

const ZMessage = z.object({
  sid: z.string().regex(/^(SM|MM)[0-9a-fA-F]{32}$/),
  status: z.string(),
  error_code: z.union([z.number(), z.string()]).nullish(),
  error_message: z.string().nullish(),
});
const ZError = z.object({ code: z.union([z.number(), z.string()]).nullish(), message: z.string().nullish() });

/** Statuses in which Twilio has already given up on the message it just created. */
const DEAD_STATUSES = new Set(["failed", "undelivered", "canceled"]);

export type TwilioOptions = { baseUrl: string; accountSid: string; authToken: string; fromNumber: string; timeoutMs?: number };

export function twilioSender({ baseUrl, accountSid, authToken, fromNumber, timeoutMs = DEFAULT_TIMEOUT_MS }: TwilioOptions): SmsSender {
  const url = `${baseUrl.replace(/\/+$/, "")}/2010-04-01/Accounts/${encodeURIComponent(accountSid)}/Messages.json`;
  const authorization = `Basic ${Buffer.from(`${accountSid}:${authToken}`).toString("base64")}`;

  return {
    channel: "twilio",
    async send({ to, body }) {
      let response: Response;
      try {
        response = await fetch(url, {
          method: "POST",
          headers: { authorization, accept: "application/json", "content-type": "application/x-www-form-urlencoded" },
          body: new URLSearchParams({ To: to, From: fromNumber, Body: body }).toString(),
          signal: AbortSignal.timeout(timeoutMs),
          redirect: "error",
        });
      } catch (err) {
        const isTimeout = err instanceof Error && (err.name === "TimeoutError" || err.name === "AbortError");
        throw new SmsError(isTimeout ? "timeout" : "unavailable", isTimeout ? "Twilio did not answer in time." : "Twilio could not be reached.", { cause: err });
      }
      const text = await response.text().catch(() => "");
      let json: unknown = null;
      try {
        json = text ? JSON.parse(text) : null;
      } catch {
        // A proxy's HTML error page or a truncated answer: say what status it came with.
        throw new SmsError("invalid_response", `Twilio answered with something that is not JSON (HTTP ${response.status}).`);
      }
      if (!response.ok) throw failureOf(response.status, json);
      const message = ZMessage.safeParse(json);
      if (!message.success) throw new SmsError("invalid_response", "Twilio's answer was not a message in the documented shape.");
      if (DEAD_STATUSES.has(message.data.status)) {
        throw new SmsError("rejected", `Twilio did not send the message (${message.data.status}${detail(message.data.error_code, message.data.error_message)}).`);
      }
      return { providerMessageId: message.data.sid };
    },
  };
}

function failureOf(status: number, json: unknown): SmsError {
  const parsed = ZError.safeParse(json);
  const why = parsed.success ? detail(parsed.data.code, parsed.data.message) : "";
  if (status === 401 || status === 403) return new SmsError("auth", `Twilio refused the account SID or auth token (HTTP ${status}${why}).`);
  if (status >= 500 || status === 429) return new SmsError("unavailable", `Twilio is having trouble (HTTP ${status}${why}).`);
  return new SmsError("rejected", `Twilio refused the message (HTTP ${status}${why}).`);
}

/** ": error 21211 The 'To' number is not valid", cleaned to one short line. */
function detail(code: unknown, message: unknown): string {
  const parts = [code !== null && code !== undefined ? `error ${String(code)}` : null, typeof message === "string" ? message : null].filter(Boolean);
  const line = parts.join(" ").replace(/[\u0000-\u001f\u007f]/g, " ").slice(0, 200);
  return line ? `: ${line}` : "";
}
