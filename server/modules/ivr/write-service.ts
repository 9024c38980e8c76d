/**
 * Creating, changing and deleting IVR menus. Every write checks its prompts and destinations
 * through the scoped client, refuses menus callers could never leave (reachability-check.ts),
 * and runs in one transaction with its audit row and the NOTIFY that makes the worker reload
 * the dial plan: a refused write leaves every menu as it was.
 */
import { regionOfCallingCode } from "@/components/format/phone-number";
import { Prisma } from "../../generated/prisma/client";
import { AppError } from "../../errors";
import type { TenantScope } from "../../tenancy";
import { notifyDialPlanChanged } from "../../telephony/dialplan/notify";
import { recordAudit, type Actor } from "../audit/service";
import { checkRoutingDestination } from "../routing/destination-check";
import type { TRoutingDestination } from "../routing/stored";
import { assertCallersCanLeave, trappedMenuIds } from "./reachability-check";
import { MENU_PROMPT_KEYS, type TCreateIvrMenuInput, type TUpdateIvrMenuInput } from "./schema";
import { readIvrMenu, type IvrMenuView } from "./service";

type Tx = Parameters<Parameters<TenantScope["db"]["$transaction"]>[0]>[0];
type Json = Prisma.InputJsonValue | typeof Prisma.DbNull;

/** Prompts must be the company's; the field error names the first one that is not. */
async function checkPrompts(tx: Tx, prompts: TCreateIvrMenuInput["prompts"]) {
  const ids = MENU_PROMPT_KEYS.flatMap((k) => (prompts[k] ? [prompts[k]] : []));
  const known = new Set((await tx.voicePrompt.findMany({ where: { id: { in: ids } }, select: { id: true } })).map((p) => p.id));
  const missing = MENU_PROMPT_KEYS.find((k) => prompts[k] !== null && !known.has(prompts[k]));
  if (missing) {
    const message = "That voice prompt does not exist.";
    throw new AppError("NOT_FOUND", message, { fieldErrors: { [`prompts.${missing}`]: message } });
  }
}

/** Names tell menus apart in pickers and in the loop a refusal shows, so they are unique. */
async function assertNameFree(tx: Tx, name: string, selfId?: string) {
  const taken = await tx.ivrMenu.findFirst({ where: { name, ...(selfId ? { id: { not: selfId } } : {}) }, select: { id: true } });
  if (taken) {
    const message = `Another menu is already called ${name}.`;
    throw new AppError("CONFLICT", message, { fieldErrors: { name: message } });
  }
}

/** The menu's columns from the input, every destination checked (external numbers stored as E.164). */
async function menuData(tx: Tx, tenantId: string, input: TCreateIvrMenuInput) {
  await checkPrompts(tx, input.prompts);
  const { countryCode } = await tx.tenant.findUniqueOrThrow({ where: { id: tenantId }, select: { countryCode: true } });
  const region = regionOfCallingCode(countryCode);
  const check = (field: string, d: TRoutingDestination) => checkRoutingDestination({ db: tx, region, field }, d);
  const json = async (field: string, d: TRoutingDestination | null): Promise<Json> => (d ? ((await check(field, d)) as Prisma.InputJsonValue) : Prisma.DbNull);
  const options = [];
  for (const [i, o] of input.options.entries()) options.push({ digit: o.digit, destination: (await check(`options.${i}.destination`, o.destination)) as Prisma.InputJsonValue });
  return {
    menu: {
      name: input.name,
      introPromptId: input.prompts.intro,
      menuPromptId: input.prompts.menu,
      invalidPromptId: input.prompts.invalid,
      timeoutPromptId: input.prompts.timeout,
      postSelectionPromptId: input.prompts.postSelection,
      inactivePromptId: input.prompts.inactive,
      activePeriod: input.activePeriod ? (input.activePeriod as Prisma.InputJsonValue) : Prisma.DbNull,
      inactiveAction: await json("inactiveAction", input.inactiveAction),
      digitTimeoutSec: input.digitTimeoutSec,
      maxRetries: input.maxRetries,
      afterRetries: await json("afterRetries", input.afterRetries),
      directDial: input.directDial,
      faxDestination: await json("faxDestination", input.faxDestination),
    },
    options,
  };
}

async function writeOptions(tx: Tx, tenantId: string, ivrMenuId: string, options: { digit: string; destination: Prisma.InputJsonValue }[]) {
  await tx.ivrOption.deleteMany({ where: { ivrMenuId } });
  await tx.ivrOption.createMany({ data: options.map((o) => ({ tenantId, ivrMenuId, ...o })) });
}

const auditDetails = (m: IvrMenuView) => ({
  name: m.name,
  options: m.options.map((o) => `${o.digit}:${o.destination.kind}`).join(", "),
  afterRetries: m.afterRetries?.kind ?? null,
  directDial: m.directDial,
});

export async function createIvrMenu({ db, tenantId }: TenantScope, actor: Actor, input: TCreateIvrMenuInput): Promise<IvrMenuView> {
  return db.$transaction(async (tx) => {
    await assertNameFree(tx, input.name);
    const trappedBefore = await trappedMenuIds(tx);
    const data = await menuData(tx, tenantId, input);
    const created = await tx.ivrMenu.create({ data: { tenantId, ...data.menu }, select: { id: true } });
    await writeOptions(tx, tenantId, created.id, data.options);
    await assertCallersCanLeave(tx, created.id, trappedBefore);
    const menu = await readIvrMenu(tx, created.id);
    await recordAudit(tx, actor, { action: "ivrMenu.create", entityType: "IvrMenu", entityId: menu.id, tenantId, details: auditDetails(menu) });
    await notifyDialPlanChanged(tx, tenantId);
    return menu;
  });
}

/** Replaces everything about the menu, its options included. */
export async function updateIvrMenu({ db, tenantId }: TenantScope, actor: Actor, input: TUpdateIvrMenuInput): Promise<IvrMenuView> {
  return db.$transaction(async (tx) => {
    const before = await readIvrMenu(tx, input.id);
    await assertNameFree(tx, input.name, input.id);
    const trappedBefore = await trappedMenuIds(tx);
    const data = await menuData(tx, tenantId, input);
    await tx.ivrMenu.update({ where: { id: input.id }, data: data.menu });
    await writeOptions(tx, tenantId, input.id, data.options);
    await assertCallersCanLeave(tx, input.id, trappedBefore);
    const after = await readIvrMenu(tx, input.id);
    await recordAudit(tx, actor, {
      action: "ivrMenu.update", entityType: "IvrMenu", entityId: input.id, tenantId,
      details: { before: auditDetails(before), after: auditDetails(after) },
    });
    await notifyDialPlanChanged(tx, tenantId);
    return after;
  });
}

/**
 * Deletes the menu. Numbers that rang it ring nothing until the admin re-routes them; options
 * of other menus that led here dangle (the engine ends such calls, the form shows them as
 * deleted), which never traps a caller.
 */
export async function deleteIvrMenu({ db, tenantId }: TenantScope, actor: Actor, id: string) {
  return db.$transaction(async (tx) => {
    const menu = await readIvrMenu(tx, id);
    const { count: unroutedDids } = await tx.did.updateMany({ where: { targetIvrMenuId: id }, data: { targetType: null, targetIvrMenuId: null } });
    await tx.ivrMenu.delete({ where: { id } });
    await recordAudit(tx, actor, { action: "ivrMenu.delete", entityType: "IvrMenu", entityId: id, tenantId, details: { name: menu.name, unroutedDids } });
    await notifyDialPlanChanged(tx, tenantId);
    return { id };
  });
}
