import { db } from "../db";
import { burnPasswordCheck, verifyPassword } from "./password";
import { LOCKOUT, lockedUntil, minutesLeft } from "./lockout";
import { loadSessionUser, type SessionUser } from "./session-user";

export type CredentialsResult =
  | { ok: true; user: SessionUser }
  | { ok: false; reason: "invalid" | "suspended" }
  | { ok: false; reason: "locked"; minutes: number };

type Tx = Parameters<Parameters<typeof db.$transaction>[0]>[0];

/**
 * Checks an email and password, enforcing the lockout per account and per IP, and records
 * the attempt. A locked account is refused before the password is looked at, so guessing
 * during a lock gains nothing. Unknown emails cost as long as wrong passwords.
 *
 * Admission is atomic: under a transaction-scoped advisory lock on the account and then on
 * the IP, the lock is checked and the attempt is recorded as a failure in the same step
 * (admitAttempt). Only an admitted attempt has its password verified, after the locks are
 * released, and a correct one turns its row into a success. So however many guesses arrive
 * at once, at most maxFailuresPerAccount passwords are checked per lock window; Argon2 never
 * runs while a lock is held.
 */
export async function verifyCredentials(unverifiedEmail: string, password: string, ip: string, now = new Date()): Promise<CredentialsResult> {
  const email = unverifiedEmail.trim().toLowerCase();
  const admission = await admitAttempt(email, ip, now);
  if (!admission.ok) return { ok: false, reason: "locked", minutes: minutesLeft(admission.lock, now) };

  const user = await db.user.findUnique({ where: { email }, select: { id: true, passwordHash: true } });
  const isValid = user ? await verifyPassword(user.passwordHash, password) : (await burnPasswordCheck(password), false);
  if (!user || !isValid) {
    const lockNow = await currentLock(db, email, ip, now);
    return lockNow ? { ok: false, reason: "locked", minutes: minutesLeft(lockNow, now) } : { ok: false, reason: "invalid" };
  }
  await db.loginAttempt.update({ where: { id: admission.attemptId }, data: { isSuccess: true } });
  const sessionUser = await loadSessionUser(user.id);
  if (!sessionUser) return { ok: false, reason: "suspended" };
  await db.user.update({ where: { id: user.id }, data: { lastSignInAt: now } });
  return { ok: true, user: sessionUser };
}

/**
 * Checks the lock and, when not locked, records the attempt as a failure, as one step per
 * account and per IP. Locks are always taken account first, then IP, so two admissions never
 * wait on each other in a cycle. Taken with pg_advisory_xact_lock, they end with the transaction.
 */
async function admitAttempt(email: string, ip: string, now: Date): Promise<{ ok: true; attemptId: bigint } | { ok: false; lock: Date }> {
  return db.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`login-attempt:email:${email}`}, 0))`;
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`login-attempt:ip:${ip}`}, 0))`;
      const lock = await currentLock(tx, email, ip, now);
      if (lock) return { ok: false, lock };
      const attempt = await tx.loginAttempt.create({ data: { email, ip, isSuccess: false, createdAt: now }, select: { id: true } });
      return { ok: true, attemptId: attempt.id };
    },
    // Admissions for one account queue behind each other; each holds its lock for a few queries.
    { maxWait: 10_000, timeout: 10_000 },
  );
}

async function currentLock(client: Tx | typeof db, email: string, ip: string, now: Date): Promise<Date | null> {
  const since = new Date(now.getTime() - LOCKOUT.windowMs - LOCKOUT.lockMs);
  // One after the other: inside the admission transaction both run on its one connection.
  const byAccount = await failuresSinceSuccess(client, { email }, since);
  const byIp = await failuresSinceSuccess(client, { ip }, since);
  const accountLock = lockedUntil(byAccount, LOCKOUT.maxFailuresPerAccount, now);
  const ipLock = lockedUntil(byIp, LOCKOUT.maxFailuresPerIp, now);
  if (!accountLock || !ipLock) return accountLock ?? ipLock;
  return accountLock > ipLock ? accountLock : ipLock;
}

async function failuresSinceSuccess(client: Tx | typeof db, who: { email: string } | { ip: string }, since: Date): Promise<Date[]> {
  const attempts = await client.loginAttempt.findMany({
    where: { ...who, createdAt: { gte: since } },
    orderBy: { createdAt: "desc" },
    select: { isSuccess: true, createdAt: true },
    take: 200,
  });
  const lastSuccess = attempts.findIndex((a) => a.isSuccess);
  return (lastSuccess === -1 ? attempts : attempts.slice(0, lastSuccess)).map((a) => a.createdAt);
}
