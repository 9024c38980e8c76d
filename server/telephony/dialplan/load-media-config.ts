/**
 * The IVR, queue and recording half of a tenant's engine input (issue 12): menus with their
 * options and prompts, queues with their members (logged in or not) and hold prompt, and each
 * extension's recording policy from its SIP account, from rows the dial-plan loader fetched in
 * its one query (nested selects below), so the load stays a fixed number of queries.
 *
 * Prompts become ARI media URIs here: `sound:` + the file's absolute path in the local media
 * store (asteriskSoundUri), which Asterisk reads from the same folder. A prompt that cannot be
 * played (no media folder given, a key of another tenant, a path ARI cannot take) is left out
 * and logged: the menu then beeps instead of failing the company's calls.
 */
import { ZTimePeriod } from "@/server/modules/routing/stored";
import { LEAST_USED_FROM_DB, STRATEGY_FROM_DB } from "@/server/modules/routing/hunt-groups/domain";
import { asteriskSoundUri } from "@/server/media/storage/asterisk-sound-uri";
import { LocalFileStore } from "@/server/media/storage/local-file-store";
import { parseTenantFileKey } from "@/server/media/storage/tenant-file-key";
import { MENU_DIGITS, type CallQueueConfig, type IvrMenuConfig, type MenuDigit, type RecordingPolicy } from "../engine";
import { destinationOf, orNull, readColumn, type RoutingReader } from "./load-routing-config";

/**
 * Played when an account records with the announcement on but no prompt of its own. Asterisk's
 * English core sounds have no "this call may be recorded" (conf-now-recording speaks of a
 * conference), so the built-in notice is the recording warning tone people know: `beep`.
 * Companies that must say it in words choose their own prompt.
 */
export const BUILT_IN_RECORDING_NOTICE = "sound:beep";

const promptFile = { select: { fileKey: true } } as const;
type PromptRow = { fileKey: string } | null;

export const ivrMenuSelect = {
  id: true, name: true, activePeriod: true, inactiveAction: true, digitTimeoutSec: true, maxRetries: true, afterRetries: true, directDial: true, faxDestination: true,
  introPrompt: promptFile, menuPrompt: promptFile, invalidPrompt: promptFile, timeoutPrompt: promptFile, postSelectionPrompt: promptFile, inactivePrompt: promptFile,
  options: { select: { id: true, digit: true, destination: true }, orderBy: { digit: "asc" } },
} as const;

export const callQueueSelect = {
  id: true, number: true, name: true, strategy: true, leastUsedBy: true, memberRingSec: true, retrySec: true, maxWaitSec: true, timeoutDestination: true,
  announcePosition: true, announceWaitTime: true, announceEverySec: true, whenNoMembers: true, noMembersDestination: true,
  holdPrompt: promptFile,
  members: { select: { extensionId: true, isLoggedIn: true }, orderBy: { position: "asc" } },
} as const;

export const sipAccountRecordingSelect = {
  id: true, recordIncomingExternal: true, recordIncomingInternal: true, recordOutgoingExternal: true, recordOutgoingInternal: true, recordAnnouncement: true,
  recordAnnouncementPrompt: promptFile,
} as const;

type Json = unknown;
type IvrMenuRow = {
  id: string; name: string; activePeriod: Json; inactiveAction: Json; digitTimeoutSec: number; maxRetries: number; afterRetries: Json; directDial: boolean; faxDestination: Json;
  introPrompt: PromptRow; menuPrompt: PromptRow; invalidPrompt: PromptRow; timeoutPrompt: PromptRow; postSelectionPrompt: PromptRow; inactivePrompt: PromptRow;
  options: { id: string; digit: string; destination: Json }[];
};
type CallQueueRow = {
  id: string; number: string; name: string; strategy: keyof typeof STRATEGY_FROM_DB; leastUsedBy: keyof typeof LEAST_USED_FROM_DB;
  memberRingSec: number; retrySec: number; maxWaitSec: number; timeoutDestination: Json; announcePosition: boolean; announceWaitTime: boolean; announceEverySec: number;
  whenNoMembers: "WAIT" | "LEAVE"; noMembersDestination: Json; holdPrompt: PromptRow; members: { extensionId: string; isLoggedIn: boolean }[];
};
type RecordingRow = {
  id: string; recordIncomingExternal: boolean; recordIncomingInternal: boolean; recordOutgoingExternal: boolean; recordOutgoingInternal: boolean; recordAnnouncement: boolean; recordAnnouncementPrompt: PromptRow;
};

export interface MediaReader extends RoutingReader {
  /** The prompt as ARI media (one URI), or [] when there is none or it cannot be played (logged). */
  promptMedia: (prompt: PromptRow, where: { table: string; id: string; column: string }) => string[];
  /** Files of every prompt promptMedia handed out, for the loader's ensurePromptFile. */
  promptKeys: Set<string>;
}

/** `mediaDir`: the local media store's folder, absolute; absent, prompts are left out (and logged). */
export function mediaReader(r: RoutingReader, tenantId: string, mediaDir: string | undefined): MediaReader {
  const store = mediaDir === undefined ? null : new LocalFileStore(mediaDir);
  const promptKeys = new Set<string>();
  const promptMedia: MediaReader["promptMedia"] = (prompt, where) => {
    if (prompt === null) return [];
    try {
      if (store === null) throw new Error("the dial-plan loader was given no media folder");
      // Same-tenant keys are enforced in SQL too; a key of another tenant must never play here.
      if (parseTenantFileKey(prompt.fileKey)?.tenantId !== tenantId) throw new Error("the prompt's file is not this company's");
      const media = [asteriskSoundUri(store.pathOf(prompt.fileKey))];
      promptKeys.add(prompt.fileKey);
      return media;
    } catch (err) {
      r.log.warn("voice prompt cannot be played; left out", { ...where, fileKey: prompt.fileKey, reason: err instanceof Error ? err.message : String(err) });
      return [];
    }
  };
  return { ...r, promptMedia, promptKeys };
}

const KNOWN_DIGITS: ReadonlySet<string> = new Set(MENU_DIGITS);

export function readIvrMenus(r: MediaReader, rows: IvrMenuRow[]): IvrMenuConfig[] {
  return rows.map((row) => {
    const at = (column: string) => ({ table: "IvrMenu", id: row.id, column });
    const exit = (column: "inactiveAction" | "afterRetries" | "faxDestination") => orNull(destinationOf(r, row[column], at(column)));
    const options = row.options.flatMap((option) => {
      const where = { table: "IvrOption", id: option.id, column: "destination" };
      const destination = destinationOf(r, option.destination, where);
      if (!KNOWN_DIGITS.has(option.digit)) r.log.warn("menu option is not on a phone key; left out", { ...where, column: "digit", digit: option.digit });
      if (destination === null || destination === "bad" || !KNOWN_DIGITS.has(option.digit)) return [];
      return [{ digit: option.digit as MenuDigit, destination }];
    });
    return {
      id: row.id,
      name: row.name,
      prompts: {
        intro: r.promptMedia(row.introPrompt, at("introPromptId")),
        menu: r.promptMedia(row.menuPrompt, at("menuPromptId")),
        invalid: r.promptMedia(row.invalidPrompt, at("invalidPromptId")),
        timeout: r.promptMedia(row.timeoutPrompt, at("timeoutPromptId")),
        postSelection: r.promptMedia(row.postSelectionPrompt, at("postSelectionPromptId")),
        inactive: r.promptMedia(row.inactivePrompt, at("inactivePromptId")),
      },
      // An unreadable period counts as none: the menu answers at all hours rather than never.
      activePeriod: orNull(readColumn(r, ZTimePeriod, row.activePeriod, at("activePeriod"))),
      inactiveAction: exit("inactiveAction"),
      digitTimeoutSec: row.digitTimeoutSec,
      maxRetries: row.maxRetries,
      afterRetries: exit("afterRetries"),
      directDial: row.directDial,
      fax: exit("faxDestination"),
      options,
    };
  });
}

export function readCallQueues(r: MediaReader, rows: CallQueueRow[]): CallQueueConfig[] {
  return rows.map((row) => {
    const at = (column: string) => ({ table: "CallQueue", id: row.id, column });
    return {
      id: row.id,
      number: row.number,
      name: row.name,
      strategy: STRATEGY_FROM_DB[row.strategy],
      leastUsedBy: LEAST_USED_FROM_DB[row.leastUsedBy],
      members: row.members.map((m) => ({ extensionId: m.extensionId, isLoggedIn: m.isLoggedIn })),
      memberRingSec: row.memberRingSec,
      retrySec: row.retrySec,
      maxWaitSec: row.maxWaitSec,
      onTimeout: orNull(destinationOf(r, row.timeoutDestination, at("timeoutDestination"))),
      holdMedia: r.promptMedia(row.holdPrompt, at("holdPromptId")),
      announcePosition: row.announcePosition,
      announceWaitTime: row.announceWaitTime,
      announceEverySec: row.announceEverySec,
      whenNoMembers: row.whenNoMembers === "LEAVE" ? "leave" : "wait",
      noMembersDestination: orNull(destinationOf(r, row.noMembersDestination, at("noMembersDestination"))),
    };
  });
}

/**
 * An extension's recording policy from its SIP account. With the announcement on, the
 * company's prompt, or the built-in notice when there is none or it cannot be played (a
 * recording must never start unannounced because a file went missing).
 */
export function readRecordingPolicy(r: MediaReader, account: RecordingRow): RecordingPolicy {
  const own = account.recordAnnouncement ? r.promptMedia(account.recordAnnouncementPrompt, { table: "SipAccount", id: account.id, column: "recordAnnouncementPromptId" }) : [];
  return {
    incomingExternal: account.recordIncomingExternal,
    incomingInternal: account.recordIncomingInternal,
    outgoingExternal: account.recordOutgoingExternal,
    outgoingInternal: account.recordOutgoingInternal,
    announcement: !account.recordAnnouncement ? [] : own.length > 0 ? own : [BUILT_IN_RECORDING_NOTICE],
  };
}

