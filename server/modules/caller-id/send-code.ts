/**
 * Sending a code to prove a mobile number. The limits are checked and the verification row
 * written under a transaction-scoped advisory lock on the number (and then on the user), so
 * concurrent requests queue and the fourth of four simultaneous sends is refused, never let
 * through by two counts that both saw two. The text goes out after the commit: the lock is
 * not held across a ten-second HTTP call.
 */
import { randomUUID } from "node:crypto";
import { env } from "../../env.js";
import { AppError } from "../../errors";
import { deliverSms } from "../../integrations/sms/deliver";
import type { TenantScope } from "../../tenancy";
import type { Actor } from "../audit/service";
import {
  MAX_SENDS_PER_NUMBER, MAX_SENDS_PER_USER_PER_HOUR, codeMessage, expiresAtFor, generateCode, hashCode, minutesUntilNextSend, sendWindowStart,
  userWindowStart,
} from "./domain";
import { parseMobile } from "./mobile-number";
import { companyContext } from "./policy";
import type { TSendCodeInput } from "./schema";

/**
 * Texts a new code to the mobile and returns the verification to quote with it. The code is
 * bound to the asking user and the number. Throws INVALID for a number that is not a mobile,
 * LIMIT_EXCEEDED past 3 codes per number (from any company) per 10 minutes or 10 per user per
 * hour, and UPSTREAM_FAILED when the text could not be sent (that attempt does not count).
 */
export async function sendCode({ db, tenantId }: TenantScope, actor: Actor, input: TSendCodeInput, now = new Date()) {
  const company = await companyContext(db, tenantId);
  const number = parseMobile(input.number, company.countryCode);
  const verificationId = randomUUID();
  const code = generateCode();
  const expiresAt = expiresAtFor(now);

  await db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`caller-id-send:${number}`}, 0))`;
    // Raw SQL on purpose: the limit counts every company's codes to this number, since it
    // protects the phone's owner from being flooded, whoever asks.
    const recent = await tx.$queryRaw<{ createdAt: Date }[]>`
      SELECT "createdAt" FROM "MobileVerification"
      WHERE "number" = ${number} AND "createdAt" > ${sendWindowStart(now)}
      ORDER BY "createdAt" ASC`;
    if (recent.length >= MAX_SENDS_PER_NUMBER) {
      const minutes = minutesUntilNextSend(recent[0]!.createdAt, now);
      throw new AppError("LIMIT_EXCEEDED", `Too many codes sent to this number; try again in ${minutes} ${minutes === 1 ? "minute" : "minutes"}.`);
    }
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`caller-id-user:${actor.id}`}, 0))`;
    const byUser = await tx.mobileVerification.count({ where: { userId: actor.id, createdAt: { gt: userWindowStart(now) } } });
    if (byUser >= MAX_SENDS_PER_USER_PER_HOUR) throw new AppError("LIMIT_EXCEEDED", "You have asked for many codes in the last hour; try again later.");
    await tx.mobileVerification.create({
      data: { id: verificationId, tenantId, userId: actor.id, number, codeHash: hashCode(env.AUTH_SECRET, verificationId, code), expiresAt, createdAt: now },
    });
  });

  const sms = await deliverSms({ partnerId: company.partnerId, tenantId, to: number, body: codeMessage(company.partnerName, code), secret: code });
  if (sms.status === "FAILED") {
    // Nobody received this code, so it neither counts against the number nor can be guessed.
    await db.mobileVerification.deleteMany({ where: { id: verificationId } });
    throw new AppError("UPSTREAM_FAILED", `The text message could not be sent: ${sms.error ?? "unknown reason"}`);
  }
  return { verificationId, number, expiresAt };
}
