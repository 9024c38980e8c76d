/**
 * Reading IVR menus: the list page's rows, one menu for its form, and the prompts a menu may
 * use. JSON columns are parsed again on read; a destination that no longer fits its schema
 * reads as "hang up", an option that no longer fits is left out.
 */
import { AppError } from "../../errors";
import type { TenantDb, TenantScope } from "../../tenancy";
import { readStored, ZRoutingDestination, ZTimePeriod } from "../routing/stored";
import { MENU_DIGITS, type MenuPromptKey, type TMenuOption } from "./schema";

export const ivrMenuSelect = {
  id: true,
  name: true,
  introPromptId: true,
  menuPromptId: true,
  invalidPromptId: true,
  timeoutPromptId: true,
  postSelectionPromptId: true,
  inactivePromptId: true,
  activePeriod: true,
  inactiveAction: true,
  digitTimeoutSec: true,
  maxRetries: true,
  afterRetries: true,
  directDial: true,
  faxDestination: true,
  options: { select: { digit: true, destination: true } },
  dids: { select: { number: true }, orderBy: { number: "asc" } },
} as const;

type IvrMenuRow = {
  id: string;
  name: string;
  activePeriod: unknown;
  inactiveAction: unknown;
  digitTimeoutSec: number;
  maxRetries: number;
  afterRetries: unknown;
  directDial: boolean;
  faxDestination: unknown;
  options: { digit: string; destination: unknown }[];
  dids: { number: string }[];
} & Record<`${MenuPromptKey}PromptId`, string | null>;

const digitOrder = (digit: string) => MENU_DIGITS.indexOf(digit as (typeof MENU_DIGITS)[number]);

export function toIvrMenuView(row: IvrMenuRow) {
  const fax = readStored(ZRoutingDestination, row.faxDestination);
  const options = row.options
    .flatMap((o): TMenuOption[] => {
      const destination = readStored(ZRoutingDestination, o.destination);
      return destination && digitOrder(o.digit) >= 0 ? [{ digit: o.digit as TMenuOption["digit"], destination }] : [];
    })
    .sort((a, b) => digitOrder(a.digit) - digitOrder(b.digit));
  return {
    id: row.id,
    name: row.name,
    prompts: {
      intro: row.introPromptId,
      menu: row.menuPromptId,
      invalid: row.invalidPromptId,
      timeout: row.timeoutPromptId,
      postSelection: row.postSelectionPromptId,
      inactive: row.inactivePromptId,
    },
    activePeriod: readStored(ZTimePeriod, row.activePeriod),
    inactiveAction: readStored(ZRoutingDestination, row.inactiveAction),
    digitTimeoutSec: row.digitTimeoutSec,
    maxRetries: row.maxRetries,
    afterRetries: readStored(ZRoutingDestination, row.afterRetries),
    directDial: row.directDial,
    faxDestination: fax?.kind === "fax" ? fax : null,
    options,
    /** The company's numbers that ring this menu. */
    numbers: row.dids.map((d) => d.number),
  };
}
export type IvrMenuView = ReturnType<typeof toIvrMenuView>;

/** The company's menus by name. */
export async function findIvrMenus({ db }: TenantScope): Promise<IvrMenuView[]> {
  const rows = await db.ivrMenu.findMany({ orderBy: { name: "asc" }, select: ivrMenuSelect });
  return rows.map(toIvrMenuView);
}

/** One menu; NOT_FOUND when it is not the company's (or no longer exists). */
export async function readIvrMenu(db: Pick<TenantDb, "ivrMenu">, id: string): Promise<IvrMenuView> {
  const row = await db.ivrMenu.findUnique({ where: { id }, select: ivrMenuSelect });
  if (!row) throw new AppError("NOT_FOUND", "That IVR menu does not exist.");
  return toIvrMenuView(row);
}

export const getIvrMenu = ({ db }: TenantScope, id: string) => readIvrMenu(db, id);

/** The company's voice prompts a menu or a queue may play, by name. */
export async function findPromptOptions({ db }: TenantScope) {
  return db.voicePrompt.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true, durationMs: true, source: true } });
}
