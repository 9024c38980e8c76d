/**
 * Sending a text for a partner, with its record: the partner's SMS gateway when one is set up,
 * else the development outbox. Every attempt leaves one SmsMessage row (OUTBOX, SENT or FAILED
 * with the reason), which is the outbox itself and the delivery log the back office reads.
 */
import { db } from "@/server/db";
import { open } from "../secret-box";
import { outboxSender } from "./outbox";
import { twilioSender } from "./twilio";
import { SmsError, type SmsSender } from "./types";

/** The partner's configured gateway, or the outbox. Throws when a stored token cannot be opened. */
export async function smsSenderFor(partnerId: string): Promise<SmsSender> {
  const gateway = await db.smsGateway.findUnique({ where: { partnerId } });
  if (!gateway) return outboxSender();
  return twilioSender({ baseUrl: gateway.baseUrl, accountSid: gateway.accountSid, authToken: open(gateway.authTokenSealed), fromNumber: gateway.fromNumber });
}

export type SmsDelivery = {
  partnerId: string;
  tenantId?: string | null;
  to: string;
  body: string;
  /**
   * A secret in the body (a verification code) kept out of the log when the text really left:
   * the person's phone has it, the database need not. The outbox keeps it, being the delivery.
   */
  secret?: string;
};

/** Sends and records the text; returns the row. Never throws for a failed send: the row says FAILED and why. */
export async function deliverSms(delivery: SmsDelivery) {
  let sender: SmsSender;
  try {
    sender = await smsSenderFor(delivery.partnerId);
  } catch (err) {
    return record(delivery, "gateway", "FAILED", null, err instanceof Error ? err.message : "The SMS gateway is not usable.");
  }
  try {
    const { providerMessageId } = await sender.send({ to: delivery.to, body: delivery.body });
    return record(delivery, sender.channel, sender.channel === "outbox" ? "OUTBOX" : "SENT", providerMessageId, null);
  } catch (err) {
    const reason = err instanceof SmsError ? err.message : "The text could not be sent.";
    if (!(err instanceof SmsError)) console.error("[sms] unexpected send failure", err);
    return record(delivery, sender.channel, "FAILED", null, reason);
  }
}

function record(delivery: SmsDelivery, channel: string, status: "OUTBOX" | "SENT" | "FAILED", providerMessageId: string | null, error: string | null) {
  const body = channel !== "outbox" && delivery.secret ? delivery.body.replaceAll(delivery.secret, "•".repeat(delivery.secret.length)) : delivery.body;
  return db.smsMessage.create({
    data: { partnerId: delivery.partnerId, tenantId: delivery.tenantId ?? null, to: delivery.to, body, channel, status, providerMessageId, error },
  });
}
