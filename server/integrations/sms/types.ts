/**
 * What the portal needs from an SMS channel, whoever carries it: send one text, learn the
 * carrier's id for it. Adapters translate one provider's API to this; the caller records
 * every attempt (SmsMessage), so adapters write nothing themselves.
 */

export type SmsToSend = { to: string; body: string };

export interface SmsSender {
  /** "outbox" or the gateway kind, as SmsMessage.channel records it. */
  readonly channel: string;
  /** Throws SmsError when the text was not accepted. `providerMessageId` is null for the outbox. */
  send(message: SmsToSend): Promise<{ providerMessageId: string | null }>;
}

/**
 * Why a send failed:
 * - `rejected`: the provider answered and refused this message (bad number, unverified sender).
 * - `auth`: our credentials were refused. `unavailable`: 5xx, 429 or the network.
 * - `timeout`: no answer in time (the text may still arrive). `invalid_response`: an answer we cannot read.
 */
export type SmsErrorKind = "rejected" | "auth" | "unavailable" | "timeout" | "invalid_response";

export class SmsError extends Error {
  constructor(
    readonly kind: SmsErrorKind,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "SmsError";
  }
}
