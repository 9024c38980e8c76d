/**
 * Keeps Asterisk's dynamic PJSIP objects equal to the database (DESIGN.md section 5: the
 * database is the truth). A full push runs on every ARI (re)connect, because Asterisk may have
 * restarted and lost them, and single accounts are pushed on `sip_accounts_changed`.
 *
 * Asterisk merges a PUT into an existing object: fields no longer sent survive (a callerid
 * after the extension is gone), and every re-PUT re-applies deprecated defaults with a warning.
 * So an account whose objects carry the current fingerprint is left alone, and one that
 * differs is deleted and created again with exactly the database's fields.
 */
import { AriError, type AriClient } from "../ari";
import type { SipAccountRow } from "../dialplan/sip-account-queries";
import type { Logger } from "../log";
import { expectedFingerprint, pjsipObjectsFor, pjsipRef, pjsipRefsToDelete, provisionedFingerprint } from "./pjsip-objects";

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
  /** Returns whether anything was written. */
  const push = async (account: SipAccountRow): Promise<boolean> => {
    const objects = pjsipObjectsFor(account);
    const current = await deps.ari.asterisk.getObject(pjsipRef("endpoint", account.username)).catch((err: unknown) => {
      if (isNotFound(err)) return null;
      throw err;
    });
    if (current && provisionedFingerprint(current) === expectedFingerprint(objects)) return false;
    // Differs, or half there (an auth or AOR without its endpoint): start from nothing.
    await remove(account.username);
    noteRecreated(account.username);
    for (const object of objects) await deps.ari.asterisk.putObject(object.ref, object.fields);
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
