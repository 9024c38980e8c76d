/**
 * Voice prompts of a company: listing, renaming and deleting, on the tenant scope. Creating
 * (upload or text-to-speech) is in create-prompt.ts. Deleting follows the schema: menus, queues
 * and recording announcements that used the prompt lose it (SET NULL) and fall back to their
 * default (a beep, music on hold, the built-in announcement); the page lists those uses first.
 */
import { AppError } from "../../errors";
import type { WebMediaStore } from "../../media/storage/web-media-store";
import type { TenantScope } from "../../tenancy";
import { notifyDialPlanChanged } from "../../telephony/dialplan/notify";
import type { TRenamePromptInput } from "./schema";
import { recordAudit, type Actor } from "../audit/service";

const named = { select: { id: true, name: true } } as const;

export const promptSelect = {
  id: true, name: true, source: true, originalName: true, originalType: true, ttsText: true,
  durationMs: true, sizeBytes: true, createdAt: true,
} as const;

const usesSelect = {
  menusIntro: named, menusMenu: named, menusInvalid: named, menusTimeout: named, menusPostSelection: named, menusInactive: named,
  queuesHold: named,
  recordAnnouncementFor: { select: { id: true, username: true, extension: { select: { number: true } } } },
} as const;

type UsesRow = { [K in keyof typeof usesSelect]: K extends "recordAnnouncementFor" ? { id: string; username: string; extension: { number: string } | null }[] : { id: string; name: string }[] };

/** Where a prompt is used, as people read it: "Menu Main", "Queue Sales", "Extension 201". */
export function describeUses(row: UsesRow): string[] {
  const menus = new Set([row.menusIntro, row.menusMenu, row.menusInvalid, row.menusTimeout, row.menusPostSelection, row.menusInactive].flat().map((m) => m.name));
  return [
    ...[...menus].sort().map((name) => `Menu ${name}`),
    ...row.queuesHold.map((q) => `Queue ${q.name}`).sort(),
    ...row.recordAnnouncementFor.map((a) => (a.extension ? `Extension ${a.extension.number}` : `SIP account ${a.username}`)).sort(),
  ];
}

export async function findPrompts({ db }: TenantScope) {
  const rows = await db.voicePrompt.findMany({ select: { ...promptSelect, ...usesSelect }, orderBy: [{ name: "asc" }] });
  return rows.map((row) => {
    const { menusIntro, menusMenu, menusInvalid, menusTimeout, menusPostSelection, menusInactive, queuesHold, recordAnnouncementFor, ...prompt } = row;
    const usedBy = describeUses({ menusIntro, menusMenu, menusInvalid, menusTimeout, menusPostSelection, menusInactive, queuesHold, recordAnnouncementFor });
    return { ...prompt, usedBy };
  });
}

/** The prompt, or NOT_FOUND (also for another company's id). */
export async function getPrompt({ db }: TenantScope, id: string) {
  const prompt = await db.voicePrompt.findUnique({ where: { id }, select: { ...promptSelect, fileKey: true } });
  if (!prompt) throw new AppError("NOT_FOUND", "That prompt does not exist.");
  return prompt;
}

export const nameTaken = (name: string) =>
  new AppError("CONFLICT", `A prompt called “${name}” already exists. Choose another name.`, { fieldErrors: { name: "This name is already in use." } });

/** Throws CONFLICT when the company already has a prompt of that name (other than `exceptId`). */
export async function assertPromptNameFree({ db }: TenantScope, name: string, exceptId?: string) {
  const found = await db.voicePrompt.findFirst({ where: { name: { equals: name, mode: "insensitive" }, ...(exceptId ? { id: { not: exceptId } } : {}) }, select: { id: true } });
  if (found) throw nameTaken(name);
}

export async function renamePrompt(scope: TenantScope, actor: Actor, input: TRenamePromptInput) {
  const before = await getPrompt(scope, input.id);
  await assertPromptNameFree(scope, input.name, input.id);
  return scope.db.$transaction(async (tx) => {
    const renamed = await tx.voicePrompt.update({ where: { id: input.id }, data: { name: input.name }, select: promptSelect });
    await recordAudit(tx, actor, { action: "voicePrompt.rename", entityType: "VoicePrompt", entityId: input.id, tenantId: scope.tenantId, details: { before: before.name, after: input.name } });
    return renamed;
  });
}

/**
 * Deletes the row (its uses are cleared by SET NULL, and the worker told to reload), then the
 * file: a file without a row is harmless, a row without a file would play silence.
 */
export async function deletePrompt(scope: TenantScope, actor: Actor, store: WebMediaStore, id: string) {
  const { db, tenantId } = scope;
  const prompt = await getPrompt(scope, id);
  await db.$transaction(async (tx) => {
    await tx.voicePrompt.delete({ where: { id } });
    await recordAudit(tx, actor, { action: "voicePrompt.delete", entityType: "VoicePrompt", entityId: id, tenantId, details: { name: prompt.name } });
    await notifyDialPlanChanged(tx, tenantId);
  });
  await store.delete(prompt.fileKey).catch((err: unknown) => console.error(`[prompts] ${prompt.fileKey} left behind after its row was deleted`, err));
  return { id };
}
