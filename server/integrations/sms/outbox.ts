import type { SmsSender } from "./types";

/**
 * The development channel: nothing leaves the building. The SmsMessage row the caller writes
 * is the outbox, and the partner's back office (Messages) reads it there.
 */
export const outboxSender = (): SmsSender => ({
  channel: "outbox",
  send: async () => ({ providerMessageId: null }),
});
