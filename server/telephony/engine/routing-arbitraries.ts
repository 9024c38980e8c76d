/**
 * Test support: fast-check generators of tenants using every routing feature (rules, DND,
 * forwarding, follow-me, hunt groups, holidays, IVR menus, call queues), dangling references
 * and loops included, and
 * of calls and routing states to route against them.
 */
import fc from "fast-check";
import { compileDialPlan } from "./compile-dial-plan";
import { testInput } from "./test-dial-plan";
import type { CallRuleConfig, Destination, IncomingCall, RoutingState, TenantDialPlan, TimePeriod } from "./types";

const EXTENSION_IDS = ["e-alice", "e-bob", "e-carol", "e-dora"] as const;
const GROUP_IDS = ["g-1", "g-2"] as const;
export const MENU_IDS = ["m-1", "m-2"] as const;
const QUEUE_IDS = ["q-1"] as const;
export const DIDS = ["+441632960001", "+441632960002", "+441632960003", "+441632960006", "+441632960007"] as const;

const clock = fc.constantFrom("00:00", "02:00", "09:00", "17:00", "22:00", "24:00", "25:00");
const period: fc.Arbitrary<TimePeriod> = fc.record({
  weekdays: fc.array(fc.integer({ min: 0, max: 8 }), { maxLength: 3 }),
  timeRanges: fc.array(fc.record({ start: clock, end: clock }), { maxLength: 2 }),
  dateRanges: fc.array(fc.record({ from: fc.constantFrom("2025-01-01", "2027-03-28", "bad"), to: fc.constantFrom("2025-12-31", "2027-12-31") }), { maxLength: 1 }),
  holidays: fc.constantFrom("any", "only", "except"),
});

const destination: fc.Arbitrary<Destination> = fc.oneof(
  fc.record({ kind: fc.constant("extension" as const), extensionId: fc.constantFrom(...EXTENSION_IDS, "gone") }),
  fc.record({ kind: fc.constant("huntGroup" as const), huntGroupId: fc.constantFrom(...GROUP_IDS, "gone") }),
  fc.record({ kind: fc.constant("voicemail" as const), mailbox: fc.constantFrom("201@t1", "sales@t1") }),
  fc.record({ kind: fc.constant("fax" as const), sipAccountId: fc.constantFrom("s-fax", "gone") }),
  fc.record({ kind: fc.constant("external" as const), number: fc.constantFrom("07700 900123", "+15551234567", "12"), confirm: fc.boolean() }),
  fc.record({ kind: fc.constant("ivr" as const), ivrMenuId: fc.constantFrom(...MENU_IDS, "gone") }),
  fc.record({ kind: fc.constant("queue" as const), queueId: fc.constantFrom(...QUEUE_IDS, "gone") }),
);

const pattern = fc.record({ number: fc.constantFrom("+1", "020", "+447700900123", "201", "01632 960001", "x"), match: fc.constantFrom("exact" as const, "prefix" as const) });
const rule: fc.Arbitrary<CallRuleConfig> = fc.record({
  id: fc.uuid(), name: fc.constantFrom("a", "b"), isEnabled: fc.boolean(),
  period: fc.option(period),
  callerFilter: fc.option(fc.record({ patterns: fc.array(pattern, { maxLength: 2 }), countries: fc.array(fc.constantFrom("US", "GB", "FR", "XX"), { maxLength: 2 }) })),
  dialledFilter: fc.option(fc.array(pattern, { maxLength: 2 })),
  action: fc.oneof(
    fc.record({ kind: fc.constant("forward" as const), destination }),
    fc.constant({ kind: "ringNormally" as const }),
    fc.constant({ kind: "voicemail" as const }),
    fc.record({ kind: fc.constant("reject" as const), cause: fc.constantFrom("busy" as const, "rejected" as const) }),
    fc.record({ kind: fc.constant("message" as const), message: fc.constantFrom("nobodyAvailable" as const, "goodbye" as const) }),
  ),
});

const extensionRouting = fc.record({
  doNotDisturb: fc.boolean(),
  forwarding: fc.record({ always: fc.option(destination, { freq: 4 }), busy: fc.option(destination), noAnswer: fc.option(destination) }),
  followMe: fc.option(fc.record({
    strategy: fc.constantFrom("sequential" as const, "simultaneous" as const),
    ringSelfFirstSec: fc.option(fc.integer({ min: -5, max: 30 })),
    steps: fc.array(fc.record({ id: fc.uuid(), destination, ringSec: fc.integer({ min: -1, max: 60 }), confirm: fc.boolean(), activePeriod: fc.option(period) }), { maxLength: 4 }),
  })),
  rules: fc.array(rule, { maxLength: 3 }),
});

const huntGroup = (id: string, number: string) => fc.record({
  id: fc.constant(id), number: fc.constant(number), name: fc.constant(id),
  strategy: fc.constantFrom("ringAll" as const, "inOrder" as const, "roundRobin" as const, "leastUsed" as const, "random" as const),
  leastUsedBy: fc.constantFrom("answeredToday" as const, "longestIdle" as const),
  members: fc.array(fc.record({ extensionId: fc.constantFrom(...EXTENSION_IDS, "gone"), ringSec: fc.integer({ min: 0, max: 60 }) }), { maxLength: 5 }),
  ringSec: fc.integer({ min: 0, max: 120 }), allowCallWaiting: fc.boolean(), overflow: fc.option(destination),
});

const media = fc.array(fc.constantFrom("sound:/m/t1/prompts/a", "sound:/m/t1/prompts/b"), { maxLength: 2 });
const ivrMenu = (id: string) => fc.record({
  id: fc.constant(id), name: fc.constant(id),
  prompts: fc.record({ intro: media, menu: media, invalid: media, timeout: media, postSelection: media, inactive: media }),
  activePeriod: fc.option(period), inactiveAction: fc.option(destination), digitTimeoutSec: fc.integer({ min: -1, max: 40 }),
  maxRetries: fc.integer({ min: -1, max: 12 }), afterRetries: fc.option(destination), directDial: fc.boolean(), fax: fc.option(destination),
  options: fc.array(fc.record({ digit: fc.constantFrom("1", "2", "0", "#"), destination }), { maxLength: 4 }),
});
const callQueue = (id: string, number: string) => fc.record({
  id: fc.constant(id), number: fc.constant(number), name: fc.constant(id),
  strategy: fc.constantFrom("ringAll" as const, "inOrder" as const, "roundRobin" as const, "leastUsed" as const, "random" as const),
  leastUsedBy: fc.constantFrom("answeredToday" as const, "longestIdle" as const),
  members: fc.array(fc.record({ extensionId: fc.constantFrom(...EXTENSION_IDS, "gone"), isLoggedIn: fc.boolean() }), { maxLength: 5 }),
  memberRingSec: fc.integer({ min: -1, max: 60 }), retrySec: fc.integer({ min: -1, max: 60 }), maxWaitSec: fc.integer({ min: 0, max: 9000 }),
  onTimeout: fc.option(destination), holdMedia: media, announcePosition: fc.boolean(), announceWaitTime: fc.boolean(),
  announceEverySec: fc.integer({ min: 0, max: 120 }), whenNoMembers: fc.constantFrom("wait" as const, "leave" as const), noMembersDestination: fc.option(destination),
});

/** A compiled tenant with random routing on its extensions, DIDs, two hunt groups, two IVR menus and a queue. */
export const routingPlan: fc.Arbitrary<TenantDialPlan> = fc.record({
  extensions: fc.tuple(extensionRouting, extensionRouting, extensionRouting, extensionRouting),
  groups: fc.tuple(huntGroup("g-1", "600"), huntGroup("g-2", "201")),
  didTargets: fc.array(destination, { minLength: DIDS.length, maxLength: DIDS.length }),
  didRules: fc.array(fc.array(rule, { maxLength: 3 }), { minLength: DIDS.length, maxLength: DIDS.length }),
  holidays: fc.array(fc.constantFrom("2027-01-04", "2027-12-25", "nope"), { maxLength: 2 }),
  menus: fc.tuple(ivrMenu("m-1"), ivrMenu("m-2")),
  queues: fc.tuple(callQueue("q-1", "700")),
}).map(({ extensions, groups, didTargets, didRules, holidays, menus, queues }) => {
  const base = testInput();
  return compileDialPlan({
    ...base,
    extensions: base.extensions.map((e, i) => ({ ...e, ...extensions[i] })),
    huntGroups: groups,
    ivrMenus: menus,
    queues,
    dids: DIDS.map((number, i) => ({ number, target: didTargets[i]!, rules: didRules[i] })),
    holidays,
  });
});

export const routingCall: fc.Arbitrary<IncomingCall> = fc.oneof(
  fc.record({
    source: fc.constant({ kind: "trunk" as const }),
    dialled: fc.constantFrom(...DIDS),
    callerId: fc.record({ number: fc.option(fc.constantFrom("+12125550100", "+442079460000", "+33142000000", "07700 900123", "anonymous")), name: fc.constant(null) }),
  }),
  fc.record({
    source: fc.record({ kind: fc.constant("extension" as const), extensionId: fc.constantFrom(...EXTENSION_IDS) }),
    dialled: fc.constantFrom("201", "202", "203", "0123", "600", "700", ...DIDS),
    callerId: fc.constant({ number: null, name: null }),
  }),
);

export const routingState: fc.Arbitrary<RoutingState> = fc.record({
  busy: fc.subarray([...EXTENSION_IDS]),
  cursor: fc.integer({ min: -3, max: 10 }),
  answered: fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 4, maxLength: 4 }),
  seed: fc.double({ min: 0, max: 1, noNaN: true }),
}).map(({ busy, cursor, answered, seed }) => ({
  busyExtensionIds: new Set(busy),
  roundRobinCursors: new Map([["g-1", cursor], ["g-2", cursor + 1], ["q-1", cursor + 2]]),
  usage: new Map(EXTENSION_IDS.map((id, i) => [id, { answeredToday: answered[i]!, lastCallEndedAt: answered[i]! > 2 ? new Date(Date.UTC(2027, 0, 4, answered[i]!)) : null }])),
  random: () => seed * 0.999,
}));

/** Instants around the DST nights and ordinary days. */
export const routingInstant = fc.constantFrom(
  "2027-01-04T10:00:00Z", "2027-01-04T23:30:00Z", "2027-03-28T00:59:00Z", "2027-03-28T01:00:00Z", "2027-10-31T01:30:00Z", "2027-12-25T12:00:00Z",
).map((iso) => new Date(iso));
