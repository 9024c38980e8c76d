/**
 * Keeps Asterisk's dynamic PJSIP objects equal to the database (DESIGN.md section 5: the
 * database is the truth). A full push runs on every ARI (re)connect, because Asterisk may have
 * restarted and lost them, and single accounts are pushed on `sip_accounts_changed`.
 *
 * Asterisk merges a PUT into an existing object: fields no longer sent survive (a callerid
 * after the extension is gone), and every re-PUT re-applies deprecated defaults with a warning.
 * So the endpoint carries fingerprints of the three objects as pushed, and an account whose
 * fingerprints match is left alone. Otherwise:
 * - auth and AOR are PUT only when theirs differ. They always carry the same attributes, so a
 *   merge leaves exactly ours. The AOR is never deleted: Asterisk deletes its registered
 *   contacts with it, and every phone would drop off until it registers again.
 * - the endpoint, whose attributes vary (callerid), is deleted and created again.
 */
import { AriError, type AriClient } from "../ari";
import type { SipAccountRow } from "../dialplan/sip-account-queries";
import type { Logger } from "../log";
import { expectedFingerprints, pjsipObjectsFor, pjsipRef, pjsipRefsToDelete, provisionedFingerprints, type PjsipObject } from "./pjsip-objects";

/** Enough parallel PUTs to push thousands of accounts quickly without flooding Asterisk's HTTP server. */
const CONCURRENCY = 16;

export interface ProvisionerDeps {
  ari: AriClient;
  log: Logger;
  listAll: () => Promise<SipAccountRow[]>;
  findChanged: (sipAccountOrTenantId: string) => Promise<SipAccountRow[]>;
  /** Static pjsip.conf endpoints (trunks) that a full sync must never delete. */
  staticEndpoints: readonly string[];
}

export interface SyncResult {
  /** Accounts created or re-created in Asterisk. */
  pushed: number;
  /** Accounts whose objects already matched the database. */
  unchanged: number;
  deleted: number;
  failed: number;
}

const isNotFound = (err: unknown) => err instanceof AriError && err.status === 404;

/**
 * How long after (re)creating an endpoint its "offline" is ours, not the phone's: a new
 * endpoint starts offline until its AOR's contacts are qualified again, which pjsip.conf's
 * max_initial_qualify_time keeps to about a second.
 */
export const REPUSH_SETTLE_MS = 5000;

async function eachLimited<T>(items: readonly T[], fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const run = async () => {
    while (next < items.length) await fn(items[next++] as T);
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, items.length) }, run));
}

export function createProvisioner(deps: ProvisionerDeps) {
  const recreatedAt = new Map<string, number>();
  const noteRecreated = (username: string) => {
    const now = Date.now();
    for (const [name, at] of recreatedAt) if (now - at > REPUSH_SETTLE_MS) recreatedAt.delete(name);
    recreatedAt.set(username, now);
  };
  const put = (object: PjsipObject) => deps.ari.asterisk.putObject(object.ref, object.fields);
  /** Returns whether anything was written. */
  const push = async (account: SipAccountRow): Promise<boolean> => {
    const [auth, aor, endpoint] = pjsipObjectsFor(account) as [PjsipObject, PjsipObject, PjsipObject];
    const current = await deps.ari.asterisk.getObject(pjsipRef("endpoint", account.username)).catch((err: unknown) => {
      if (isNotFound(err)) return null;
      throw err;
    });
    const have = current ? provisionedFingerprints(current) : null;
    const want = expectedFingerprints([endpoint]);
    if (have && want && have.auth === want.auth && have.aor === want.aor && have.endpoint === want.endpoint) return false;
    if (have?.auth !== want?.auth) await put(auth);
    if (have?.aor !== want?.aor) await put(aor);
    if (current) {
      await deps.ari.asterisk.deleteObject(endpoint.ref).catch((err: unknown) => {
        if (!isNotFound(err)) throw err;
      });
    }
    noteRecreated(account.username);
    await put(endpoint);
    return true;
  };
  /** 404: already gone. 403: Asterisk refuses to delete objects from static config, which we must keep anyway. */
  const remove = async (username: string) => {
    for (const ref of pjsipRefsToDelete(username)) {
      await deps.ari.asterisk.deleteObject(ref).catch((err: unknown) => {
        if (!(err instanceof AriError && (err.status === 404 || err.status === 403))) throw err;
      });
    }
  };

  /** Pushes every account, then deletes PJSIP endpoints Asterisk has that the database does not. */
  async function fullSync(): Promise<SyncResult> {
    const accounts = await deps.listAll();
    const result: SyncResult = { pushed: 0, unchanged: 0, deleted: 0, failed: 0 };
    await eachLimited(accounts, async (account) => {
      try {
        if (await push(account)) result.pushed++;
        else result.unchanged++;
      } catch (err) {
        result.failed++;
        deps.log.error("provisioning push failed", { tenantId: account.tenantId, sipAccountId: account.id, err });
      }
    });
    const known = new Set([...accounts.map((a) => a.username), ...deps.staticEndpoints]);
    const live = await deps.ari.endpoints.listByTech("PJSIP");
    const stale = live.map((e) => e.resource).filter((r) => !known.has(r));
    await eachLimited(stale, async (username) => {
      await remove(username).then(() => result.deleted++, (err: unknown) => {
        result.failed++;
        deps.log.error("provisioning delete failed", { endpoint: username, err });
      });
    });
    deps.log.info("provisioning full sync done", { ...result });
    return result;
  }

  return {
    fullSync,
    /** True while an endpoint's state changes may still be the echo of our own re-creation. */
    isSettling: (username: string) => Date.now() - (recreatedAt.get(username) ?? -Infinity) <= REPUSH_SETTLE_MS,
    /**
     * Pushes what a `sip_accounts_changed` payload names. A payload naming nothing means the
     * account (or all of a tenant's) was deleted; its username is gone with the row, so a full
     * sync finds and deletes the orphaned PJSIP objects instead.
     */
    async syncChanged(sipAccountOrTenantId: string): Promise<void> {
      const accounts = await deps.findChanged(sipAccountOrTenantId);
      if (accounts.length === 0) return void (await fullSync());
      await eachLimited(accounts, async (account) => void (await push(account)));
    },
  };
}

export type Provisioner = ReturnType<typeof createProvisioner>;
