/**
 * Checking a code. Each guess first claims an attempt with one conditional UPDATE
 * (attempts < 5, unused, unexpired, this user's), so concurrent guesses cannot exceed five:
 * PostgreSQL re-checks the condition on the locked row. Only a claimed attempt is compared,
 * and the right code is then consumed by a second conditional UPDATE, so two correct guesses
 * racing each other verify once.
 */
import { env } from "../../env.js";
import { AppError } from "../../errors";
import type { TenantScope } from "../../tenancy";
import { notifyDialPlanChanged } from "../../telephony/dialplan/notify";
import { recordAudit, type Actor } from "../audit/service";
import { MAX_ATTEMPTS, isCodeMatch } from "./domain";
import type { TVerifyCodeInput } from "./schema";

const codeError = (code: "INVALID" | "NOT_FOUND", message: string) => new AppError(code, message, { fieldErrors: { code: message } });

/**
 * Proves the mobile and puts it on the company's caller-ID list (verified now, by this user).
 * Another user's code, even in the same company, is NOT_FOUND and costs no attempt. Throws
 * INVALID for an expired, used or locked code and for a wrong one (saying how many tries are left).
 */
export async function verifyCode({ db, tenantId }: TenantScope, actor: Actor, input: TVerifyCodeInput, now = new Date()) {
  const mine = { id: input.verificationId, userId: actor.id };
  const verification = await db.mobileVerification.findFirst({ where: mine });
  if (!verification) throw codeError("NOT_FOUND", "That code request does not exist. Request a new code.");
  if (verification.consumedAt) throw codeError("INVALID", "This code has already been used. Request a new code.");
  if (verification.expiresAt <= now) throw codeError("INVALID", "This code has expired. Request a new code.");

  const claimed = await db.mobileVerification.updateMany({
    where: { ...mine, consumedAt: null, expiresAt: { gt: now }, attempts: { lt: MAX_ATTEMPTS } },
    data: { attempts: { increment: 1 } },
  });
  if (claimed.count === 0) {
    // Lost to a concurrent guess, or the last attempt was already spent: either way, a new code.
    throw codeError("INVALID", "Too many wrong codes: this one is locked. Request a new code.");
  }
  if (!isCodeMatch(env.AUTH_SECRET, verification.id, input.code, verification.codeHash)) {
    const { attempts } = await db.mobileVerification.findFirstOrThrow({ where: mine, select: { attempts: true } });
    const remaining = MAX_ATTEMPTS - attempts;
    throw codeError("INVALID", remaining > 0 ? `That code is not right. ${remaining} ${remaining === 1 ? "try" : "tries"} left.` : "That code is not right, and it was the last try. Request a new code.");
  }

  return db.$transaction(async (tx) => {
    const consumed = await tx.mobileVerification.updateMany({ where: { ...mine, consumedAt: null }, data: { consumedAt: now } });
    if (consumed.count === 0) throw codeError("INVALID", "This code has already been used. Request a new code.");
    const mobile = await tx.verifiedMobile.upsert({
      where: { tenantId_number: { tenantId, number: verification.number } },
      create: { tenantId, number: verification.number, verifiedAt: now, verifiedByUserId: actor.id },
      update: { verifiedAt: now, verifiedByUserId: actor.id },
    });
    await recordAudit(tx, actor, { action: "callerId.verify", entityType: "VerifiedMobile", entityId: mobile.id, tenantId, details: { number: mobile.number } });
    await notifyDialPlanChanged(tx, tenantId);
    return { id: mobile.id, number: mobile.number, verifiedAt: mobile.verifiedAt };
  });
}
