/**
 * The destination registry: every kind of place a number can send its calls, in one list the
 * picker, the service and the worker's loader all read. A kind says under which heading it is
 * offered, what the company can choose, how a choice is checked and stored on the Did row,
 * how the stored row reads back, and which routing target the engine gets for it. IVR menus
 * and call queues are one entry each here (plus their column on Did), as hunt groups are.
 *
 * Checks go through the caller's tenant-scoped client, so another company's extension or fax
 * account is simply not found.
 */
import { formatInternational } from "@/components/format/phone-display";
import { AppError } from "../../../errors";
import type { DidTargetType } from "../../../generated/prisma/enums";
import type { TenantDb } from "../../../tenancy";
import type { DidTarget } from "../../../telephony/engine";
import { checkForwardNumber } from "./forward-number";
import type { DestinationKindName, TDestination } from "./schema";

/** The Did columns a destination is stored in; exactly the ones of its kind are set. */
export type StoredDestination = {
  targetType: DidTargetType | null;
  targetExtensionId: string | null;
  targetExternal: string | null;
  targetSipAccountId: string | null;
  targetHuntGroupId: string | null;
  targetIvrMenuId: string | null;
  targetQueueId: string | null;
};

export const NO_DESTINATION: StoredDestination = {
  targetType: null, targetExtensionId: null, targetExternal: null, targetSipAccountId: null, targetHuntGroupId: null, targetIvrMenuId: null, targetQueueId: null,
};

/** What reading a stored destination needs besides its columns (include it with the Did). */
export const storedDestinationSelect = {
  targetType: true, targetExtensionId: true, targetExternal: true, targetSipAccountId: true, targetHuntGroupId: true, targetIvrMenuId: true, targetQueueId: true,
  targetExtension: { select: { number: true, displayName: true } },
  targetSipAccount: { select: { username: true } },
  targetHuntGroup: { select: { number: true, name: true } },
  targetIvrMenu: { select: { name: true } },
  targetQueue: { select: { number: true, name: true } },
} as const;
export type StoredDestinationRow = StoredDestination & {
  targetExtension: { number: string; displayName: string } | null;
  targetSipAccount: { username: string } | null;
  targetHuntGroup: { number: string; name: string } | null;
  targetIvrMenu: { name: string } | null;
  targetQueue: { number: string; name: string } | null;
};

export type DestinationOption = { value: string; label: string; hint: string | null };

/** A scoped client, inside the transaction that stores the choice. */
type Reader = Pick<TenantDb, "extension" | "sipAccount" | "did" | "huntGroup" | "ivrMenu" | "callQueue">;
export type ChoiceContext = { db: Reader; did: { id: string; number: string }; region: string | undefined; hasOutbound: boolean };
/** `mailboxOf`: the Asterisk box of an extension, or the company's general box for null or a deleted one. */
export type RoutingContext = { mailboxOf: (extensionId: string | null) => string };

type ChoiceOf<K extends DestinationKindName> = Extract<TDestination, { kind: K }>;

export interface DestinationKind<K extends DestinationKindName = DestinationKindName> {
  kind: K;
  targetType: DidTargetType;
  /** The heading of its group in the picker. */
  groupLabel: string;
  /** The choices on offer; absent for kinds that are typed in (an external number). */
  listOptions?: (db: Reader) => Promise<DestinationOption[]>;
  /** Checks the choice and returns the columns that store it; throws AppError with field errors. */
  store: (ctx: ChoiceContext, choice: ChoiceOf<K>) => Promise<StoredDestination>;
  /** The stored row as the picker's value (null when what it named is gone) and in words. */
  read: (row: StoredDestinationRow) => { destination: ChoiceOf<K> | null; label: string };
  /** What the routing engine gets; null leaves the number unrouted (callers hear "unallocated"). */
  toDidTarget: (row: StoredDestination & { number: string }, ctx: RoutingContext) => DidTarget | null;
}

const fieldError = (code: "NOT_FOUND" | "INVALID", field: string, message: string) =>
  new AppError(code, message, { fieldErrors: { [`destination.${field}`]: message } });

const extensionName = (e: { number: string; displayName: string }) => `${e.number} · ${e.displayName}`;
/** SetNull on delete leaves the kind without its id: routing keeps it dangling so the engine warns. */
const danglingId = (number: string) => `deleted-target-of-${number}`;

const extension: DestinationKind<"extension"> = {
  kind: "extension",
  targetType: "EXTENSION",
  groupLabel: "Extensions",
  listOptions: async (db) => {
    const rows = await db.extension.findMany({ orderBy: { number: "asc" }, select: { id: true, number: true, displayName: true, sipAccountId: true } });
    return rows.map((e) => ({ value: e.id, label: extensionName(e), hint: e.sipAccountId ? null : "No phone yet" }));
  },
  store: async ({ db }, choice) => {
    const found = await db.extension.findUnique({ where: { id: choice.extensionId }, select: { id: true } });
    if (!found) throw fieldError("NOT_FOUND", "extensionId", "Choose one of your extensions.");
    return { ...NO_DESTINATION, targetType: "EXTENSION", targetExtensionId: found.id };
  },
  read: (row) => ({
    destination: row.targetExtensionId ? { kind: "extension", extensionId: row.targetExtensionId } : null,
    label: row.targetExtension ? `Extension ${extensionName(row.targetExtension)}` : "A deleted extension",
  }),
  toDidTarget: (row) => ({ kind: "extension", extensionId: row.targetExtensionId ?? danglingId(row.number) }),
};

const voicemail: DestinationKind<"voicemail"> = {
  kind: "voicemail",
  targetType: "VOICEMAIL",
  groupLabel: "Voicemail",
  listOptions: async (db) => {
    const rows = await db.extension.findMany({ where: { voicemailEnabled: true }, orderBy: { number: "asc" }, select: { id: true, number: true, displayName: true } });
    return rows.map((e) => ({ value: e.id, label: `${extensionName(e)}’s voicemail`, hint: null }));
  },
  store: async ({ db }, choice) => {
    const found = await db.extension.findUnique({ where: { id: choice.extensionId }, select: { id: true, number: true, voicemailEnabled: true } });
    if (!found) throw fieldError("NOT_FOUND", "extensionId", "Choose one of your extensions.");
    if (!found.voicemailEnabled) throw fieldError("INVALID", "extensionId", `Extension ${found.number} has voicemail turned off; turn it on first.`);
    return { ...NO_DESTINATION, targetType: "VOICEMAIL", targetExtensionId: found.id };
  },
  read: (row) => ({
    destination: row.targetExtensionId ? { kind: "voicemail", extensionId: row.targetExtensionId } : null,
    label: row.targetExtension ? `Voicemail of ${extensionName(row.targetExtension)}` : "The general voicemail box",
  }),
  // A box whose extension was deleted falls back to the company's general box rather than failing.
  toDidTarget: (row, { mailboxOf }) => ({ kind: "voicemail", mailbox: mailboxOf(row.targetExtensionId) }),
};

const fax: DestinationKind<"fax"> = {
  kind: "fax",
  targetType: "FAX",
  groupLabel: "Fax accounts",
  listOptions: async (db) => {
    const rows = await db.sipAccount.findMany({ where: { type: "FAX" }, orderBy: { username: "asc" }, select: { id: true, username: true } });
    return rows.map((a) => ({ value: a.id, label: a.username, hint: "Fax account" }));
  },
  store: async ({ db }, choice) => {
    const found = await db.sipAccount.findUnique({ where: { id: choice.sipAccountId }, select: { id: true, type: true } });
    if (!found) throw fieldError("NOT_FOUND", "sipAccountId", "Choose one of your fax accounts.");
    if (found.type !== "FAX") throw fieldError("INVALID", "sipAccountId", "Only fax accounts can receive faxes.");
    return { ...NO_DESTINATION, targetType: "FAX", targetSipAccountId: found.id };
  },
  read: (row) => ({
    destination: row.targetSipAccountId ? { kind: "fax", sipAccountId: row.targetSipAccountId } : null,
    label: row.targetSipAccount ? `Fax ${row.targetSipAccount.username}` : "A deleted fax account",
  }),
  toDidTarget: (row) => ({ kind: "fax", sipAccountId: row.targetSipAccountId ?? danglingId(row.number) }),
};

const huntGroup: DestinationKind<"huntGroup"> = {
  kind: "huntGroup",
  targetType: "HUNT_GROUP",
  groupLabel: "Hunt groups",
  listOptions: async (db) => {
    const rows = await db.huntGroup.findMany({ orderBy: { number: "asc" }, select: { id: true, number: true, name: true, _count: { select: { members: true } } } });
    return rows.map((g) => ({ value: g.id, label: `${g.number} · ${g.name}`, hint: g._count.members === 0 ? "No members yet" : null }));
  },
  store: async ({ db }, choice) => {
    const found = await db.huntGroup.findUnique({ where: { id: choice.huntGroupId }, select: { id: true } });
    if (!found) throw fieldError("NOT_FOUND", "huntGroupId", "Choose one of your hunt groups.");
    return { ...NO_DESTINATION, targetType: "HUNT_GROUP", targetHuntGroupId: found.id };
  },
  read: (row) => ({
    destination: row.targetHuntGroupId ? { kind: "huntGroup", huntGroupId: row.targetHuntGroupId } : null,
    label: row.targetHuntGroup ? `Hunt group ${row.targetHuntGroup.number} · ${row.targetHuntGroup.name}` : "A deleted hunt group",
  }),
  toDidTarget: (row) => ({ kind: "huntGroup", huntGroupId: row.targetHuntGroupId ?? danglingId(row.number) }),
};

const ivr: DestinationKind<"ivr"> = {
  kind: "ivr",
  targetType: "IVR",
  groupLabel: "IVR menus",
  listOptions: async (db) => {
    const rows = await db.ivrMenu.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true, _count: { select: { options: true } } } });
    return rows.map((m) => ({ value: m.id, label: m.name, hint: m._count.options === 0 ? "No options yet" : null }));
  },
  store: async ({ db }, choice) => {
    const found = await db.ivrMenu.findUnique({ where: { id: choice.ivrMenuId }, select: { id: true } });
    if (!found) throw fieldError("NOT_FOUND", "ivrMenuId", "Choose one of your IVR menus.");
    return { ...NO_DESTINATION, targetType: "IVR", targetIvrMenuId: found.id };
  },
  read: (row) => ({
    destination: row.targetIvrMenuId ? { kind: "ivr", ivrMenuId: row.targetIvrMenuId } : null,
    label: row.targetIvrMenu ? `IVR menu ${row.targetIvrMenu.name}` : "A deleted IVR menu",
  }),
  toDidTarget: (row) => ({ kind: "ivr", ivrMenuId: row.targetIvrMenuId ?? danglingId(row.number) }),
};

const queue: DestinationKind<"queue"> = {
  kind: "queue",
  targetType: "QUEUE",
  groupLabel: "Call queues",
  listOptions: async (db) => {
    const rows = await db.callQueue.findMany({ orderBy: { number: "asc" }, select: { id: true, number: true, name: true, _count: { select: { members: true } } } });
    return rows.map((q) => ({ value: q.id, label: `${q.number} · ${q.name}`, hint: q._count.members === 0 ? "No members yet" : null }));
  },
  store: async ({ db }, choice) => {
    const found = await db.callQueue.findUnique({ where: { id: choice.queueId }, select: { id: true } });
    if (!found) throw fieldError("NOT_FOUND", "queueId", "Choose one of your call queues.");
    return { ...NO_DESTINATION, targetType: "QUEUE", targetQueueId: found.id };
  },
  read: (row) => ({
    destination: row.targetQueueId ? { kind: "queue", queueId: row.targetQueueId } : null,
    label: row.targetQueue ? `Call queue ${row.targetQueue.number} · ${row.targetQueue.name}` : "A deleted call queue",
  }),
  toDidTarget: (row) => ({ kind: "queue", queueId: row.targetQueueId ?? danglingId(row.number) }),
};

const external: DestinationKind<"external"> = {
  kind: "external",
  targetType: "EXTERNAL",
  groupLabel: "Another phone number",
  store: async (ctx, choice) => {
    if (!ctx.hasOutbound) throw fieldError("INVALID", "number", "Your company cannot call out yet, so it cannot forward calls.");
    const checked = await checkForwardNumber(ctx, choice.number);
    if (checked.kind === "refused") throw fieldError("INVALID", "number", checked.message);
    return { ...NO_DESTINATION, targetType: "EXTERNAL", targetExternal: checked.e164 };
  },
  read: (row) => ({
    destination: row.targetExternal ? { kind: "external", number: row.targetExternal } : null,
    label: row.targetExternal ? `Forward to ${formatInternational(row.targetExternal)}` : "Not routed",
  }),
  toDidTarget: (row) => (row.targetExternal ? { kind: "external", number: row.targetExternal } : null),
};

/** In picker order. */
export const DESTINATION_REGISTRY = [extension, voicemail, fax, huntGroup, ivr, queue, external] as const;

/**
 * Entries by kind and by stored type, widened to the general interface: each entry only ever
 * receives choices of its own kind (looked up by that kind), which TypeScript cannot correlate.
 */
const ENTRIES = DESTINATION_REGISTRY as readonly unknown[] as readonly DestinationKind[];
const byKind = new Map(ENTRIES.map((entry) => [entry.kind, entry]));
const byTargetType = new Map(ENTRIES.map((entry) => [entry.targetType, entry]));

/** Checks a choice and returns the Did columns to write; "none" clears them all. */
export function storeDestination(ctx: ChoiceContext, choice: TDestination): Promise<StoredDestination> {
  if (choice.kind === "none") return Promise.resolve(NO_DESTINATION);
  return byKind.get(choice.kind)!.store(ctx, choice);
}

/** A stored destination as the picker's value and in words; what is gone reads as "none". */
export function readDestination(row: StoredDestinationRow): { destination: TDestination; label: string } {
  const entry = row.targetType ? byTargetType.get(row.targetType) : undefined;
  if (!entry) return { destination: { kind: "none" }, label: "Not routed" };
  const { destination, label } = entry.read(row);
  return { destination: destination ?? { kind: "none" }, label };
}

/** The engine's target for a stored destination, or null for a number that is not routed. */
export function routingTargetOf(row: StoredDestination & { number: string }, ctx: RoutingContext): DidTarget | null {
  const entry = row.targetType ? byTargetType.get(row.targetType) : undefined;
  return entry ? entry.toDidTarget(row, ctx) : null;
}

export type DestinationGroup = { kind: DestinationKindName; label: string; options: DestinationOption[] };

/** The picker's groups, in registry order; a group with nothing to choose is left out. */
export async function listDestinationGroups(db: Reader): Promise<DestinationGroup[]> {
  const groups: DestinationGroup[] = [];
  for (const entry of ENTRIES) {
    if (!entry.listOptions) continue;
    const options = await entry.listOptions(db);
    if (options.length > 0) groups.push({ kind: entry.kind, label: entry.groupLabel, options });
  }
  return groups;
}
