/**
 * Input types of the routing engine: what a tenant configured (`TenantDialPlanInput`, plain
 * JSON-able data the dialplan loader builds from the database), its indexed form
 * (`TenantDialPlan`, built once by `compileDialPlan`) and the call being routed.
 */

import type { CallQueueConfig, CompiledCallQueue, CompiledIvrMenu, IvrMenuConfig, RecordingPolicy } from "./media-types";

/** How bare digit strings become E.164; see normalize-number.ts for the rules. */
export interface NumberingPlan {
  /** Country calling code without "+", e.g. "44" or "1". */
  countryCode: string;
  /** Trunk prefix for national dialling, e.g. "0" (UK) or "1" (NANP); "" if none. */
  nationalPrefix: string;
  /** Prefix for international dialling, e.g. "00" or "011". */
  internationalPrefix: string;
}

export interface ExtensionConfig {
  id: string;
  /** Short internal number, e.g. "201". */
  number: string;
  displayName: string;
  /** Asterisk endpoint, e.g. "PJSIP/alice"; null when no SIP account is provisioned. */
  endpoint: string | null;
  voicemail: { isEnabled: boolean; mailbox: string };
  /** CLI presented on outbound calls; must be one of the trunk's allowed CLIs to be used. */
  outboundCli: string | null;
  /** Overrides the tenant's default ring time. */
  ringTimeoutSec?: number;
  doNotDisturb?: boolean;
  forwarding?: ForwardingConfig;
  /** null/absent = follow-me off. */
  followMe?: FollowMeConfig | null;
  /** Call processing rules, in order; the first match wins. */
  rules?: CallRuleConfig[];
  /** Call recording of the extension's SIP account; absent = records nothing. */
  recording?: RecordingPolicy;
}

/** A fax account (SipAccount of type FAX): a device that answers, not an extension people reach. */
export interface FaxAccountConfig {
  id: string;
  /** Asterisk endpoint, e.g. "PJSIP/fax-0042". */
  endpoint: string;
  /** How people know it, e.g. its username; Live status and traces show this. */
  label: string;
}

/**
 * Where a call can be sent: a DID's target, a forward, a follow-me entry, a rule's action, a
 * hunt group's overflow. New kinds (IVR, queue) are added here, in the stored schema
 * (server/modules/routing/stored.ts) and in the engine's destination router.
 */
export type Destination =
  /** Routes to the extension as if dialled: its rules, DND and forwarding apply (loops are cut). */
  | { kind: "extension"; extensionId: string }
  | { kind: "voicemail"; mailbox: string }
  /** Rings the fax account's endpoint; an id not among `faxAccounts` is dangling (unallocated). */
  | { kind: "fax"; sipAccountId: string }
  | { kind: "huntGroup"; huntGroupId: string }
  /** An IVR menu (media-types.ts); an id not among `ivrMenus` is dangling. */
  | { kind: "ivr"; ivrMenuId: string }
  /** A call queue (media-types.ts); an id not among `queues` is dangling. */
  | { kind: "queue"; queueId: string }
  /**
   * `presentCaller`: show the original caller's number on the forwarded leg (trunk must allow it).
   * `confirm`: the callee must press 1 to take the call, so a mobile's voicemail cannot.
   */
  | { kind: "external"; number: string; presentCaller?: boolean; confirm?: boolean };

/** Kept for the DID code paths that predate forwarding; every destination may be a DID's target. */
export type DidTarget = Destination;

/** "HH:MM" local wall-clock times; `end` <= `start` crosses midnight, "24:00" is the day's end. */
export interface LocalTimeWindow {
  start: string;
  end: string;
}

/**
 * When a rule or follow-me entry is active, read in the tenant's time zone. Every non-empty
 * part must match. A window crossing midnight belongs to the day (weekday, date) it starts on.
 */
export interface TimePeriod {
  /** ISO weekdays, 1 = Monday … 7 = Sunday; empty = every day. */
  weekdays: number[];
  /** Empty = all day. */
  timeRanges: LocalTimeWindow[];
  /** Inclusive local dates "YYYY-MM-DD"; empty = any date. */
  dateRanges: { from: string; to: string }[];
  /** "only": just on the tenant's holidays; "except": never on them; "any": holidays do not matter. */
  holidays: "any" | "only" | "except";
}

/** A number or prefix as people type it; normalised at compile time like block rules. */
export interface NumberPattern {
  number: string;
  match: "exact" | "prefix";
}

/** Matches when the caller matches any pattern or comes from any of the countries (ISO alpha-2). */
export interface CallerFilter {
  patterns: NumberPattern[];
  countries: string[];
}

/** Built-in messages a rule can play before hanging up (Asterisk core sounds). */
export const RULE_MESSAGES = {
  nobodyAvailable: { media: "sound:vm-nobodyavail", label: "Nobody is available to take your call" },
  allBusy: { media: "sound:tt-allbusy", label: "All lines are busy" },
  notInService: { media: "sound:ss-noservice", label: "This number is not in service" },
  goodbye: { media: "sound:vm-goodbye", label: "Goodbye" },
} as const;
export type RuleMessageId = keyof typeof RULE_MESSAGES;

export type RuleAction =
  | { kind: "forward"; destination: Destination }
  /** Carry on as if no rule matched: the number's destination, or the extension's own handling. */
  | { kind: "ringNormally" }
  /** The extension's box; for a number, the box of the extension it points at, else the company's. */
  | { kind: "voicemail" }
  | { kind: "reject"; cause: "busy" | "rejected" }
  | { kind: "message"; message: RuleMessageId };

export interface CallRuleConfig {
  id: string;
  name: string;
  /** Disabled rules are reported ("disabled") but never match. */
  isEnabled: boolean;
  period: TimePeriod | null;
  callerFilter: CallerFilter | null;
  /** On the number dialled (the DID, or what reached the extension); null = any. */
  dialledFilter: NumberPattern[] | null;
  action: RuleAction;
}

export interface FollowMeStepConfig {
  id: string;
  destination: Destination;
  ringSec: number;
  /** External destinations only: press 1 to accept. */
  confirm: boolean;
  /** null = always active. */
  activePeriod: TimePeriod | null;
}

export interface FollowMeConfig {
  strategy: "sequential" | "simultaneous";
  /** Ring the extension's own phone first for this long; null = straight to the list. */
  ringSelfFirstSec: number | null;
  steps: FollowMeStepConfig[];
}

/** An extension's forwarding. Busy / no-answer forwards replace voicemail in those cases. */
export interface ForwardingConfig {
  always: Destination | null;
  busy: Destination | null;
  noAnswer: Destination | null;
}

export type HuntStrategy = "ringAll" | "inOrder" | "roundRobin" | "leastUsed" | "random";

export interface HuntGroupConfig {
  id: string;
  /** Internal number, dialled like an extension's. */
  number: string;
  name: string;
  strategy: HuntStrategy;
  /** leastUsed only: fewest answered calls today, or longest since the last call ended. */
  leastUsedBy: "answeredToday" | "longestIdle";
  /** In `position` order. */
  members: { extensionId: string; ringSec: number }[];
  /** The most the group rings in all. */
  ringSec: number;
  /** Members on a call are skipped unless this is set. */
  allowCallWaiting: boolean;
  /** Unanswered calls; null = hang up. */
  overflow: Destination | null;
}

export interface DidConfig {
  /** E.164, or any form normalize-number.ts understands. */
  number: string;
  target: DidTarget;
  /** Call processing rules, in order; the first match wins. */
  rules?: CallRuleConfig[];
}

export interface BlockRule {
  number: string;
  match: "exact" | "prefix";
}

export interface OutboundConfig {
  trunk: string;
  allowedClis: string[];
  /** Used when the caller's CLI is not allowed; always allowed itself. */
  defaultCli: string;
}

export interface TenantDialPlanInput {
  tenantId: string;
  /** IANA zone, e.g. "Europe/London"; rules and previews read local time in it. */
  timeZone: string;
  numbering: NumberingPlan;
  defaultRingTimeoutSec: number;
  extensions: ExtensionConfig[];
  /** Fax accounts DIDs may point at; absent means none. */
  faxAccounts?: FaxAccountConfig[];
  dids: DidConfig[];
  huntGroups?: HuntGroupConfig[];
  ivrMenus?: IvrMenuConfig[];
  queues?: CallQueueConfig[];
  /** The tenant's holidays, local dates "YYYY-MM-DD". */
  holidays?: string[];
  blocked: BlockRule[];
  isAnonymousBlocked: boolean;
  /** null: the tenant has no outbound calling (emergency calls then fail too, and say so). */
  outbound: OutboundConfig | null;
  /** Short codes such as "999", "112", "911". */
  emergencyNumbers: string[];
  /** The partner suspended the company: only emergency calls go through. */
  isSuspended?: boolean;
  /** Box for a number's "voicemail" rule when the number does not point at an extension; default `general@<tenantId>`. */
  generalMailbox?: string;
  /**
   * Company short codes (issue 13): an extension dialling `code` is routed as if it dialled
   * `number` (E.164 or an internal number). Extension, hunt group and queue numbers win.
   */
  speedDials?: SpeedDial[];
}

/** A company short code: dialling `code` from an extension routes as if `number` was dialled. */
export interface SpeedDial {
  code: string;
  number: string;
  label: string;
}

/** A compiled extension: numbers normalised once so routing never re-parses config. */
export interface Extension extends Omit<ExtensionConfig, "outboundCli"> {
  /** E.164 or null (absent, or unparseable: compile warns). */
  outboundCli: string | null;
  /** Built once by compileDialPlan (routing-facts.ts). */
  facts: ExtensionFacts;
}

/** An extension's call-independent routing facts: node ids, trace wording, rules (routing-facts.ts). */
export interface ExtensionFacts {
  nodeId: string;
  noRuleNodeId: string;
  dndNodeId: string;
  ringNodeId: string;
  forwardAlwaysNodeId: string;
  forwardBusyNodeId: string;
  forwardNoAnswerNodeId: string;
  /** Where a failed ring ends without forwarding: the voicemail node, else the hangup node of that cause. */
  busyEndNodeId: string;
  noAnswerEndNodeId: string;
  congestionEndNodeId: string;
  /** Hangup nodes by cause, filled on first use. */
  hangupNodeIds: Record<string, string>;
  /** "Extension 201 (Alice)". */
  title: string;
  titleLine: string;
  /** "extension 201 (Alice)". */
  label: string;
  /** partyLabel of the extension, for dial targets. */
  partyLabel: string;
  /** The extension's number as an extension rule's dialled filter sees it on an internal call. */
  dialledAsShort: { e164: null; short: string };
  ringTimeoutSec: number;
  ringLine: string;
  unansweredLine: string;
  dndLine: string;
  noPhoneLine: string;
  /** The extension's rules and follow-me list (the same objects as rulesByExtension / followMeByExtension). */
  rules: readonly CompiledRule[] | undefined;
  followMe: CompiledFollowMe | undefined;
}

/** A hunt group as compiled: its config plus call-independent routing facts. */
export interface CompiledHuntGroup extends HuntGroupConfig {
  facts: HuntGroupFacts;
}

export interface HuntGroupFacts {
  nodeId: string;
  hangupNodeIds: Record<string, string>;
  /** safeRingSec of the group's ring time. */
  ringSec: number;
  titleLine: string;
  nobodyLine: string;
  overflowsLine: string;
  /** In configured order; `extension` undefined when it is missing. */
  members: readonly HuntMemberFacts[];
}

export interface HuntMemberFacts {
  extensionId: string;
  extension: Extension | undefined;
  ringSec: number;
  nodeId: string;
}

/** A DID as routing reads it: target, rules and call-independent wording (keyed by E.164 in didRoutes). */
export interface CompiledDid {
  e164: string;
  target: DidTarget;
  nodeId: string;
  noRuleNodeId: string;
  hangupNodeIds: Record<string, string>;
  rules: readonly CompiledRule[] | undefined;
  /** The DID as a rule's dialled filter sees it. */
  dialled: { e164: string; short: null };
}

/** Indexed, normalised snapshot; every lookup is a Map/Set hit or a bounded prefix walk. */
export interface TenantDialPlan {
  tenantId: string;
  timeZone: string;
  numbering: NumberingPlan;
  defaultRingTimeoutSec: number;
  extensionsById: ReadonlyMap<string, Extension>;
  extensionsByNumber: ReadonlyMap<string, Extension>;
  extensionsByEndpoint: ReadonlyMap<string, Extension>;
  faxAccountsById: ReadonlyMap<string, FaxAccountConfig>;
  /** Keyed by E.164. */
  didsByNumber: ReadonlyMap<string, DidTarget>;
  blocked: BlockIndex;
  outbound: { trunk: string; allowedClis: ReadonlySet<string>; defaultCli: string } | null;
  emergencyNumbers: ReadonlySet<string>;
  isSuspended: boolean;
  huntGroupsById: ReadonlyMap<string, CompiledHuntGroup>;
  /** Only numbers no extension has: an extension's number wins (compile warns). */
  huntGroupsByNumber: ReadonlyMap<string, CompiledHuntGroup>;
  ivrMenusById: ReadonlyMap<string, CompiledIvrMenu>;
  queuesById: ReadonlyMap<string, CompiledCallQueue>;
  /** Only numbers no extension or hunt group has (compile warns). */
  queuesByNumber: ReadonlyMap<string, CompiledCallQueue>;
  /** The DIDs of didsByNumber with their rules and routing facts, by E.164: what routing reads. */
  didRoutes: ReadonlyMap<string, CompiledDid>;
  /** Rules per owner, keyed by the owner's call-flow node id (flowId.did / flowId.extension). */
  rulesByOwner: ReadonlyMap<string, readonly CompiledRule[]>;
  /**
   * The same rule lists keyed by extension id and by DID E.164, for routing: looking up a
   * string built per call (a node id) costs ~8x a key whose hash the string already holds.
   */
  rulesByExtension: ReadonlyMap<string, readonly CompiledRule[]>;
  rulesByDid: ReadonlyMap<string, readonly CompiledRule[]>;
  /** Follow-me lists by extension id, periods pre-parsed. */
  followMeByExtension: ReadonlyMap<string, CompiledFollowMe>;
  /** Local dates "YYYY-MM-DD". */
  holidays: ReadonlySet<string>;
  generalMailbox: string;
  /** Company short codes by code (compile-speed-dials.ts); codes an extension, group or queue has are left out. */
  speedDialsByCode: ReadonlyMap<string, SpeedDial>;
  /** Every configured outside number (forwards, follow-me, DID targets) -> its E.164, null when invalid; parsed once. */
  externalNumbers: ReadonlyMap<string, string | null>;
  /** Config problems found while compiling (duplicates, dangling references, bad numbers). */
  warnings: string[];
}

/** A time period parsed once: windows in minutes of the day, weekdays as a bit set (bit 1 = Monday). */
export interface CompiledPeriod {
  /** 0 = every day. */
  weekdayMask: number;
  windows: readonly { start: number; end: number }[];
  dateRanges: readonly { from: string; to: string }[];
  holidays: TimePeriod["holidays"];
  /** e.g. "Mon–Fri 09:00–17:00"; traces, rule reasons and the call-flow view show it. */
  text: string;
  /**
   * The last match (period.ts): local parts are one shared object per zone per minute, so
   * every call in that minute asks the same question. Set by matchPeriod.
   */
  memo?: { at: object; holidays: object; result: { isMatch: boolean; reason: string } } | null;
}

/** Numbers normalised once: E.164 forms for DIDs and callers, raw digits for extension numbers. */
export interface CompiledNumberFilter {
  exact: ReadonlySet<string>;
  prefixes: readonly string[];
  /** Digits as typed, for matching short numbers (an extension's number). */
  rawExact: ReadonlySet<string>;
  rawPrefixes: readonly string[];
  /** e.g. "+1 212…, 0800…"; for reasons and the call-flow view. */
  text: string;
}

export interface CompiledCallerFilter {
  numbers: CompiledNumberFilter;
  /** ISO alpha-2, only those libphonenumber knows. */
  countries: ReadonlySet<string>;
  /** "United States or Canada": the names, once, for reasons. */
  countryNames: string;
  text: string;
}

export interface CompiledRule {
  id: string;
  /** flowId.rule(id). */
  nodeId: string;
  /** Trace line heads: `Rule "name": matches (` and `Rule "name": does not match (`. */
  matchesHead: string;
  missesHead: string;
  name: string;
  isEnabled: boolean;
  period: CompiledPeriod | null;
  /** null: any caller (also when both of the configured lists were empty). */
  caller: CompiledCallerFilter | null;
  dialled: CompiledNumberFilter | null;
  action: RuleAction;
}

export interface CompiledFollowMe {
  strategy: FollowMeConfig["strategy"];
  ringSelfFirstSec: number | null;
  /** `nodeId`: flowId.followMeStep; `name`: "Follow-me entry 2", for traces. */
  steps: readonly (FollowMeStepConfig & { period: CompiledPeriod | null; nodeId: string; name: string })[];
}

export interface BlockIndex {
  exact: ReadonlySet<string>;
  prefixes: ReadonlySet<string>;
  /** Bounds of the prefix walk, so a lookup costs at most (max - min + 1) Set hits. */
  minPrefixLength: number;
  maxPrefixLength: number;
  isAnonymousBlocked: boolean;
}

/**
 * What routing needs to know about the moment, besides the clock: passed in so the engine
 * stays pure. The worker fills it from presence and call records; previews use defaults.
 */
export interface RoutingState {
  /** Extensions on a call now (in call or on hold). */
  busyExtensionIds: ReadonlySet<string>;
  /** Round-robin cursor per hunt group and per call queue (calls so far), by id; absent = 0. */
  roundRobinCursors: ReadonlyMap<string, number>;
  /** Least-used hunt groups: answered calls today (tenant's day) and when the last call ended. */
  usage: ReadonlyMap<string, { answeredToday: number; lastCallEndedAt: Date | null }>;
  /** Uniform in [0, 1), for the random strategy: the worker passes Math.random, tests a seeded one. */
  random: () => number;
  /**
   * A prepaid company whose balance plus credit limit is used up (issue 13): chargeable
   * outbound calls are refused with an announcement; internal and emergency calls go on.
   * Absent = false.
   */
  isOutOfCredit?: boolean;
}

export const EMPTY_ROUTING_STATE: RoutingState = {
  busyExtensionIds: new Set(),
  roundRobinCursors: new Map(),
  usage: new Map(),
  random: () => 0,
};

export interface CallerIdInput {
  /** As presented; null or "anonymous"-like values mean withheld. */
  number: string | null;
  name: string | null;
}

/**
 * A call entering routing. From an extension, `dialled` is what the user dialled and
 * `callerId.number` the CLI the phone asked for (validated for outbound, ignored internally).
 * From the trunk, `dialled` is the called DID and `callerId` the network's caller.
 */
export interface IncomingCall {
  source: { kind: "extension"; extensionId: string } | { kind: "trunk" };
  dialled: string;
  callerId: CallerIdInput;
}
