/**
 * Test support for the Asterisk lane: the demo seed's SIP accounts (prisma/seed-telephony.ts,
 * usernames `demo-<ext>-<last 6 of tenant id>`) with secrets the lane knows. The seed keeps its
 * random secrets to itself (only md5(username:realm:secret) is stored), so the lane overwrites
 * authMd5 with one computed from a known secret before the worker pushes the accounts.
 */
import type { Db } from "@/server/db";
import { sipAuthMd5 } from "@/server/modules/billing/sip-credentials";

export interface DemoAccount {
  tenantId: string;
  tenantName: string;
  /** The tenant's demo DID (E.164), or null. */
  did: string | null;
  extensionId: string;
  /** Extension number, e.g. "201". */
  number: string;
  sipAccountId: string;
  username: string;
  realm: string;
  secret: string;
}

/** A fixed, per-account secret: test phones only ever talk to the lane's own Asterisk. */
export const laneSecret = (username: string) => `lane-${username}`;

/** Sets a known secret on every SIP account that has an extension and returns them all. */
export async function setKnownSipSecrets(db: Db): Promise<DemoAccount[]> {
  const extensions = await db.extension.findMany({
    where: { sipAccountId: { not: null } },
    select: { id: true, number: true, tenant: { select: { id: true, name: true, dids: { select: { number: true }, take: 1 } } }, sipAccount: { select: { id: true, username: true, realm: true } } },
    orderBy: [{ tenant: { name: "asc" } }, { number: "asc" }],
  });
  const accounts: DemoAccount[] = [];
  for (const ext of extensions) {
    const sip = ext.sipAccount;
    if (!sip) continue;
    const secret = laneSecret(sip.username);
    await db.sipAccount.update({ where: { id: sip.id }, data: { authMd5: sipAuthMd5(sip.username, sip.realm, secret) } });
    accounts.push({
      tenantId: ext.tenant.id,
      tenantName: ext.tenant.name,
      did: ext.tenant.dids[0]?.number ?? null,
      extensionId: ext.id,
      number: ext.number,
      sipAccountId: sip.id,
      username: sip.username,
      realm: sip.realm,
      secret,
    });
  }
  return accounts;
}
