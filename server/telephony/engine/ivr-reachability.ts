/**
 * Whether a caller in an IVR menu can ever get out of the menus: to a person (an extension,
 * group, queue, voicemail, an outside number) or a hang-up. Pure, so the portal's write service
 * runs it on the company's menus as they would be after a write, and refuses a write that
 * leaves some menu with no way out.
 *
 * A menu's exits are its options, its "after retries" destination (null = hang up, so always a
 * way out), its inactive action when it has an active period (null = hang up), and direct dial
 * (the caller can dial an extension). Fax detection is no exit: it only moves fax machines.
 * A menu destination naming a menu not in the list is dangling, and the engine ends such calls,
 * so it counts as leaving. Loops are fine as long as some menu on them has a way out.
 */
import type { IvrMenuConfig } from "./media-types";

/** What the check reads of a menu; a full IvrMenuConfig fits. */
export type ReachabilityMenu = Pick<IvrMenuConfig, "id" | "name" | "activePeriod" | "inactiveAction" | "afterRetries" | "directDial" | "options">;

export interface TrappedMenu {
  menuId: string;
  /** Menu names from this menu until one repeats: ["Main", "Sales", "Main"]. */
  path: string[];
}

/** The menu ids a menu can send callers to, or null when one of its exits leaves the menus. */
function menuExits(menu: ReachabilityMenu, known: ReadonlySet<string>): string[] | null {
  if (menu.directDial) return null;
  const exits = [menu.afterRetries, ...(menu.activePeriod ? [menu.inactiveAction] : []), ...menu.options.map((o) => o.destination)];
  const targets: string[] = [];
  for (const exit of exits) {
    if (exit === null || exit.kind !== "ivr" || !known.has(exit.ivrMenuId)) return null;
    targets.push(exit.ivrMenuId);
  }
  return targets;
}

/**
 * The menus no caller can ever leave, each with the loop that keeps them in, shown as names
 * ("Main → Sales → Main" once joined). With `startMenuId`, only that menu is reported (if
 * trapped). In list order; an empty list means every menu has a way out.
 */
export function findTrappedMenus(menus: readonly ReachabilityMenu[], startMenuId?: string): TrappedMenu[] {
  const byId = new Map(menus.map((m) => [m.id, m]));
  const known = new Set(byId.keys());
  const exits = new Map(menus.map((m) => [m.id, menuExits(m, known)]));

  // Every menu that can reach a way out, found backwards from the menus that have one.
  const enteredFrom = new Map<string, string[]>();
  for (const [id, targets] of exits) for (const t of targets ?? []) enteredFrom.set(t, [...(enteredFrom.get(t) ?? []), id]);
  const free = new Set(menus.filter((m) => exits.get(m.id) === null).map((m) => m.id));
  const pending = [...free];
  while (pending.length > 0) {
    for (const from of enteredFrom.get(pending.pop()!) ?? []) {
      if (!free.has(from)) {
        free.add(from);
        pending.push(from);
      }
    }
  }

  const trapped = menus.filter((m) => !free.has(m.id) && (startMenuId === undefined || m.id === startMenuId));
  return trapped.map((m) => ({ menuId: m.id, path: loopFrom(m.id, exits, byId) }));
}

/**
 * Follows the first exit from a trapped menu until a menu repeats. Every exit of a trapped
 * menu leads to another trapped menu, and each has at least one (after retries), so it ends.
 */
function loopFrom(start: string, exits: ReadonlyMap<string, string[] | null>, byId: ReadonlyMap<string, ReachabilityMenu>): string[] {
  const seen = new Set<string>();
  const path: string[] = [];
  let at = start;
  while (!seen.has(at)) {
    seen.add(at);
    path.push(byId.get(at)!.name);
    at = exits.get(at)![0]!;
  }
  return [...path, byId.get(at)!.name];
}

/** The loop as people read it. */
export const formatMenuPath = (path: readonly string[]) => path.join(" → ");
