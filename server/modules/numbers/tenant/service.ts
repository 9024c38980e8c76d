/**
 * The company's own numbers: what it has, what each costs, and where each sends its calls.
 * Everything runs on the tenant-scoped client, so a number of another company, or one still
 * in the partner's stock (no tenant yet), reads as NOT_FOUND.
 */
import { AppError } from "../../../errors";
import type { TenantScope } from "../../../tenancy";
import { notifyDialPlanChanged } from "../../../telephony/dialplan/notify";
import { recordAudit, type Actor } from "../../audit/service";
import { listDestinationGroups, readDestination, storeDestination, storedDestinationSelect, type StoredDestinationRow } from "./destinations";
import { regionOfCallingCode } from "@/components/format/phone-number";
import type { TSetDestinationInput } from "./schema";

const numberSelect = { id: true, number: true, countryIso: true, area: true, numberType: true, state: true, ...storedDestinationSelect } as const;

type NumberRow = StoredDestinationRow & { id: string; number: string; countryIso: string; area: string | null; numberType: string | null; state: string };
type ActivePurchase = { tierName: string | null; monthlyFee: { toString(): string }; currency: string; completedAt: Date | null };

/** Money over the wire as exact strings; a number assigned before purchases existed has no price. */
function toNumberView(row: NumberRow, purchase: ActivePurchase | undefined) {
  const { destination, label } = readDestination(row);
  return {
    id: row.id,
    number: row.number,
    country: row.countryIso,
    area: row.area,
    numberType: row.numberType,
    state: row.state,
    tierName: purchase?.tierName ?? null,
    monthlyFee: purchase ? purchase.monthlyFee.toString() : null,
    currency: purchase?.currency ?? null,
    since: purchase?.completedAt ?? null,
    destination,
    destinationLabel: label,
  };
}
export type NumberView = ReturnType<typeof toNumberView>;

/** The active (completed, not cancelled) purchase of each number, newest first wins. */
async function activePurchases(db: Pick<TenantScope["db"], "numberPurchase">, didIds: string[]) {
  const rows = await db.numberPurchase.findMany({
    where: { didId: { in: didIds }, status: "COMPLETED", cancelledAt: null },
    orderBy: { completedAt: "desc" },
    select: { didId: true, tierName: true, monthlyFee: true, currency: true, completedAt: true },
  });
  const byDid = new Map<string, ActivePurchase>();
  for (const row of rows) if (row.didId && !byDid.has(row.didId)) byDid.set(row.didId, row);
  return byDid;
}

/** The company's numbers, by number, each with its price (if bought) and destination in words. */
export async function findNumbers({ db }: TenantScope): Promise<NumberView[]> {
  const rows = await db.did.findMany({ orderBy: { number: "asc" }, select: numberSelect });
  const purchases = await activePurchases(db, rows.map((r) => r.id));
  return rows.map((row) => toNumberView(row, purchases.get(row.id)));
}

/** Forwarding leaves through the trunk, which needs a number to present: any number of the company's. */
const canForwardExternally = async (db: Pick<TenantScope["db"], "did">) => (await db.did.count()) > 0;

/** What the destination picker offers: the grouped choices, and whether a typed number is allowed. */
export async function findDestinations({ db }: TenantScope) {
  const [groups, isExternalAllowed] = await Promise.all([listDestinationGroups(db), canForwardExternally(db)]);
  return { groups, isExternalAllowed };
}

/**
 * Points one of the company's numbers somewhere (or nowhere). Checks the choice, writes it,
 * audits it and tells the worker, all in one transaction, so a refused choice changes nothing.
 * Throws NOT_FOUND for a number that is not the company's, INVALID with a field error for a
 * choice that cannot be used.
 */
export async function setNumberDestination({ db, tenantId }: TenantScope, actor: Actor, input: TSetDestinationInput): Promise<NumberView> {
  return db.$transaction(async (tx) => {
    const before = await tx.did.findUnique({ where: { id: input.didId }, select: numberSelect });
    if (!before) throw new AppError("NOT_FOUND", "That number is not one of your company’s.");
    const { countryCode } = await tx.tenant.findUniqueOrThrow({ where: { id: tenantId }, select: { countryCode: true } });
    const ctx = { db: tx, did: before, region: regionOfCallingCode(countryCode), hasOutbound: await canForwardExternally(tx) };
    const stored = await storeDestination(ctx, input.destination);
    const after = await tx.did.update({ where: { id: before.id }, data: stored, select: numberSelect });
    await recordAudit(tx, actor, {
      action: "number.setDestination",
      entityType: "Did",
      entityId: after.id,
      tenantId,
      details: { number: after.number, before: readDestination(before).label, after: readDestination(after).label },
    });
    await notifyDialPlanChanged(tx, tenantId);
    return toNumberView(after, (await activePurchases(tx, [after.id])).get(after.id));
  });
}
