/** SIP account reads for provisioning (the worker pushes these to Asterisk). */
import type { Db } from "@/server/db";
import type { ProvisionedAccount } from "../provisioning/pjsip-objects";

export type WorkerDb = Db;

const SELECT = {
  id: true,
  tenantId: true,
  username: true,
  authMd5: true,
  realm: true,
  extension: { select: { number: true, displayName: true } },
} as const;

export type SipAccountRow = ProvisionedAccount & { id: string; tenantId: string };

/** Every SIP account, for the full push on (re)connect. Ordered so pushes are reproducible. */
export function listSipAccounts(db: Db): Promise<SipAccountRow[]> {
  return db.sipAccount.findMany({ select: SELECT, orderBy: { username: "asc" } });
}

/**
 * The accounts a `sip_accounts_changed` payload names: the account with that id, or every
 * account of the tenant with that id. Empty when neither exists (the account was deleted).
 */
export async function findSipAccountsFor(db: Db, sipAccountOrTenantId: string): Promise<SipAccountRow[]> {
  const one = await db.sipAccount.findUnique({ where: { id: sipAccountOrTenantId }, select: SELECT });
  if (one) return [one];
  return db.sipAccount.findMany({ where: { tenantId: sipAccountOrTenantId }, select: SELECT });
}

/** Maps an Asterisk endpoint name back to its account, for presence events. */
export function findSipAccountByUsername(db: Db, username: string) {
  return db.sipAccount.findUnique({ where: { username }, select: { id: true, tenantId: true } });
}
