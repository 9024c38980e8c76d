/** Which tenant a call entering Stasis belongs to: the first thing the worker decides (wazo-style). */
import type { Db } from "@/server/db";

export type CallOrigin =
  | { kind: "extension"; tenantId: string; extensionId: string; sipAccountId: string; extensionNumber: string }
  | { kind: "trunk"; tenantId: string; didId: string; did: string };

/** A provisioned SIP account; `extension` null when no extension uses it (it cannot place calls). */
export type AccountOrigin = { sipAccountId: string; tenantId: string; extension: { id: string; number: string } | null };
export type DidOrigin = Extract<CallOrigin, { kind: "trunk" }>;

/** The two reads resolution needs; the worker passes cached ones (see call-origin-cache.ts). */
export interface OriginLookups {
  accountByUsername(username: string): Promise<AccountOrigin | null>;
  didByExten(exten: string): Promise<DidOrigin | null>;
}

/** `PJSIP/alice-0000002a` -> `alice`. Asterisk names channels `<tech>/<endpoint>-<8 hex digits>`. */
export function endpointOfChannelName(channelName: string): { tech: string; resource: string } | null {
  const m = /^([A-Za-z]+)\/(.+)-[0-9a-f]+$/.exec(channelName);
  return m?.[1] && m[2] ? { tech: m[1], resource: m[2] } : null;
}

/** Carriers send the called number with or without "+"; DIDs are stored in E.164. */
const didCandidates = (exten: string): string[] => {
  const digits = exten.replace(/^\+/, "");
  return /^\d{6,15}$/.test(digits) ? [`+${digits}`, digits] : [exten];
};

export async function findAccountOrigin(db: Db, username: string): Promise<AccountOrigin | null> {
  const account = await db.sipAccount.findUnique({
    where: { username },
    select: { id: true, tenantId: true, extension: { select: { id: true, number: true } } },
  });
  return account ? { sipAccountId: account.id, tenantId: account.tenantId, extension: account.extension } : null;
}

export async function findDidOrigin(db: Db, exten: string): Promise<DidOrigin | null> {
  // Only an assigned number is a customer's; stock, reserved and released numbers ring nobody.
  const did = await db.did.findFirst({ where: { number: { in: didCandidates(exten) }, state: "ASSIGNED" }, select: { id: true, tenantId: true, number: true } });
  return did?.tenantId ? { kind: "trunk", tenantId: did.tenantId, didId: did.id, did: did.number } : null;
}

/**
 * Resolves a new call. A channel from a provisioned SIP account is an extension call (its
 * extension is the caller); anything else came from a trunk and is looked up by the dialled
 * DID. Returns null when neither matches (the caller is then rejected as unallocated).
 */
export async function resolveTenantForCall(lookups: OriginLookups, channel: { name: string; dialplan: { exten: string } }): Promise<CallOrigin | null> {
  const endpoint = endpointOfChannelName(channel.name);
  if (endpoint?.tech === "PJSIP") {
    const account = await lookups.accountByUsername(endpoint.resource);
    if (account) {
      // A SIP account without an extension cannot place calls; treat as unknown.
      if (!account.extension) return null;
      const { sipAccountId, tenantId, extension } = account;
      return { kind: "extension", tenantId, extensionId: extension.id, sipAccountId, extensionNumber: extension.number };
    }
  }
  return lookups.didByExten(channel.dialplan.exten);
}
