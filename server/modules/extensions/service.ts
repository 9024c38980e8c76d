/**
 * Reading extensions. Customer admins see the whole company; extension users only the
 * extensions they own (DESIGN.md section 7), and another one reads as NOT_FOUND.
 */
import { AppError } from "../../errors";
import type { TenantScope } from "../../tenancy";
import { usableMobileClis } from "../caller-id/mobiles";
import { callStateSelect, registrationSelect } from "../../realtime/presence-state";

export type Viewer = { id: string; role: string };

export const extensionSelect = {
  id: true,
  number: true,
  displayName: true,
  ownerUserId: true,
  owner: { select: { id: true, name: true } },
  voicemailEnabled: true,
  voicemailPinHash: true,
  outboundCli: true,
  sipAccount: { select: { id: true, username: true, type: true } },
  createdAt: true,
  updatedAt: true,
} as const;

type SelectedExtension = {
  voicemailPinHash: string | null;
} & Record<string, unknown>;

/** Never lets the PIN hash leave the server; the UI only needs to know a PIN is set. */
export function toExtensionView<T extends SelectedExtension>({ voicemailPinHash, ...rest }: T) {
  return { ...rest, hasVoicemailPin: voicemailPinHash !== null } as Omit<T, "voicemailPinHash"> & { hasVoicemailPin: boolean };
}

const viewerFilter = (viewer: Viewer) => (viewer.role === "CUSTOMER_ADMIN" ? {} : { ownerUserId: viewer.id });

export async function findExtensions({ db }: TenantScope, viewer: Viewer) {
  const rows = await db.extension.findMany({ where: viewerFilter(viewer), select: extensionSelect, orderBy: { number: "asc" } });
  return rows.map(toExtensionView);
}

export async function getExtension({ db }: TenantScope, viewer: Viewer, id: string) {
  const row = await db.extension.findFirst({ where: { id, ...viewerFilter(viewer) }, select: extensionSelect });
  if (!row) throw new AppError("NOT_FOUND", "That extension does not exist.");
  return toExtensionView(row);
}

/**
 * Every extension with who uses it, its SIP username, its caller ID and its live line and
 * call state: the read-only view support staff get. Nothing secret: neither the SIP digest
 * nor the voicemail PIN hash is selected. Rows have the shape of `presence.find`'s, so the
 * same badges draw them. It takes no viewer, so it is for the back office only, once the
 * customer is known to be the caller's (admin/customer-telephony-service.ts).
 */
export async function findExtensionOverview({ db }: TenantScope) {
  const rows = await db.extension.findMany({
    select: {
      id: true,
      number: true,
      displayName: true,
      sipAccountId: true,
      doNotDisturb: true,
      outboundCli: true,
      owner: { select: { id: true, name: true, email: true } },
      sipAccount: { select: { username: true, registration: { select: registrationSelect } } },
      callState: { select: callStateSelect },
    },
    orderBy: { number: "asc" },
  });
  return rows.map(({ sipAccount, callState, ...extension }) => ({
    ...extension,
    sipUsername: sipAccount?.username ?? null,
    registration: sipAccount?.registration ?? null,
    call: callState,
  }));
}

/** Centrex lines bought but not yet given to an extension: what a new extension can use. */
export function findUnusedSipAccounts({ db }: TenantScope) {
  return db.sipAccount.findMany({
    where: { type: "CENTREX_LINE", extension: null },
    select: { id: true, username: true, createdAt: true },
    orderBy: { createdAt: "asc" },
  });
}

/** What the create/edit form offers: the company's users (owners), numbers and usable caller-ID mobiles (CLI). */
export async function getExtensionFormOptions({ db, tenantId }: TenantScope) {
  const [users, dids, mobiles] = await Promise.all([
    db.user.findMany({ select: { id: true, name: true, email: true }, orderBy: { name: "asc" } }),
    db.did.findMany({ select: { number: true }, orderBy: { number: "asc" } }),
    usableMobileClis(db, tenantId),
  ]);
  return { users, dids: dids.map((d) => d.number), mobiles };
}
