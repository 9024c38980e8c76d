/**
 * The worker's database access in one place (the raw client is allowed only under
 * dialplan/): routing snapshots, tenant resolution, SIP accounts, presence and CDR writes,
 * with a short-lived tariff cache so rating a CDR does not re-read the tariff every call.
 */
import type { Db } from "@/server/db";
import type { Logger } from "../log";
import { loadTenantTariff, writeCallRecord, type CallRecordInput } from "./call-record-store";
import { loadTenantDialPlan } from "./load-dial-plan";
import { saveCallState, saveIdle, saveRegistration, type PresenceNotifier } from "./presence-store";
import { resolveTenantForCall } from "./resolve-tenant";
import { findSipAccountByUsername, findSipAccountsFor, listSipAccounts } from "./sip-account-queries";

const TARIFF_MAX_AGE_MS = 60_000;

export function createWorkerStore(db: Db, options: { trunk: string; log: Logger; notify?: PresenceNotifier }) {
  const tariffs = new Map<string, { at: number; tariff: ReturnType<typeof loadTenantTariff> }>();
  const tariffFor = (tenantId: string) => {
    const hit = tariffs.get(tenantId);
    if (hit && Date.now() - hit.at < TARIFF_MAX_AGE_MS) return hit.tariff;
    const tariff = loadTenantTariff(db, tenantId);
    tariffs.set(tenantId, { at: Date.now(), tariff });
    // A failed load must not be cached.
    tariff.catch(() => tariffs.delete(tenantId));
    return tariff;
  };
  return {
    loadDialPlan: (tenantId: string) => loadTenantDialPlan(db, tenantId, { trunk: options.trunk }),
    resolveCall: (channel: { name: string; dialplan: { exten: string } }) => resolveTenantForCall(db, channel),
    listSipAccounts: () => listSipAccounts(db),
    findSipAccountsFor: (id: string) => findSipAccountsFor(db, id),
    findAccount: (username: string) => findSipAccountByUsername(db, username),
    saveRegistration: (row: Parameters<typeof saveRegistration>[1]) => saveRegistration(db, row, options.notify),
    saveCallState: (row: Parameters<typeof saveCallState>[1]) => saveCallState(db, row, options.notify),
    saveIdle: (row: Parameters<typeof saveIdle>[1]) => saveIdle(db, row, options.notify),
    writeCallRecord: (record: CallRecordInput) => writeCallRecord(db, record, { tariffFor, log: options.log }),
    /** Tariffs change rarely; `dialplan_changed` for a tenant also drops its cached tariff. */
    forgetTenant: (tenantId: string) => void tariffs.delete(tenantId),
    forgetAll: () => tariffs.clear(),
  };
}

export type WorkerStore = ReturnType<typeof createWorkerStore>;
