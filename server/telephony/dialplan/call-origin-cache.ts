/**
 * Call resolution without a query per call: the SIP account behind a calling endpoint and the
 * tenant behind a dialled DID, cached until a NOTIFY names the tenant or the account (see
 * lookup-cache.ts for what `forget` drops and why misses go too).
 */
import type { Db } from "@/server/db";
import { LookupCache, type LookupCacheOptions } from "./lookup-cache";
import { findAccountOrigin, findDidOrigin, type AccountOrigin, type DidOrigin, type OriginLookups } from "./resolve-tenant";

export function createCallOriginCache(db: Db, options: LookupCacheOptions) {
  const accounts = new LookupCache<AccountOrigin | null>(
    (username) => findAccountOrigin(db, username),
    (account) => (account ? [account.tenantId, account.sipAccountId] : []),
    options,
  );
  const dids = new LookupCache<DidOrigin | null>((exten) => findDidOrigin(db, exten), (did) => (did ? [did.tenantId] : []), options);
  const lookups: OriginLookups = {
    accountByUsername: (username) => accounts.get(username),
    didByExten: (exten) => dids.get(exten),
  };
  return {
    lookups,
    /** A tenant or SIP account id from a NOTIFY payload. */
    forget(id: string): void {
      accounts.forget(id);
      dids.forget(id);
    },
    clear(): void {
      accounts.clear();
      dids.clear();
    },
  };
}

export type CallOriginCache = ReturnType<typeof createCallOriginCache>;
