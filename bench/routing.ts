/**
 * Routing engine benchmark: `npx tsx bench/routing.ts [--seconds=5]`.
 * One tenant with 1,000 extensions, 200 DIDs and 100 block rules routes a fixed mix of calls on
 * one core. Baseline: the same engine with every Map/Set replaced by an array scan, i.e. what
 * routing straight over the configuration lists would cost. Prints text, then ONE JSON line.
 */
import { compileDialPlan, routeCall } from "../server/telephony/engine/index";
import type { IncomingCall, RouteKind, TenantDialPlan, TenantDialPlanInput } from "../server/telephony/engine/index";

const SECONDS = Number(process.argv.find((a) => a.startsWith("--seconds="))?.split("=")[1] ?? 5);
const NOW = new Date("2025-01-06T09:15:00Z");

/** Deterministic PRNG (mulberry32) so every run routes the same calls. */
function rng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = rng(42);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
const did = (i: number) => `+4420795${String(i).padStart(5, "0")}`;

function buildTenant(): TenantDialPlanInput {
  const extensions = Array.from({ length: 1000 }, (_, i) => ({
    id: `ext-${i}`, number: String(1000 + i), displayName: `User ${i}`,
    endpoint: i % 50 === 0 ? null : `PJSIP/user${1000 + i}`,
    voicemail: { isEnabled: i % 3 !== 0, mailbox: `${1000 + i}@bench` },
    outboundCli: i % 4 === 0 ? "+447000000001" : did(i % 200),
  }));
  const dids = Array.from({ length: 200 }, (_, i) => ({
    number: did(i),
    target: i % 10 === 0 ? { kind: "voicemail" as const, mailbox: `group${i}@bench` }
      : i % 10 === 1 ? { kind: "external" as const, number: `07700 9${String(i).padStart(5, "0")}` }
      : { kind: "extension" as const, extensionId: `ext-${(i * 5) % 1000}` },
  }));
  const blocked = Array.from({ length: 100 }, (_, i) => i < 80
    ? { number: `+4477009${String(i).padStart(5, "0")}`, match: "exact" as const }
    : { number: `09${String(i).padStart(2, "0")}`, match: "prefix" as const });
  return {
    tenantId: "bench", timeZone: "Europe/London", defaultRingTimeoutSec: 20,
    numbering: { countryCode: "44", nationalPrefix: "0", internationalPrefix: "00" },
    extensions, dids, blocked, isAnonymousBlocked: false, emergencyNumbers: ["999", "112"],
    outbound: { trunk: "carrier", allowedClis: dids.map((d) => d.number), defaultCli: "+442079500000" },
  };
}

/** 35% internal, 30% inbound, 20% outbound, 8% blocked, 7% unknown (DID or extension). */
function buildCalls(count: number): IncomingCall[] {
  const digits = (n: number) => String(Math.floor(random() * 10 ** n)).padStart(n, "0");
  const fromExt = (dialled: string, cli: string | null = null): IncomingCall =>
    ({ source: { kind: "extension", extensionId: `ext-${Math.floor(random() * 1000)}` }, dialled, callerId: { number: cli, name: null } });
  const fromTrunk = (dialled: string, caller: string): IncomingCall =>
    ({ source: { kind: "trunk" }, dialled, callerId: { number: caller, name: "Caller" } });
  const blockedCaller = () => (random() < 0.5 ? `+4477009${String(Math.floor(random() * 80)).padStart(5, "0")}` : `0980${digits(6)}`);
  return Array.from({ length: count }, (): IncomingCall => {
    const r = random();
    if (r < 0.35) return fromExt(String(1000 + Math.floor(random() * 1000)));
    if (r < 0.65) return fromTrunk(did(Math.floor(random() * 200)), `07${digits(9)}`);
    if (r < 0.85) return fromExt(pick(["020 7946 0", "+1 212 555 ", "0033 1 42 "]) + digits(4), pick([null, did(7), "+449999999999"]));
    if (r < 0.93) return fromTrunk(did(Math.floor(random() * 200)), blockedCaller());
    return random() < 0.5 ? fromTrunk(`+4420796${digits(5)}`, `07${digits(9)}`) : fromExt(String(3000 + Math.floor(random() * 1000)));
  });
}

/** Map/Set whose lookups scan an array: the "no index" baseline. */
class ScanMap<K, V> extends Map<K, V> {
  private readonly list: [K, V][];
  constructor(entries: Iterable<[K, V]>) { const list = [...entries]; super(list); this.list = list; }
  override get(key: K): V | undefined { for (const [k, v] of this.list) if (k === key) return v; return undefined; }
  override has(key: K): boolean { return this.get(key) !== undefined; }
}
class ScanSet<T> extends Set<T> {
  private readonly list: T[];
  constructor(values: Iterable<T>) { const list = [...values]; super(list); this.list = list; }
  override has(value: T): boolean { return this.list.includes(value); }
}
function unindexed(plan: TenantDialPlan): TenantDialPlan {
  const { blocked, outbound } = plan;
  return {
    ...plan,
    extensionsById: new ScanMap(plan.extensionsById), extensionsByNumber: new ScanMap(plan.extensionsByNumber),
    extensionsByEndpoint: new ScanMap(plan.extensionsByEndpoint), faxAccountsById: new ScanMap(plan.faxAccountsById), didsByNumber: new ScanMap(plan.didsByNumber),
    blocked: { ...blocked, exact: new ScanSet(blocked.exact), prefixes: new ScanSet(blocked.prefixes) },
    emergencyNumbers: new ScanSet(plan.emergencyNumbers),
    outbound: outbound && { ...outbound, allowedClis: new ScanSet(outbound.allowedClis) },
  };
}

interface Run { decisionsPerSec: number; p50Us: number; p95Us: number; p99Us: number; decisions: number }
function measure(plan: TenantDialPlan, calls: IncomingCall[], seconds: number): Run {
  const latencies: number[] = [];
  const deadline = process.hrtime.bigint() + BigInt(Math.round(seconds * 1e9));
  const started = process.hrtime.bigint();
  let i = 0, end = started;
  while (end < deadline) {
    const t0 = process.hrtime.bigint();
    // The clock advances one simulated second per call, as the worker's clock would.
    routeCall(plan, calls[i % calls.length]!, new Date(NOW.getTime() + 1000 * i++));
    end = process.hrtime.bigint();
    latencies.push(Number(end - t0) / 1000);
  }
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]!;
  const decisionsPerSec = latencies.length / (Number(end - started) / 1e9);
  return { decisionsPerSec, p50Us: at(0.5), p95Us: at(0.95), p99Us: at(0.99), decisions: latencies.length };
}

const input = buildTenant();
const compileStart = process.hrtime.bigint();
const plan = compileDialPlan(input);
const compileMs = Number(process.hrtime.bigint() - compileStart) / 1e6;
const calls = buildCalls(20_000);
const mix = new Map<RouteKind, number>();
for (const call of calls) { const kind = routeCall(plan, call, NOW).kind; mix.set(kind, (mix.get(kind) ?? 0) + 1); }
const baselinePlan = unindexed(plan);
// Both snapshots must decide identically, or the comparison is meaningless.
const same = (c: IncomingCall) => JSON.stringify(routeCall(plan, c, NOW)) === JSON.stringify(routeCall(baselinePlan, c, NOW));
const mismatches = calls.filter((c) => !same(c)).length;
if (mismatches > 0 || plan.warnings.length > 0) {
  throw new Error(`bench setup is wrong: ${mismatches} mismatches; warnings: ${plan.warnings.join("; ")}`);
}

measure(plan, calls, 0.5); // warm-up: let the JIT settle before measuring
const indexed = measure(plan, calls, SECONDS);
const baseline = measure(baselinePlan, calls, Math.max(1, SECONDS / 2));
const speedup = indexed.decisionsPerSec / baseline.decisionsPerSec;
const fmt = (n: number) => Math.round(n).toLocaleString("en-GB");
const line = (name: string, r: Run) =>
  `${name.padEnd(22)} ${fmt(r.decisionsPerSec).padStart(10)} decisions/s   p50 ${r.p50Us.toFixed(1)} us   p95 ${r.p95Us.toFixed(1)} us   p99 ${r.p99Us.toFixed(1)} us`;

console.log(`Tenant: 1,000 extensions, 200 DIDs, 100 block rules; compiled in ${compileMs.toFixed(1)} ms.`);
const mixText = [...mix].map(([kind, n]) => `${kind} ${((100 * n) / calls.length).toFixed(1)}%`).join(", ");
console.log(`Call mix (${fmt(calls.length)} calls): ${mixText}`);
console.log(line("compiled (Map/Set)", indexed));
console.log(line("baseline (array scan)", baseline));
const isTargetMet = indexed.decisionsPerSec >= 20_000 && indexed.p99Us < 1000;
console.log(`Compiled is ${speedup.toFixed(1)}x the baseline.`);
console.log(`Target >= 20,000 decisions/s and p99 < 1,000 us: ${isTargetMet ? "met" : "MISSED"}.`);
const round = (n: number) => Math.round(n * 10) / 10;
console.log(JSON.stringify({
  bench: "routing", seconds: SECONDS, compileMs: round(compileMs),
  decisionsPerSec: Math.round(indexed.decisionsPerSec), p50Us: round(indexed.p50Us), p95Us: round(indexed.p95Us), p99Us: round(indexed.p99Us),
  baselineDecisionsPerSec: Math.round(baseline.decisionsPerSec), baselineP99Us: round(baseline.p99Us), speedup: round(speedup),
}));
