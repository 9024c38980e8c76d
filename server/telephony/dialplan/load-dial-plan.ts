/** Builds a tenant's routing input (engine `TenantDialPlanInput`) from the database. */
import path from "node:path";
import type { Db } from "@/server/db";
import { isUsableAsCli } from "@/server/modules/caller-id/domain";
import { routingTargetOf, type StoredDestination } from "../../modules/numbers/tenant/destinations";
import { companyDefaultCli, type DidTarget, type NumberingPlan, type TenantDialPlanInput } from "../engine";
import { createLogger, type Logger } from "../log";
import { emergencyNumbersFor } from "./emergency-numbers";
import { callQueueSelect, ivrMenuSelect, mediaReader, type MediaReader, readCallQueues, readIvrMenus, readRecordingPolicy, sipAccountRecordingSelect } from "./load-media-config";
import { callRuleSelect, followMeStepSelect, holidayDate, readExtensionRouting, readHuntGroups, readRules } from "./load-routing-config";

/** Dialling conventions by country code; the rest of the world dials "0" nationally and "00" abroad. */
const NUMBERING: Record<string, Omit<NumberingPlan, "countryCode">> = {
  "1": { nationalPrefix: "1", internationalPrefix: "011" },
};
const DEFAULT_RING_TIMEOUT_SEC = 20;

export const numberingFor = (countryCode: string): NumberingPlan => ({
  countryCode,
  ...(NUMBERING[countryCode] ?? { nationalPrefix: "0", internationalPrefix: "00" }),
});

/** Voicemail box as Asterisk's VoiceMail() wants it: `<box>@<context>`, one context per tenant. */
export const mailboxFor = (tenantId: string, extensionNumber: string) => `${extensionNumber}@${tenantId}`;

export interface LoadDialPlanOptions {
  trunk: string;
  log?: Logger;
  /**
   * The local media store's folder, absolute (the worker: path.resolve(MEDIA_DIR)); prompts
   * play from it by path. Absent: prompts are left out and logged (menus beep).
   */
  mediaDir?: string;
  /**
   * Makes a prompt's file present in `mediaDir` before Asterisk is told to play it (the S3
   * store's local copy, server/media/storage/prompt-files.ts). Absent: the folder is the store.
   */
  ensurePromptFile?: (fileKey: string) => Promise<unknown>;
}

/**
 * Reads everything routing needs for one tenant. Throws when the tenant does not exist, or
 * when `mediaDir` is given but not absolute (a wiring mistake: Asterisk needs full paths).
 * A DID whose target extension was deleted keeps pointing at a missing id, so the engine
 * reports it (and routes the call to a clean rejection) instead of the loader hiding it.
 */
export async function loadTenantDialPlan(db: Db, tenantId: string, options: LoadDialPlanOptions): Promise<TenantDialPlanInput> {
  if (options.mediaDir !== undefined && !path.isAbsolute(options.mediaDir)) throw new Error(`mediaDir must be an absolute path, not ${JSON.stringify(options.mediaDir)}`);
  const byPosition = { orderBy: { position: "asc" } } as const;
  const tenant = await db.tenant.findUniqueOrThrow({
    where: { id: tenantId },
    select: {
      status: true,
      timeZone: true,
      countryCode: true,
      extensions: {
        include: {
          sipAccount: { select: { username: true, ...sipAccountRecordingSelect } },
          followMeSteps: { select: followMeStepSelect, ...byPosition },
          callRules: { select: callRuleSelect, ...byPosition },
        },
        orderBy: { number: "asc" },
      },
      dids: { include: { callRules: { select: callRuleSelect, ...byPosition } }, orderBy: { number: "asc" } },
      huntGroups: { include: { members: { select: { extensionId: true, ringSec: true }, ...byPosition } }, orderBy: { number: "asc" } },
      ivrMenus: { select: ivrMenuSelect, orderBy: { name: "asc" } },
      callQueues: { select: callQueueSelect, orderBy: { number: "asc" } },
      holidays: { select: { date: true }, orderBy: { date: "asc" } },
      sipAccounts: { where: { type: "FAX" }, select: { id: true, username: true }, orderBy: { username: "asc" } },
      blockedNumbers: true,
      speedDials: { select: { code: true, number: true, label: true }, orderBy: { code: "asc" } },
      verifiedMobiles: { select: { number: true, verifiedAt: true }, orderBy: { number: "asc" } },
      partner: { select: { allowUnverifiedMobileCli: true } },
    },
  });
  const mailboxOf = (extensionId: string | null) => mailboxFor(tenantId, tenant.extensions.find((e) => e.id === extensionId)?.number ?? "general");
  const reader = mediaReader({ mailboxOf, log: (options.log ?? createLogger()).child({ tenantId }) }, tenantId, options.mediaDir);
  const dids = tenant.dids.flatMap((did): TenantDialPlanInput["dids"] => {
    const target = didTarget(did, mailboxOf);
    return target ? [{ number: did.number, target, rules: readRules(reader, did.callRules) }] : [];
  });
  const clis = tenant.dids.map((d) => d.number);
  const extensions = tenant.extensions.map((ext) => ({
    id: ext.id,
    number: ext.number,
    displayName: ext.displayName,
    endpoint: ext.sipAccount ? `PJSIP/${ext.sipAccount.username}` : null,
    voicemail: { isEnabled: ext.voicemailEnabled, mailbox: mailboxFor(tenantId, ext.number) },
    outboundCli: ext.outboundCli,
    ringTimeoutSec: ext.ringTimeoutSec,
    ...readExtensionRouting(reader, ext),
    ...(ext.sipAccount ? { recording: readRecordingPolicy(reader, ext.sipAccount) } : {}),
  }));
  const ivrMenus = readIvrMenus(reader, tenant.ivrMenus);
  const queues = readCallQueues(reader, tenant.callQueues);
  if (options.ensurePromptFile) await ensurePromptFiles(reader, options.ensurePromptFile);
  // Mobiles the company proved (or listed, where the partner allows it) may be presented too,
  // but never become the default: that stays the company's own number.
  const mobileClis = tenant.verifiedMobiles.filter((m) => isUsableAsCli(m, tenant.partner)).map((m) => m.number);
  return {
    tenantId,
    timeZone: tenant.timeZone,
    isSuspended: tenant.status !== "ACTIVE",
    numbering: numberingFor(tenant.countryCode),
    defaultRingTimeoutSec: DEFAULT_RING_TIMEOUT_SEC,
    extensions,
    faxAccounts: tenant.sipAccounts.map((fax) => ({ id: fax.id, endpoint: `PJSIP/${fax.username}`, label: fax.username })),
    dids,
    huntGroups: readHuntGroups(reader, tenant.huntGroups),
    ivrMenus,
    queues,
    holidays: tenant.holidays.map((h) => holidayDate(h.date)),
    blocked: tenant.blockedNumbers.map((b) => ({ number: b.pattern, match: b.isPrefix ? "prefix" : "exact" })),
    isAnonymousBlocked: false,
    // A tenant without numbers cannot present a CLI, so it has no outbound calling.
    outbound: clis.length > 0 ? { trunk: options.trunk, allowedClis: [...clis, ...mobileClis], defaultCli: companyDefaultCli(clis)! } : null,
    emergencyNumbers: emergencyNumbersFor(tenant.countryCode),
    speedDials: tenant.speedDials,
  };
}

type DidRow = StoredDestination & { number: string; targetIvrMenuId: string | null; targetQueueId: string | null };

/**
 * Each destination kind says how it routes (server/modules/numbers/tenant/destinations.ts);
 * menus and queues are read here from their own columns. A target deleted since (SetNull)
 * keeps a dangling id, so the engine warns and the call is cleanly unallocated.
 */
function didTarget(did: DidRow, mailboxOf: (extensionId: string | null) => string): DidTarget | null {
  if (did.targetType === "IVR") return { kind: "ivr", ivrMenuId: did.targetIvrMenuId ?? `deleted-target-of-${did.number}` };
  if (did.targetType === "QUEUE") return { kind: "queue", queueId: did.targetQueueId ?? `deleted-target-of-${did.number}` };
  return routingTargetOf(did, { mailboxOf });
}

/** A prompt whose file cannot be fetched still plays as far as routing knows: Asterisk then reports the playback failed and the call goes on (play-to-caller.ts). */
async function ensurePromptFiles(reader: MediaReader, ensure: (fileKey: string) => Promise<unknown>): Promise<void> {
  await Promise.all([...reader.promptKeys].map(async (fileKey) => {
    try {
      await ensure(fileKey);
    } catch (err) {
      reader.log.warn("voice prompt file could not be fetched to the media folder", { fileKey, reason: err instanceof Error ? err.message : String(err) });
    }
  }));
}
