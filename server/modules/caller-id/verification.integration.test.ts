/**
 * Proving a mobile by SMS code, against the real database: the code read from the outbox as a
 * person would read it off the phone, and the clock injected so expiry and windows are exact.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import { tenantDb, type TenantScope } from "@/server/tenancy";
import { seedPartner, seedTenant, seedUser } from "@/tests/fixtures/seed-tenant";
import { MAX_ATTEMPTS } from "./domain";
import { sendCode } from "./send-code";
import { verifyCode } from "./verify-code";

const T0 = new Date("2026-03-01T09:00:00Z");
const minutes = (n: number) => new Date(T0.getTime() + n * 60_000);
let partnerId: string;
let numberSeq = 0;
/** A fresh number per test, so one test's sends never count against another's. */
const nextMobile = () => `+447400${String(123_000 + numberSeq++)}`;

type Company = { scope: TenantScope; admin: { id: string; email: string }; otherAdmin: { id: string; email: string } };
async function company(): Promise<Company> {
  const { tenant, admin } = await seedTenant({ partnerId, extensionUsers: 0 });
  const otherAdmin = await seedUser({ role: "CUSTOMER_ADMIN", tenantId: tenant.id });
  return { scope: { tenantId: tenant.id, db: tenantDb(tenant.id) }, admin, otherAdmin };
}

/** The code as the phone received it: the last text to the number, from the outbox. */
async function codeSentTo(number: string): Promise<string> {
  const sms = await db.smsMessage.findFirstOrThrow({ where: { to: number }, orderBy: { createdAt: "desc" } });
  return /code is (\d{6})\./.exec(sms.body)![1]!;
}

const failureOf = (promise: Promise<unknown>) => promise.then(() => { throw new Error("expected a refusal"); }, (e: unknown) => e as AppError);

beforeAll(async () => {
  partnerId = (await seedPartner("Demo Telecom")).partner.id;
});

describe("[CALLER_ID] sending a code", () => {
  it("texts six digits through the outbox, keeps only a hash, and binds the code to the user and number", async () => {
    const { scope, admin } = await company();
    const number = nextMobile();
    const sent = await sendCode(scope, admin, { number: number.replace("+44", "0") }, T0); // typed nationally
    expect(sent).toEqual({ verificationId: expect.any(String), number, expiresAt: minutes(10) });
    const sms = await db.smsMessage.findFirstOrThrow({ where: { to: number } });
    expect(sms).toMatchObject({ partnerId, tenantId: scope.tenantId, channel: "outbox", status: "OUTBOX" });
    expect(sms.body).toMatch(/^Your Demo Telecom verification code is \d{6}\. It expires in 10 minutes\.$/);
    const row = await db.mobileVerification.findUniqueOrThrow({ where: { id: sent.verificationId } });
    expect(row).toMatchObject({ tenantId: scope.tenantId, userId: admin.id, number, attempts: 0, consumedAt: null });
    expect(row.codeHash).not.toContain(await codeSentTo(number));
  });

  it("refuses a number that is not a mobile, saying why", async () => {
    const { scope, admin } = await company();
    const refused = await failureOf(sendCode(scope, admin, { number: "+44 20 7946 0000" }, T0));
    expect(refused.code).toBe("INVALID");
    expect(refused.fieldErrors?.number).toMatch(/not a mobile number/);
    expect(await failureOf(sendCode(scope, admin, { number: "12" }, T0))).toMatchObject({ code: "INVALID" });
  });

  it("sends at most 3 codes per number per 10 minutes, counting every company, then allows one again", async () => {
    const [acme, globex] = [await company(), await company()];
    const number = nextMobile();
    await sendCode(acme.scope, acme.admin, { number }, minutes(0));
    await sendCode(globex.scope, globex.admin, { number }, minutes(1));
    await sendCode(acme.scope, acme.otherAdmin, { number }, minutes(2));
    const refused = await failureOf(sendCode(acme.scope, acme.admin, { number }, minutes(3)));
    expect(refused).toMatchObject({ code: "LIMIT_EXCEEDED", message: "Too many codes sent to this number; try again in 7 minutes." });
    expect(await db.smsMessage.count({ where: { to: number } })).toBe(3);
    // Ten minutes after the first send, it has left the window.
    await expect(sendCode(acme.scope, acme.admin, { number }, minutes(10.01))).resolves.toMatchObject({ number });
  });

  it("lets exactly 3 of 6 simultaneous sends through", async () => {
    const { scope, admin, otherAdmin } = await company();
    const number = nextMobile();
    const results = await Promise.allSettled(Array.from({ length: 6 }, (_, i) => sendCode(scope, i % 2 ? admin : otherAdmin, { number }, T0)));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(3);
    expect(results.filter((r) => r.status === "rejected").map((r) => (r as PromiseRejectedResult).reason.code)).toEqual(["LIMIT_EXCEEDED", "LIMIT_EXCEEDED", "LIMIT_EXCEEDED"]);
    expect(await db.mobileVerification.count({ where: { number } })).toBe(3);
  });

  it("limits one user to 10 codes an hour, whatever the numbers", async () => {
    const { scope, admin } = await company();
    for (let i = 0; i < 10; i++) await sendCode(scope, admin, { number: nextMobile() }, minutes(i));
    expect(await failureOf(sendCode(scope, admin, { number: nextMobile() }, minutes(30)))).toMatchObject({ code: "LIMIT_EXCEEDED" });
    await expect(sendCode(scope, admin, { number: nextMobile() }, minutes(61))).resolves.toBeDefined();
  });
});

describe("[CALLER_ID] checking a code", () => {
  it("verifies with the right code and lists the mobile as verified by the user", async () => {
    const { scope, admin } = await company();
    const number = nextMobile();
    const { verificationId } = await sendCode(scope, admin, { number }, T0);
    const verified = await verifyCode(scope, admin, { verificationId, code: await codeSentTo(number) }, minutes(2));
    expect(verified).toMatchObject({ number, verifiedAt: minutes(2) });
    expect(await db.verifiedMobile.findFirstOrThrow({ where: { tenantId: scope.tenantId, number } })).toMatchObject({ verifiedByUserId: admin.id, verifiedAt: minutes(2) });
    expect(await db.auditLog.count({ where: { action: "callerId.verify", tenantId: scope.tenantId } })).toBe(1);
  });

  it("expiry: a code is refused after 10 minutes, even when right", async () => {
    const { scope, admin } = await company();
    const number = nextMobile();
    const { verificationId } = await sendCode(scope, admin, { number }, T0);
    const code = await codeSentTo(number);
    const expired = await failureOf(verifyCode(scope, admin, { verificationId, code }, minutes(10)));
    expect(expired).toMatchObject({ code: "INVALID", message: "This code has expired. Request a new code." });
    expect(await db.verifiedMobile.count({ where: { tenantId: scope.tenantId } })).toBe(0);
    await expect(verifyCode(scope, admin, { verificationId, code }, minutes(9.9))).resolves.toMatchObject({ number });
  });

  it("attempt limit: after 5 wrong codes the 6th is refused even with the right code", async () => {
    const { scope, admin } = await company();
    const number = nextMobile();
    const { verificationId } = await sendCode(scope, admin, { number }, T0);
    const code = await codeSentTo(number);
    const wrong = code === "000000" ? "111111" : "000000";
    const messages: string[] = [];
    for (let i = 0; i < MAX_ATTEMPTS; i++) messages.push((await failureOf(verifyCode(scope, admin, { verificationId, code: wrong }, minutes(1)))).message);
    expect(messages[0]).toBe("That code is not right. 4 tries left.");
    expect(messages[3]).toBe("That code is not right. 1 try left.");
    expect(messages[4]).toBe("That code is not right, and it was the last try. Request a new code.");
    const locked = await failureOf(verifyCode(scope, admin, { verificationId, code }, minutes(1)));
    expect(locked).toMatchObject({ code: "INVALID", message: "Too many wrong codes: this one is locked. Request a new code." });
    expect((await db.mobileVerification.findUniqueOrThrow({ where: { id: verificationId } })).attempts).toBe(MAX_ATTEMPTS);
    expect(await db.verifiedMobile.count({ where: { tenantId: scope.tenantId } })).toBe(0);
  });

  it("counts simultaneous guesses exactly: 12 at once spend 5 attempts and none gets through", async () => {
    const { scope, admin } = await company();
    const number = nextMobile();
    const { verificationId } = await sendCode(scope, admin, { number }, T0);
    const code = await codeSentTo(number);
    const wrong = code === "000000" ? "111111" : "000000";
    const results = await Promise.allSettled(Array.from({ length: 12 }, () => verifyCode(scope, admin, { verificationId, code: wrong }, minutes(1))));
    expect(results.every((r) => r.status === "rejected")).toBe(true);
    expect((await db.mobileVerification.findUniqueOrThrow({ where: { id: verificationId } })).attempts).toBe(MAX_ATTEMPTS);
    await expect(verifyCode(scope, admin, { verificationId, code }, minutes(1))).rejects.toThrow(/locked/);
  });

  it("wrong user: another admin of the same company cannot use the code, and spends none of its attempts", async () => {
    const { scope, admin, otherAdmin } = await company();
    const number = nextMobile();
    const { verificationId } = await sendCode(scope, admin, { number }, T0);
    const code = await codeSentTo(number);
    for (const guess of [code, "123456"]) {
      expect(await failureOf(verifyCode(scope, otherAdmin, { verificationId, code: guess }, minutes(1)))).toMatchObject({ code: "NOT_FOUND" });
    }
    expect((await db.mobileVerification.findUniqueOrThrow({ where: { id: verificationId } })).attempts).toBe(0);
    expect(await db.verifiedMobile.count({ where: { tenantId: scope.tenantId } })).toBe(0);
    await expect(verifyCode(scope, admin, { verificationId, code }, minutes(1))).resolves.toMatchObject({ number });
  });

  it("reuse: a code that verified once fails the second time, also when raced", async () => {
    const { scope, admin } = await company();
    const number = nextMobile();
    const { verificationId } = await sendCode(scope, admin, { number }, T0);
    const code = await codeSentTo(number);
    const raced = await Promise.allSettled([1, 2, 3].map(() => verifyCode(scope, admin, { verificationId, code }, minutes(1))));
    expect(raced.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const reused = await failureOf(verifyCode(scope, admin, { verificationId, code }, minutes(2)));
    expect(reused).toMatchObject({ code: "INVALID", message: "This code has already been used. Request a new code." });
    expect(await db.auditLog.count({ where: { action: "callerId.verify", tenantId: scope.tenantId } })).toBe(1);
  });
});
