/**
 * The call-routing half of a tenant's engine input: extensions' DND, forwarding and
 * follow-me, hunt groups, call processing rules and holidays, from rows the dial-plan loader
 * already fetched (nested selects, so the load stays a fixed number of queries).
 *
 * JSON columns are parsed again on read (server/modules/routing/stored.ts). A row that does
 * not fit its schema (written by an older version, or edited by hand) is left out and
 * logged; it never fails the load, because one bad rule must not take a company's calls down.
 */
import { readStored, ZCallerFilter, ZNumberPattern, ZRoutingDestination, ZRuleAction, ZTimePeriod } from "@/server/modules/routing/stored";
import { LEAST_USED_FROM_DB, STRATEGY_FROM_DB } from "@/server/modules/routing/hunt-groups/domain";
import { z } from "zod";
import type { CallRuleConfig, Destination, FollowMeConfig, ForwardingConfig, HuntGroupConfig, TimePeriod } from "../engine";
import type { Logger } from "../log";
import { engineDestination } from "./engine-destination";

/** What the loader selects for the routing config (see load-dial-plan.ts). */
export const followMeStepSelect = { id: true, destination: true, ringSec: true, confirmAnswer: true, activePeriod: true } as const;
export const callRuleSelect = { id: true, name: true, isEnabled: true, period: true, callerFilter: true, dialledFilter: true, action: true } as const;

type Json = unknown;
type StepRow = { id: string; destination: Json; ringSec: number; confirmAnswer: boolean; activePeriod: Json };
type RuleRow = { id: string; name: string; isEnabled: boolean; period: Json; callerFilter: Json; dialledFilter: Json; action: Json };
type ExtensionRow = {
  id: string;
  doNotDisturb: boolean;
  forwardAlways: Json;
  forwardBusy: Json;
  forwardNoAnswer: Json;
  followMeEnabled: boolean;
  followMeStrategy: "SEQUENTIAL" | "SIMULTANEOUS";
  followMeRingSelfSec: number | null;
  followMeSteps: StepRow[];
  callRules: RuleRow[];
};
type HuntGroupRow = {
  id: string;
  number: string;
  name: string;
  strategy: "RING_ALL" | "IN_ORDER" | "ROUND_ROBIN" | "LEAST_USED" | "RANDOM";
  leastUsedBy: "ANSWERED_TODAY" | "LONGEST_IDLE";
  ringSec: number;
  allowCallWaiting: boolean;
  overflow: Json;
  members: { extensionId: string; ringSec: number }[];
};

const ZDialledFilter = z.array(ZNumberPattern);

export interface RoutingReader {
  /** The Asterisk box of an extension; null (or a deleted one) is the company's general box. */
  mailboxOf: (extensionId: string | null) => string;
  log: Logger;
}

/**
 * Reads an optional JSON column: null when absent; `"bad"` when present but unreadable (the
 * caller leaves the row out, or the feature off), after logging which row and column.
 */
export function readColumn<T>(r: RoutingReader, schema: z.ZodType<T>, value: Json, where: { table: string; id: string; column: string }): T | null | "bad" {
  if (value === null || value === undefined) return null;
  const parsed = readStored(schema, value);
  if (parsed !== null) return parsed;
  r.log.warn("stored routing value does not fit its schema; left out", where);
  return "bad";
}

export function destinationOf(r: RoutingReader, value: Json, where: { table: string; id: string; column: string }, options: { confirm?: boolean } = {}): Destination | null | "bad" {
  const stored = readColumn(r, ZRoutingDestination, value, where);
  return stored === null || stored === "bad" ? stored : engineDestination(stored, r.mailboxOf, options);
}

/** An optional setting whose stored value is unreadable counts as not set. */
export const orNull = <T>(v: T | null | "bad"): T | null => (v === "bad" ? null : v);

export function readRules(r: RoutingReader, rows: RuleRow[]): CallRuleConfig[] {
  return rows.flatMap((row): CallRuleConfig[] => {
    const at = (column: string) => ({ table: "CallRule", id: row.id, column });
    const action = readColumn(r, ZRuleAction, row.action, at("action"));
    const period = readColumn(r, ZTimePeriod, row.period, at("period"));
    const callerFilter = readColumn(r, ZCallerFilter, row.callerFilter, at("callerFilter"));
    const dialledFilter = readColumn(r, ZDialledFilter, row.dialledFilter, at("dialledFilter"));
    // A rule missing a part would match more calls than its author meant: drop it whole.
    if (action === null || action === "bad" || period === "bad" || callerFilter === "bad" || dialledFilter === "bad") return [];
    return [{
      id: row.id,
      name: row.name,
      isEnabled: row.isEnabled,
      period,
      callerFilter,
      dialledFilter,
      action: action.kind === "forward" ? { kind: "forward", destination: engineDestination(action.destination, r.mailboxOf) } : action,
    }];
  });
}

function readFollowMe(r: RoutingReader, ext: ExtensionRow): FollowMeConfig | null {
  if (!ext.followMeEnabled) return null;
  const steps = ext.followMeSteps.flatMap((step) => {
    const at = (column: string) => ({ table: "FollowMeStep", id: step.id, column });
    const destination = destinationOf(r, step.destination, at("destination"), { confirm: step.confirmAnswer });
    const activePeriod = readColumn<TimePeriod>(r, ZTimePeriod, step.activePeriod, at("activePeriod"));
    if (destination === null || destination === "bad" || activePeriod === "bad") return [];
    return [{ id: step.id, destination, ringSec: step.ringSec, confirm: step.confirmAnswer && destination.kind === "external", activePeriod }];
  });
  return {
    strategy: ext.followMeStrategy === "SIMULTANEOUS" ? "simultaneous" : "sequential",
    ringSelfFirstSec: ext.followMeRingSelfSec,
    steps,
  };
}

/** The routing fields of one extension's ExtensionConfig. */
export function readExtensionRouting(r: RoutingReader, ext: ExtensionRow) {
  const forward = (column: "forwardAlways" | "forwardBusy" | "forwardNoAnswer") =>
    orNull(destinationOf(r, ext[column], { table: "Extension", id: ext.id, column }));
  const forwarding: ForwardingConfig = { always: forward("forwardAlways"), busy: forward("forwardBusy"), noAnswer: forward("forwardNoAnswer") };
  return { doNotDisturb: ext.doNotDisturb, forwarding, followMe: readFollowMe(r, ext), rules: readRules(r, ext.callRules) };
}

export function readHuntGroups(r: RoutingReader, rows: HuntGroupRow[]): HuntGroupConfig[] {
  return rows.map((group) => ({
    id: group.id,
    number: group.number,
    name: group.name,
    strategy: STRATEGY_FROM_DB[group.strategy],
    leastUsedBy: LEAST_USED_FROM_DB[group.leastUsedBy],
    members: group.members.map((m) => ({ extensionId: m.extensionId, ringSec: m.ringSec })),
    ringSec: group.ringSec,
    allowCallWaiting: group.allowCallWaiting,
    // An unreadable overflow hangs up, like none: the group itself still rings.
    overflow: orNull(destinationOf(r, group.overflow, { table: "HuntGroup", id: group.id, column: "overflow" })),
  }));
}

/** A `@db.Date` column reads back as UTC midnight of that date. */
export const holidayDate = (date: Date) => date.toISOString().slice(0, 10);
