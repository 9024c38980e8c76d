/**
 * The write service's guard that callers can always leave the menus: reads the company's
 * menus as they stand inside the write's transaction and runs the pure ivr-reachability check.
 */
import { AppError } from "../../errors";
import type { TenantDb } from "../../tenancy";
import { findTrappedMenus, formatMenuPath, type ReachabilityMenu } from "../../telephony/engine/ivr-reachability";
import { toEngineDestination } from "../routing/destination-check";
import { readStored, ZRoutingDestination } from "../routing/stored";

type Reader = Pick<TenantDb, "ivrMenu">;

/** Only whether a destination is a menu (and which) matters here, so mailboxes are left blank. */
const destinationOf = (value: unknown) => {
  const stored = readStored(ZRoutingDestination, value);
  return stored ? toEngineDestination(stored, () => "") : null;
};

export async function readReachabilityMenus(db: Reader): Promise<ReachabilityMenu[]> {
  const rows = await db.ivrMenu.findMany({
    orderBy: { name: "asc" },
    select: { id: true, name: true, activePeriod: true, inactiveAction: true, afterRetries: true, directDial: true, options: { select: { digit: true, destination: true } } },
  });
  return rows.map((m) => ({
    id: m.id,
    name: m.name,
    // Only whether there is a period matters: outside it the inactive action is taken.
    activePeriod: m.activePeriod === null ? null : { weekdays: [], timeRanges: [], dateRanges: [], holidays: "any" },
    inactiveAction: destinationOf(m.inactiveAction),
    afterRetries: destinationOf(m.afterRetries),
    directDial: m.directDial,
    options: m.options.flatMap((o) => {
      const destination = destinationOf(o.destination);
      return destination ? [{ digit: o.digit as ReachabilityMenu["options"][number]["digit"], destination }] : [];
    }),
  }));
}

/**
 * Throws INVALID (field error on `options`) when, after the write, `menuId` or any menu that
 * could be left before can no longer be left. `before` are the ids trapped before the write:
 * a trap that only a direct database edit made does not block unrelated edits.
 */
export async function assertCallersCanLeave(db: Reader, menuId: string, before: ReadonlySet<string>): Promise<void> {
  const trapped = findTrappedMenus(await readReachabilityMenus(db)).filter((t) => t.menuId === menuId || !before.has(t.menuId));
  const first = trapped.find((t) => t.menuId === menuId) ?? trapped[0];
  if (!first) return;
  const message = `Callers could never leave these menus: ${formatMenuPath(first.path)}. Give one of them an option, or a destination for callers who do not choose, that reaches a person or hangs up.`;
  throw new AppError("INVALID", message, { fieldErrors: { options: message } });
}

/** The ids of the menus no caller can leave now. */
export async function trappedMenuIds(db: Reader): Promise<Set<string>> {
  return new Set(findTrappedMenus(await readReachabilityMenus(db)).map((t) => t.menuId));
}
