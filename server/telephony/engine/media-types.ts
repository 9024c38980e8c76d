/**
 * Input and compiled types of IVR menus, call queues and call recording (issue 12), kept apart
 * from types.ts so each file stays readable. Media are ARI media URIs the loader built: a
 * tenant's prompt is `sound:/<media dir>/<tenantId>/prompts/<id>` (asteriskSoundUri), a
 * built-in one `sound:<core sound>`. An empty list means "no prompt".
 */
import type { CompiledPeriod, Destination, HuntStrategy, TimePeriod } from "./types";

/** Keys a menu option can sit on. */
export const MENU_DIGITS = ["1", "2", "3", "4", "5", "6", "7", "8", "9", "0", "*", "#"] as const;
export type MenuDigit = (typeof MENU_DIGITS)[number];

export interface IvrMenuPrompts {
  /** Played once on entry; keys pressed during it are ignored. */
  intro: string[];
  /** Lists the options; a key pressed during it stops it and counts. Empty: a beep. */
  menu: string[];
  invalid: string[];
  timeout: string[];
  /** After a valid choice, before the caller is sent on. */
  postSelection: string[];
  /** Outside the active period, before `inactiveAction`. */
  inactive: string[];
}

export interface IvrMenuConfig {
  id: string;
  name: string;
  prompts: IvrMenuPrompts;
  /** null = always active. */
  activePeriod: TimePeriod | null;
  /** Outside the active period, after the inactive prompt; null = hang up. */
  inactiveAction: Destination | null;
  /** Seconds to wait for a key after the menu prompt, and between digits of a direct dial. */
  digitTimeoutSec: number;
  /** Times the menu is offered again after a timeout or an invalid key. */
  maxRetries: number;
  /** Callers who never choose a valid option; null = hang up. */
  afterRetries: Destination | null;
  /** Callers may dial an extension's number. */
  directDial: boolean;
  /** A detected fax tone goes here (a fax destination); null = no fax detection. */
  fax: Destination | null;
  options: { digit: MenuDigit; destination: Destination }[];
}

export interface CallQueueConfig {
  id: string;
  /** Internal number, dialled like an extension's. */
  number: string;
  name: string;
  strategy: HuntStrategy;
  leastUsedBy: "answeredToday" | "longestIdle";
  /** In `position` order; only logged-in members are rung. */
  members: { extensionId: string; isLoggedIn: boolean }[];
  /** How long each attempt rings the chosen member(s). */
  memberRingSec: number;
  /** Pause between attempts. */
  retrySec: number;
  /** The longest a caller waits before `onTimeout`. */
  maxWaitSec: number;
  /** After the maximum wait; null = hang up. */
  onTimeout: Destination | null;
  /** Looped while waiting; empty = music on hold (the default class). */
  holdMedia: string[];
  announcePosition: boolean;
  announceWaitTime: boolean;
  announceEverySec: number;
  /** No member logged in when a caller arrives: wait anyway, or leave for `noMembersDestination`. */
  whenNoMembers: "wait" | "leave";
  /** For "leave"; null = hang up. */
  noMembersDestination: Destination | null;
}

/** Per SIP account (on its extension): which calls it records, and the announcement. */
export interface RecordingPolicy {
  incomingExternal: boolean;
  incomingInternal: boolean;
  outgoingExternal: boolean;
  outgoingInternal: boolean;
  /** Played to both parties when recording starts; empty = no announcement. */
  announcement: string[];
}

/**
 * A compiled menu: its config (timings made safe), its active period parsed once, and its
 * call-flow node. Built by compile-media.ts.
 */
export interface CompiledIvrMenu extends IvrMenuConfig {
  period: CompiledPeriod | null;
  nodeId: string;
  /** Hangup nodes by cause, filled on first use (routing-facts.ts ownerHangupNodeId). */
  hangupNodeIds: Record<string, string>;
  /** Options by digit (the first of a digit listed twice wins; compile warns). */
  optionsByDigit: ReadonlyMap<string, Destination>;
  /** 1, or with direct dial the longest extension number's length. */
  maxDigits: number;
  /**
   * With direct dial, every proper prefix of an extension number ("2", "20" for 201): keys so
   * far that may still become a number. One set shared by the tenant's menus; empty without.
   */
  extensionPrefixes: ReadonlySet<string>;
  /** "IVR menu Main.": the trace's first line for the menu. */
  titleLine: string;
}

/** A compiled queue: its config with timings made safe, and its call-flow node. */
export interface CompiledCallQueue extends CallQueueConfig {
  nodeId: string;
  hangupNodeIds: Record<string, string>;
  titleLine: string;
}
