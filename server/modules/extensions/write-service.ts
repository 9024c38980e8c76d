/**
 * Creating, changing and deleting extensions. Each write runs in one transaction with its
 * audit row and the NOTIFYs that make the worker re-provision Asterisk, so the phone system
 * never hears about a change that rolled back.
 */
import { hashPassword } from "../../auth/password";
import { AppError } from "../../errors";
import type { TenantScope } from "../../tenancy";
import { notifyDialPlanChanged, notifySipAccountsChanged } from "../../telephony/dialplan/notify";
import { recordAudit, type Actor } from "../audit/service";
import { usableMobileClis } from "../caller-id/mobiles";
import { assertNumberFree } from "../numbering/service";
import { rotateSecret } from "./credentials";
import type { TCreateExtensionInput, TUpdateExtensionInput } from "./schema";
import { extensionSelect, toExtensionView } from "./service";

type Tx = Parameters<Parameters<TenantScope["db"]["$transaction"]>[0]>[0];

const invalid = (field: string, message: string) => new AppError("INVALID", message, { fieldErrors: { [field]: message } });

/** The owner must be a user of this company; the scoped client cannot see anyone else's. */
async function checkOwner(tx: Tx, ownerUserId: string): Promise<string | null> {
  if (!ownerUserId) return null;
  const owner = await tx.user.findUnique({ where: { id: ownerUserId }, select: { id: true } });
  if (!owner) throw invalid("ownerUserId", "Choose a user of your company.");
  return owner.id;
}

/**
 * Calls may only present a number the company owns or a mobile it proved (or listed, where
 * the partner allows unproved mobiles): no spoofing of others' numbers.
 */
async function checkCli(tx: Tx, tenantId: string, outboundCli: string): Promise<string | null> {
  if (!outboundCli) return null;
  const did = await tx.did.findFirst({ where: { number: outboundCli, state: "ASSIGNED" }, select: { number: true } });
  if (did) return did.number;
  if ((await usableMobileClis(tx, tenantId)).includes(outboundCli)) return outboundCli;
  throw invalid("outboundCli", "Choose one of your company's numbers or verified mobiles.");
}

const auditDetails = (e: { number: string; displayName: string; ownerUserId: string | null; voicemailEnabled: boolean; outboundCli: string | null }) => ({
  number: e.number, displayName: e.displayName, ownerUserId: e.ownerUserId, voicemailEnabled: e.voicemailEnabled, outboundCli: e.outboundCli,
});

/** Creates the extension on an unused Centrex line and returns it with the line's new credentials (shown once). */
export async function createExtension({ db, tenantId }: TenantScope, actor: Actor, input: TCreateExtensionInput) {
  const voicemailPinHash = input.voicemailEnabled ? await hashPassword(input.voicemailPin) : null;
  return db.$transaction(async (tx) => {
    const account = await tx.sipAccount.findUnique({
      where: { id: input.sipAccountId },
      select: { id: true, username: true, realm: true, type: true, extension: { select: { number: true } } },
    });
    if (!account) throw new AppError("NOT_FOUND", "That SIP account does not exist.", { fieldErrors: { sipAccountId: "Choose one of your SIP accounts." } });
    if (account.type !== "CENTREX_LINE") throw invalid("sipAccountId", "Only Centrex lines can carry an extension.");
    if (account.extension) throw new AppError("CONFLICT", `Extension ${account.extension.number} already uses this account.`, { fieldErrors: { sipAccountId: "This account is already in use." } });
    await assertNumberFree(tx, input.number);
    const data = {
      number: input.number,
      displayName: input.displayName,
      ownerUserId: await checkOwner(tx, input.ownerUserId),
      voicemailEnabled: input.voicemailEnabled,
      voicemailPinHash,
      outboundCli: await checkCli(tx, tenantId, input.outboundCli),
    };
    const extension = await tx.extension.create({ data: { ...data, tenantId, sipAccountId: account.id }, select: extensionSelect });
    // Purchases throw the first secret away, so a line gets a usable secret when it becomes an extension.
    const credentials = await rotateSecret(tx, account);
    await recordAudit(tx, actor, { action: "extension.create", entityType: "Extension", entityId: extension.id, tenantId, details: { ...auditDetails(extension), username: account.username } });
    await notifyDialPlanChanged(tx, tenantId);
    return { extension: toExtensionView(extension), credentials };
  });
}

/** Changes number, name, owner, voicemail and CLI; an empty PIN keeps the current one. */
export async function updateExtension({ db, tenantId }: TenantScope, actor: Actor, input: TUpdateExtensionInput) {
  const newPinHash = input.voicemailEnabled && input.voicemailPin ? await hashPassword(input.voicemailPin) : undefined;
  return db.$transaction(async (tx) => {
    const before = await tx.extension.findUnique({ where: { id: input.id }, select: extensionSelect });
    if (!before) throw new AppError("NOT_FOUND", "That extension does not exist.");
    // Turning voicemail on needs a PIN; a mailbox that is already on without one (made before
    // PINs were asked for) may stay so, or every rename would demand a PIN.
    const isTurningOn = input.voicemailEnabled && !before.voicemailEnabled;
    if (isTurningOn && !newPinHash && !before.voicemailPinHash) throw invalid("voicemailPin", "Set a 4–8 digit PIN for voicemail");
    await assertNumberFree(tx, input.number, { extensionId: input.id });
    const extension = await tx.extension.update({
      where: { id: input.id },
      data: {
        number: input.number,
        displayName: input.displayName,
        ownerUserId: await checkOwner(tx, input.ownerUserId),
        voicemailEnabled: input.voicemailEnabled,
        // No voicemail, no PIN: re-enabling later asks for a new one.
        voicemailPinHash: input.voicemailEnabled ? (newPinHash ?? before.voicemailPinHash) : null,
        outboundCli: await checkCli(tx, tenantId, input.outboundCli),
      },
      select: extensionSelect,
    });
    await recordAudit(tx, actor, {
      action: "extension.update", entityType: "Extension", entityId: extension.id, tenantId,
      details: { before: auditDetails(before), after: auditDetails(extension), isPinChanged: newPinHash !== undefined },
    });
    // The display name is the caller id Asterisk sends, so the endpoint is re-pushed too.
    if (extension.sipAccount) await notifySipAccountsChanged(tx, extension.sipAccount.id);
    await notifyDialPlanChanged(tx, tenantId);
    return toExtensionView(extension);
  });
}

/** Deletes the extension and frees its line for a new one, with a new secret so the old phone drops off. */
export async function deleteExtension({ db, tenantId }: TenantScope, actor: Actor, id: string) {
  return db.$transaction(async (tx) => {
    const extension = await tx.extension.findUnique({ where: { id }, select: { id: true, number: true, displayName: true, sipAccount: { select: { id: true, username: true, realm: true } } } });
    if (!extension) throw new AppError("NOT_FOUND", "That extension does not exist.");
    // A number that rang this extension now rings nothing rather than pointing at a ghost; the admin re-routes it.
    const { count: unroutedDids } = await tx.did.updateMany({ where: { targetExtensionId: id }, data: { targetType: null, targetExtensionId: null } });
    await tx.extension.delete({ where: { id } });
    if (extension.sipAccount) await rotateSecret(tx, extension.sipAccount); // secret discarded: nobody needs it
    await recordAudit(tx, actor, {
      action: "extension.delete", entityType: "Extension", entityId: id, tenantId,
      details: { number: extension.number, displayName: extension.displayName, username: extension.sipAccount?.username ?? null, unroutedDids },
    });
    await notifyDialPlanChanged(tx, tenantId);
    return { id, sipAccountId: extension.sipAccount?.id ?? null };
  });
}
