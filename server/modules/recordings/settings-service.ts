/**
 * Call recording settings: per SIP account (through its extension, which is how people know
 * it) the four kinds of call it records and the announcement, and the company's retention
 * period. Changing an account's flags tells the worker to reload the dial plan (it reads the
 * flags there) and to re-push the account, as extension edits do.
 */
import { AppError } from "../../errors";
import type { TenantDb, TenantScope } from "../../tenancy";
import { notifyDialPlanChanged, notifySipAccountsChanged } from "../../telephony/dialplan/notify";
import { recordAudit, type Actor } from "../audit/service";
import type { Viewer } from "./access";
import type { TRecordingSettingsInput, TRetentionInput } from "./schema";

const settingsSelect = {
  recordIncomingExternal: true, recordIncomingInternal: true, recordOutgoingExternal: true, recordOutgoingInternal: true,
  recordAnnouncement: true, recordAnnouncementPromptId: true,
} as const;

async function extensionWithAccount(db: Pick<TenantDb, "extension">, extensionId: string) {
  const extension = await db.extension.findUnique({
    where: { id: extensionId },
    select: { id: true, number: true, displayName: true, ownerUserId: true, sipAccount: { select: { id: true, ...settingsSelect } } },
  });
  if (!extension) throw new AppError("NOT_FOUND", "That extension does not exist.");
  return extension;
}

/** Readable by admins and by the extension's owner (people may know whether their calls are recorded). */
export async function getRecordingSettings(scope: TenantScope, viewer: Viewer, extensionId: string) {
  const extension = await extensionWithAccount(scope.db, extensionId);
  if (viewer.role !== "CUSTOMER_ADMIN" && extension.ownerUserId !== viewer.id) {
    throw new AppError("FORBIDDEN", "You can see the recording settings of your own extension only.");
  }
  const { sipAccount, ownerUserId: _owner, ...rest } = extension;
  return { extension: rest, settings: sipAccount ? { ...sipAccount, sipAccountId: sipAccount.id } : null, canEdit: viewer.role === "CUSTOMER_ADMIN" };
}

export async function updateRecordingSettings(scope: TenantScope, actor: Actor, input: TRecordingSettingsInput) {
  const { db, tenantId } = scope;
  return db.$transaction(async (tx) => {
    const extension = await extensionWithAccount(tx, input.extensionId);
    if (!extension.sipAccount) throw new AppError("INVALID", "This extension has no SIP account to record.");
    const promptId = input.recordAnnouncementPromptId === "" ? null : input.recordAnnouncementPromptId;
    if (promptId !== null) {
      const prompt = await tx.voicePrompt.findUnique({ where: { id: promptId }, select: { id: true } });
      const message = "Choose one of your company's prompts.";
      if (!prompt) throw new AppError("NOT_FOUND", message, { fieldErrors: { recordAnnouncementPromptId: message } });
    }
    const saved = await tx.sipAccount.update({
      where: { id: extension.sipAccount.id },
      data: {
        recordIncomingExternal: input.recordIncomingExternal,
        recordIncomingInternal: input.recordIncomingInternal,
        recordOutgoingExternal: input.recordOutgoingExternal,
        recordOutgoingInternal: input.recordOutgoingInternal,
        recordAnnouncement: input.recordAnnouncement,
        // A chosen prompt is kept while the announcement is off, so turning it back on restores it.
        recordAnnouncementPromptId: promptId,
      },
      select: { id: true, ...settingsSelect },
    });
    const { id: _id, ...after } = saved;
    await recordAudit(tx, actor, {
      action: "recording.setSettings", entityType: "SipAccount", entityId: saved.id, tenantId,
      details: { extension: `${extension.number} ${extension.displayName}`, before: extension.sipAccount, after },
    });
    await notifySipAccountsChanged(tx, saved.id);
    await notifyDialPlanChanged(tx, tenantId);
    return { ...saved, sipAccountId: saved.id };
  });
}

export async function getRetention({ db, tenantId }: TenantScope) {
  const tenant = await db.tenant.findUniqueOrThrow({ where: { id: tenantId }, select: { recordingRetentionDays: true } });
  return { days: tenant.recordingRetentionDays };
}

/** The retention job deletes recordings older than this; null keeps them until deleted. */
export async function setRetention({ db, tenantId }: TenantScope, actor: Actor, input: TRetentionInput) {
  return db.$transaction(async (tx) => {
    const before = await tx.tenant.findUniqueOrThrow({ where: { id: tenantId }, select: { recordingRetentionDays: true } });
    const tenant = await tx.tenant.update({ where: { id: tenantId }, data: { recordingRetentionDays: input.days }, select: { recordingRetentionDays: true } });
    await recordAudit(tx, actor, { action: "recording.setRetention", entityType: "Tenant", entityId: tenantId, tenantId, details: { before: before.recordingRetentionDays, after: input.days } });
    return { days: tenant.recordingRetentionDays };
  });
}
