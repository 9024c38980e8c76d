/**
 * The partner's text messages, through the procedures: the outbox, the Twilio gateway (a
 * local Twilio over real HTTP), and codes sent through it.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { callerFor, seedPartner, seedTenant } from "@/tests/fixtures/seed-tenant";
import { expectTrpcError } from "@/tests/fixtures/procedures";
import { startTwilioLocal, type TwilioLocal } from "@/tests/fixtures/twilio-local";
import { SMS_PAGE_SIZE } from "./schema";
import { isAllowedGatewayUrl } from "./service";

let twilio: TwilioLocal;
let partnerId: string;
let tenantId: string;
let partnerAdmin: Awaited<ReturnType<typeof callerFor>>;
let customerAdmin: Awaited<ReturnType<typeof callerFor>>;

const gatewayInput = () => ({ baseUrl: twilio.baseUrl, accountSid: twilio.accountSid, authToken: twilio.authToken, fromNumber: twilio.fromNumber });

beforeAll(async () => {
  twilio = await startTwilioLocal();
  const seeded = await seedPartner("Demo Telecom");
  partnerId = seeded.partner.id;
  partnerAdmin = await callerFor(seeded.admin.id);
  const company = await seedTenant({ partnerId, extensionUsers: 0 });
  tenantId = company.tenant.id;
  customerAdmin = await callerFor(company.admin.id);
});
afterAll(() => twilio?.close());

describe("[SMS] the partner's gateway and outbox", () => {
  it("lists the partner's texts newest first, a page at a time", async () => {
    const base = Date.UTC(2026, 0, 1);
    await db.smsMessage.createMany({
      data: Array.from({ length: SMS_PAGE_SIZE + 2 }, (_, i) => ({ partnerId, tenantId, to: "+447400000001", body: `Text ${i}`, channel: "outbox", status: "OUTBOX", createdAt: new Date(base + i * 1000) })),
    });
    const first = await partnerAdmin.sms.outbox({ page: 1 });
    expect(first).toMatchObject({ total: SMS_PAGE_SIZE + 2, pageCount: 2 });
    expect(first.items[0]).toMatchObject({ body: `Text ${SMS_PAGE_SIZE + 1}`, status: "OUTBOX", customerName: expect.stringMatching(/^Company /) });
    expect((await partnerAdmin.sms.outbox({ page: 2 })).items.map((m) => m.body)).toEqual(["Text 1", "Text 0"]);
    await db.smsMessage.deleteMany({ where: { partnerId } });
  });

  it("stores the Twilio token sealed and shows only its last four characters", async () => {
    expect(await partnerAdmin.sms.gateway.get()).toBeNull();
    await expectTrpcError(partnerAdmin.sms.gateway.set({ ...gatewayInput(), authToken: "" }), "BAD_REQUEST"); // no token yet
    await expectTrpcError(partnerAdmin.sms.gateway.set({ ...gatewayInput(), accountSid: "AC123" }), "BAD_REQUEST");
    const saved = await partnerAdmin.sms.gateway.set(gatewayInput());
    expect(saved).toEqual({ kind: "TWILIO", baseUrl: twilio.baseUrl, accountSid: twilio.accountSid, fromNumber: twilio.fromNumber, tokenHint: `••••${twilio.authToken.slice(-4)}`, updatedAt: expect.any(Date) });
    const row = await db.smsGateway.findUniqueOrThrow({ where: { partnerId } });
    expect(row.authTokenSealed).not.toContain(twilio.authToken);
    // Saving again without a token keeps the stored one.
    expect((await partnerAdmin.sms.gateway.set({ ...gatewayInput(), authToken: "" }))?.tokenHint).toBe(saved?.tokenHint);
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "sms.setGateway", partnerId } });
    expect(JSON.stringify(audit.details)).not.toContain(twilio.authToken);
  });

  it("allows plain http only to this machine, and never in production", () => {
    expect(isAllowedGatewayUrl("https://api.twilio.com", true)).toBe(true);
    expect(isAllowedGatewayUrl("http://127.0.0.1:4010", false)).toBe(true);
    expect(isAllowedGatewayUrl("http://127.0.0.1:4010", true)).toBe(false);
    expect(isAllowedGatewayUrl("http://api.twilio.com", false)).toBe(false);
  });

  it("sends codes through Twilio, keeping the code out of the log, and a failed send costs nothing", async () => {
    const number = "+447400777001";
    const { verificationId } = await customerAdmin.callerId.sendCode({ number });
    const delivered = twilio.sent.at(-1)!;
    expect(delivered).toMatchObject({ to: number, from: twilio.fromNumber });
    const code = /code is (\d{6})\./.exec(delivered.body)![1]!;
    const logged = (await partnerAdmin.sms.outbox({ page: 1 })).items[0]!;
    expect(logged).toMatchObject({ to: number, channel: "twilio", status: "SENT", providerMessageId: delivered.sid });
    expect(logged.body).toBe("Your Demo Telecom verification code is ••••••. It expires in 10 minutes.");
    await expect(customerAdmin.callerId.verifyCode({ verificationId, code })).resolves.toMatchObject({ number });

    twilio.failNext("500");
    await expectTrpcError(customerAdmin.callerId.sendCode({ number }), "BAD_GATEWAY");
    const failed = (await partnerAdmin.sms.outbox({ page: 1 })).items[0]!;
    expect(failed).toMatchObject({ status: "FAILED", error: expect.stringContaining("HTTP 500") });
    expect(await db.mobileVerification.count({ where: { number } })).toBe(1); // only the delivered one
  });

  it("goes back to the outbox when the gateway is removed", async () => {
    await partnerAdmin.sms.gateway.remove();
    expect(await partnerAdmin.sms.gateway.get()).toBeNull();
    await expectTrpcError(partnerAdmin.sms.gateway.remove(), "NOT_FOUND");
    await customerAdmin.callerId.sendCode({ number: "+447400777002" });
    expect((await partnerAdmin.sms.outbox({ page: 1 })).items[0]).toMatchObject({ channel: "outbox", status: "OUTBOX", body: expect.stringMatching(/code is \d{6}\./) });
  });

  it("records policy changes", async () => {
    expect(await partnerAdmin.sms.policy.get()).toEqual({ allowUnverifiedMobileCli: false });
    expect(await partnerAdmin.sms.policy.set({ allowUnverifiedMobileCli: true })).toEqual({ allowUnverifiedMobileCli: true });
    expect(await db.auditLog.count({ where: { action: "partner.setCallerIdPolicy", partnerId } })).toBe(1);
  });
});
