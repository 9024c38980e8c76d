import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startTwilioLocal, type TwilioLocal } from "@/tests/fixtures/twilio-local";
import { twilioSender } from "./twilio";
import { SmsError } from "./types";

let twilio: TwilioLocal;
beforeEach(async () => {
  twilio = await startTwilioLocal();
});
afterEach(() => twilio.close());

const sender = (overrides: { authToken?: string; timeoutMs?: number } = {}) =>
  twilioSender({ baseUrl: twilio.baseUrl, accountSid: twilio.accountSid, authToken: overrides.authToken ?? twilio.authToken, fromNumber: twilio.fromNumber, timeoutMs: overrides.timeoutMs ?? 2_000 });
const failureOf = (promise: Promise<unknown>) => promise.then(() => null, (e: unknown) => e as SmsError);
const message = { to: "+447911123456", body: "Your code is 123456." };

describe("Twilio SMS adapter", () => {
  it("posts To, From and Body form-encoded with Basic auth and returns Twilio's message sid", async () => {
    const { providerMessageId } = await sender().send(message);
    expect(providerMessageId).toMatch(/^SM[0-9a-f]{32}$/);
    expect(twilio.sent).toEqual([{ sid: providerMessageId, to: "+447911123456", from: twilio.fromNumber, body: "Your code is 123456." }]);
    expect(twilio.requests[0]).toMatchObject({ method: "POST", path: `/2010-04-01/Accounts/${twilio.accountSid}/Messages.json` });
    expect(twilio.requests[0]!.contentType).toMatch(/^application\/x-www-form-urlencoded/);
  });

  it("reports a refused auth token as an auth failure", async () => {
    const refused = await failureOf(sender({ authToken: "wrong-token" }).send(message));
    expect(refused).toBeInstanceOf(SmsError);
    expect(refused).toMatchObject({ kind: "auth" });
    expect(refused?.message).toContain("error 20003 Authenticate");
    twilio.failNext("401");
    expect(await failureOf(sender().send(message))).toMatchObject({ kind: "auth" });
    expect(twilio.sent).toEqual([]);
  });

  it("passes Twilio's own reason for a refused message on", async () => {
    twilio.failNext("400");
    const rejected = await failureOf(sender().send(message));
    expect(rejected).toMatchObject({ kind: "rejected" });
    expect(rejected?.message).toMatch(/HTTP 400: error 21211 The 'To' number \+447911123456 is not a valid phone number/);
  });

  it("tells a provider outage, a timeout and garbage apart", async () => {
    twilio.failNext("500");
    expect(await failureOf(sender().send(message))).toMatchObject({ kind: "unavailable", message: expect.stringContaining("HTTP 500") });
    twilio.failNext("hang");
    expect(await failureOf(sender({ timeoutMs: 300 }).send(message))).toMatchObject({ kind: "timeout" });
    twilio.failNext("garbage");
    expect(await failureOf(sender().send(message))).toMatchObject({ kind: "invalid_response", message: expect.stringContaining("not JSON") });
  });

  it("reports an unreachable provider", async () => {
    const closed = twilioSender({ baseUrl: "http://127.0.0.1:1", accountSid: twilio.accountSid, authToken: "x", fromNumber: twilio.fromNumber });
    expect(await failureOf(closed.send(message))).toMatchObject({ kind: "unavailable" });
  });
});
