/**
 * Input types of the routing engine: what a tenant configured (`TenantDialPlanInput`, plain
 * JSON-able data the dialplan loader builds from the database), its indexed form
 * (`TenantDialPlan`, built once by `compileDialPlan`) and the call being routed.
 */

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
}

/** A fax account (SipAccount of type FAX): a device that answers, not an extension people reach. */
export interface FaxAccountConfig {
  id: string;
  /** Asterisk endpoint, e.g. "PJSIP/fax-0042". */
  endpoint: string;
  /** How people know it, e.g. its username; Live status and traces show this. */
  label: string;
}

/** Where a DID goes. New kinds (hunt group, IVR) are added here and in route-did-target.ts. */
export type DidTarget =
  | { kind: "extension"; extensionId: string }
  | { kind: "voicemail"; mailbox: string }
  /** Rings the fax account's endpoint; an id not among `faxAccounts` is dangling (unallocated). */
  | { kind: "fax"; sipAccountId: string }
  /** `presentCaller`: show the original caller's number on the forwarded leg (trunk must allow it). */
  | { kind: "external"; number: string; presentCaller?: boolean };

export interface DidConfig {
  /** E.164, or any form normalize-number.ts understands. */
  number: string;
  target: DidTarget;
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
  blocked: BlockRule[];
  isAnonymousBlocked: boolean;
  /** null: the tenant has no outbound calling (emergency calls then fail too, and say so). */
  outbound: OutboundConfig | null;
  /** Short codes such as "999", "112", "911". */
  emergencyNumbers: string[];
  /** The partner suspended the company: only emergency calls go through. */
  isSuspended?: boolean;
}

/** A compiled extension: numbers normalised once so routing never re-parses config. */
export interface Extension extends Omit<ExtensionConfig, "outboundCli"> {
  /** E.164 or null (absent, or unparseable: compile warns). */
  outboundCli: string | null;
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
  /** Config problems found while compiling (duplicates, dangling references, bad numbers). */
  warnings: string[];
}

export interface BlockIndex {
  exact: ReadonlySet<string>;
  prefixes: ReadonlySet<string>;
  /** Bounds of the prefix walk, so a lookup costs at most (max - min + 1) Set hits. */
  minPrefixLength: number;
  maxPrefixLength: number;
  isAnonymousBlocked: boolean;
}

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
