import type { PresenceNotice } from "./notify";

/**
 * At most this many extension ids per notice: a cuid is 25 characters, so 200 of them keep
 * the JSON near 5.5 kB, under NOTIFY's 8000-byte payload limit.
 */
export const MAX_IDS_PER_NOTICE = 200;

type EndedCall = { tenantId: string; extensionId: string | null; answeredByExtensionId?: string | null };

/**
 * The "callEnded" notices for one batch of CDRs: one per tenant (more only past
 * MAX_IDS_PER_NOTICE extensions), naming every extension that took part (the one the call
 * was for and the one that answered), so open recent-calls pages refetch once per batch,
 * never once per call. A tenant's call no extension took part in still sends an empty list:
 * its admins see every call.
 */
export function callEndedNotices(rows: readonly EndedCall[]): PresenceNotice[] {
  const byTenant = new Map<string, Set<string>>();
  for (const row of rows) {
    let ids = byTenant.get(row.tenantId);
    if (!ids) byTenant.set(row.tenantId, (ids = new Set()));
    if (row.extensionId) ids.add(row.extensionId);
    if (row.answeredByExtensionId) ids.add(row.answeredByExtensionId);
  }
  const notices: PresenceNotice[] = [];
  for (const [tenantId, ids] of byTenant) {
    const all = [...ids];
    let start = 0;
    do {
      notices.push({ tenantId, kind: "callEnded", extensionIds: all.slice(start, start + MAX_IDS_PER_NOTICE) });
      start += MAX_IDS_PER_NOTICE;
    } while (start < all.length);
  }
  return notices;
}
