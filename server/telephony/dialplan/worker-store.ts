/**
 * The worker's database access in one place (the raw client is allowed only under
 * dialplan/): routing snapshots, tenant resolution, SIP accounts, presence and CDR writes.
 *
 * Per call the worker reads nothing once warm: who is calling (call-origin-cache.ts) and the
 * tariff (tariff-cache.ts) are cached like the dial plans, and dropped by the same NOTIFYs.
 * start-worker.ts calls `forgetTenant` on `dialplan_changed`, which every write that changes
 * an extension, a DID or a tariff sends in its transaction, and `forgetAll` when the LISTEN
 * connection reconnects. `sip_accounts_changed` alone (a new secret, accounts bought without
 * an extension) never changes what resolution returns, so it goes to provisioning only.
 * Presence rows and CDRs are written in batches.
 */
import type { Db } from "@/server/db";
import type { Logger } from "../log";
import { createCallOriginCache } from "./call-origin-cache";
import { createCallRecordWriter, writeCallRecord, type CallRecordInput } from "./call-record-store";
import { createCreditStateCache } from "./credit-state-store";
import { loadTenantDialPlan } from "./load-dial-plan";
import { createCallStateStore, saveRegistration, type PresenceNotifier } from "./presence-store";
import { resolveTenantForCall } from "./resolve-tenant";
import { findSipAccountByUsername, findSipAccountsFor, listSipAccounts } from "./sip-account-queries";
import { createTariffCache } from "./tariff-cache";

/** Safety net for a change whose NOTIFY never came; the same as the dial plans' default. */
const CACHE_MAX_AGE_MS = 5 * 60_000;

/** `mediaDir`: the media store's absolute folder, where menus' and queues' prompts play from. */
export function createWorkerStore(db: Db, options: { trunk: string; log: Logger; notify?: PresenceNotifier; cacheMaxAgeMs?: number; mediaDir?: string; ensurePromptFile?: (fileKey: string) => Promise<unknown> }) {
  const cacheOptions = { maxAgeMs: options.cacheMaxAgeMs ?? CACHE_MAX_AGE_MS };
  const origins = createCallOriginCache(db, cacheOptions);
  const tariffs = createTariffCache(db, cacheOptions);
  const credit = createCreditStateCache(db, cacheOptions);
  const callStates = createCallStateStore(db, options.notify);
  const insertCallRecord = createCallRecordWriter(db, { notify: options.notify, log: options.log });
  return {
    loadDialPlan: (tenantId: string) =>
      loadTenantDialPlan(db, tenantId, { trunk: options.trunk, log: options.log, ...(options.mediaDir !== undefined ? { mediaDir: options.mediaDir } : {}), ...(options.ensurePromptFile ? { ensurePromptFile: options.ensurePromptFile } : {}) }),
    resolveCall: (channel: { name: string; dialplan: { exten: string } }) => resolveTenantForCall(origins.lookups, channel),
    listSipAccounts: () => listSipAccounts(db),
    findSipAccountsFor: (id: string) => findSipAccountsFor(db, id),
    findAccount: (username: string) => findSipAccountByUsername(db, username),
    saveRegistration: (row: Parameters<typeof saveRegistration>[1]) => saveRegistration(db, row, options.notify),
    saveCallState: callStates.saveCallState,
    saveIdle: callStates.saveIdle,
    writeCallRecord: (record: CallRecordInput) => writeCallRecord(record, { tariffFor: tariffs.tariffFor, insert: insertCallRecord, log: options.log }),
    /** RoutingState.isOutOfCredit: prepaid and balance + credit limit used up (credit-state-store.ts). */
    isOutOfCredit: (tenantId: string) => credit.isOutOfCredit(tenantId),
    /** `dialplan_changed` for a tenant: its configuration, numbers or tariff changed. */
    forgetTenant: (tenantId: string) => {
      origins.forget(tenantId);
      tariffs.forget(tenantId);
      credit.forget(tenantId);
      options.log.debug("tenant configuration changed; cached resolutions and tariff dropped", { tenantId });
    },
    forgetAll: () => {
      origins.clear();
      tariffs.clear();
      credit.clear();
    },
  };
}

export type WorkerStore = ReturnType<typeof createWorkerStore>;
