import { describe, expect, it } from "vitest";
import { findTrappedMenus, formatMenuPath, type ReachabilityMenu } from "./ivr-reachability";
import type { MenuDigit } from "./media-types";
import type { Destination } from "./types";

const toMenu = (id: string): Destination => ({ kind: "ivr", ivrMenuId: id });
const toExtension: Destination = { kind: "extension", extensionId: "e1" };

function menu(id: string, exits: { options?: Partial<Record<MenuDigit, Destination>>; afterRetries?: Destination | null } = {}, extra: Partial<ReachabilityMenu> = {}): ReachabilityMenu {
  return {
    id,
    name: id.charAt(0).toUpperCase() + id.slice(1),
    activePeriod: null,
    inactiveAction: null,
    afterRetries: exits.afterRetries === undefined ? null : exits.afterRetries,
    directDial: false,
    options: Object.entries(exits.options ?? {}).map(([digit, destination]) => ({ digit: digit as MenuDigit, destination })),
    ...extra,
  };
}

const ALWAYS = { weekdays: [], timeRanges: [], dateRanges: [], holidays: "any" as const };

describe("findTrappedMenus", () => {
  it("finds two menus that only send callers to each other, with the loop as names", () => {
    const menus = [menu("main", { options: { "1": toMenu("sales") }, afterRetries: toMenu("sales") }), menu("sales", { options: { "9": toMenu("main") }, afterRetries: toMenu("main") })];
    const trapped = findTrappedMenus(menus);
    expect(trapped).toEqual([
      { menuId: "main", path: ["Main", "Sales", "Main"] },
      { menuId: "sales", path: ["Sales", "Main", "Sales"] },
    ]);
    expect(formatMenuPath(trapped[0]!.path)).toBe("Main → Sales → Main");
    expect(findTrappedMenus(menus, "sales").map((t) => t.menuId)).toEqual(["sales"]);
  });

  it("allows a loop when one menu on it has a way out", () => {
    const menus = [menu("main", { options: { "1": toMenu("sales") }, afterRetries: toMenu("sales") }), menu("sales", { options: { "9": toMenu("main"), "1": toExtension }, afterRetries: toMenu("main") })];
    expect(findTrappedMenus(menus)).toEqual([]);
  });

  it("counts hanging up after the retries as a way out", () => {
    expect(findTrappedMenus([menu("main", { options: { "9": toMenu("main") }, afterRetries: null })])).toEqual([]);
  });

  it("finds a menu that repeats itself for ever", () => {
    expect(findTrappedMenus([menu("main", { options: { "9": toMenu("main") }, afterRetries: toMenu("main") })])).toEqual([{ menuId: "main", path: ["Main", "Main"] }]);
  });

  it("reports a menu leading into a trap with the path into the loop", () => {
    const menus = [menu("entry", { afterRetries: toMenu("a") }), menu("a", { afterRetries: toMenu("b") }), menu("b", { afterRetries: toMenu("a") })];
    expect(findTrappedMenus(menus, "entry")).toEqual([{ menuId: "entry", path: ["Entry", "A", "B", "A"] }]);
  });

  it("treats direct dial, an inactive action outside the active period and a dangling menu as ways out", () => {
    const loop = { options: { "9": toMenu("main") }, afterRetries: toMenu("main") };
    expect(findTrappedMenus([menu("main", loop, { directDial: true })])).toEqual([]);
    expect(findTrappedMenus([menu("main", loop, { activePeriod: ALWAYS, inactiveAction: null })])).toEqual([]);
    expect(findTrappedMenus([menu("main", loop, { activePeriod: ALWAYS, inactiveAction: toMenu("main") })])).toHaveLength(1);
    // Without an active period the inactive action is never taken.
    expect(findTrappedMenus([menu("main", loop, { activePeriod: null, inactiveAction: toExtension })])).toHaveLength(1);
    expect(findTrappedMenus([menu("main", { afterRetries: toMenu("deleted") })])).toEqual([]);
  });

  it("does not count fax detection as a way out for callers", () => {
    const fax: Destination = { kind: "fax", sipAccountId: "f1" };
    const withFax: ReachabilityMenu & { fax: Destination } = { ...menu("main", { afterRetries: toMenu("main") }), fax };
    expect(findTrappedMenus([withFax])).toHaveLength(1);
  });

  it("handles a long chain without recursion", () => {
    const chain = Array.from({ length: 2000 }, (_, i) => menu(`m${i}`, { afterRetries: i === 1999 ? toExtension : toMenu(`m${i + 1}`) }));
    expect(findTrappedMenus(chain)).toEqual([]);
  });
});
