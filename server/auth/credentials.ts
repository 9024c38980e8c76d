import { db } from "../db";
import { burnPasswordCheck, verifyPassword } from "./password";
import { LOCKOUT, lockedUntil, minutesLeft } from "./lockout";
import { loadSessionUser, type SessionUser } from "./session-user";

export type CredentialsResult =
  | { ok: true; user: SessionUser }
  | { ok: false; reason: "invalid" | "suspended" }
  | { ok: false; reason: "locked"; minutes: number };

/**
 * Checks an email and password, enforcing the lockout per account and per IP, and records
 * the attempt. A locked account is refused before the password is looked at, so guessing
 * during a lock gains nothing. Unknown emails cost as long as wrong passwords.
 */
export async function verifyCredentials(unverifiedEmail: string, password: string, ip: string, now = new Date()): Promise<CredentialsResult> {
  const email = unverifiedEmail.trim().toLowerCase();
  const lock = await currentLock(email, ip, now);
  if (lock) return { ok: false, reason: "locked", minutes: minutesLeft(lock, now) };

  const user = await db.user.findUnique({ where: { email }, select: { id: true, passwordHash: true } });
  const isValid = user ? await verifyPassword(user.passwordHash, password) : (await burnPasswordCheck(password), false);
  await db.loginAttempt.create({ data: { email, ip, isSuccess: isValid, createdAt: now } });
  if (!user || !isValid) {
    const lockNow = await currentLock(email, ip, now);
    return lockNow ? { ok: false, reason: "locked", minutes: minutesLeft(lockNow, now) } : { ok: false, reason: "invalid" };
  }
  const sessionUser = await loadSessionUser(user.id);
  if (!sessionUser) return { ok: false, reason: "suspended" };
  await db.user.update({ where: { id: user.id }, data: { lastSignInAt: now } });
  return { ok: true, user: sessionUser };
}

async function currentLock(email: string, ip: string, now: Date): Promise<Date | null> {
  const since = new Date(now.getTime() - LOCKOUT.windowMs - LOCKOUT.lockMs);
  const [byAccount, byIp] = await Promise.all([failuresSinceSuccess({ email }, since), failuresSinceSuccess({ ip }, since)]);
  const accountLock = lockedUntil(byAccount, LOCKOUT.maxFailuresPerAccount, now);
  const ipLock = lockedUntil(byIp, LOCKOUT.maxFailuresPerIp, now);
  if (!accountLock || !ipLock) return accountLock ?? ipLock;
  return accountLock > ipLock ? accountLock : ipLock;
}

async function failuresSinceSuccess(who: { email: string } | { ip: string }, since: Date): Promise<Date[]> {
  const attempts = await db.loginAttempt.findMany({
    where: { ...who, createdAt: { gte: since } },
    orderBy: { createdAt: "desc" },
    select: { isSuccess: true, createdAt: true },
    take: 200,
  });
  const lastSuccess = attempts.findIndex((a) => a.isSuccess);
  return (lastSuccess === -1 ? attempts : attempts.slice(0, lastSuccess)).map((a) => a.createdAt);
}
