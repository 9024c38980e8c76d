/**
 * Fills a database with realistic call records for load tests and benchmarks: one test partner,
 * `tenants` companies (the first with `bigTenantExtensions` extensions, the others 5–40), and
 * `cdrs` CDRs shared by extension count, over the last `days` days: weekdays busier than
 * weekends, business-hours shaped in each company's zone, a mix of directions and results,
 * ring and talk times, costs on answered outbound calls. Loaded with COPY (pg-copy-streams).
 *
 * The rollup: with `rollup: "trigger"` each COPY of `batchRows` rows fires the rollup trigger
 * once, as any insert does. With `rollup: "rebuild"` (the default when the role may) the load
 * runs with session_replication_role = replica, which turns the trigger off for this session
 * only, and the generated companies' rollup is built at the end with one INSERT … SELECT
 * (call_daily_rollup_rebuild). Other sessions' triggers stay on throughout.
 *
 * Refuses to run where it could mix with real data: when its partner already exists, or when
 * the database has customer companies of other partners; `force` overrides both.
 */
import { randomBytes } from "node:crypto";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";

export const GENERATOR_PARTNER = "CDR generator (test data)";

export type GenerateOptions = {
  cdrs: number;
  tenants: number;
  bigTenantExtensions?: number;
  days?: number;
  rollup?: "trigger" | "rebuild";
  /** Rows per COPY statement (each fires the trigger once in "trigger" mode). */
  batchRows?: number;
  force?: boolean;
  seed?: number;
  now?: Date;
  log?: (line: string) => void;
};

export type GeneratedTenant = { id: string; name: string; timeZone: string; extensionIds: string[] };
export type GenerateResult = {
  partnerId: string;
  tenants: GeneratedTenant[];
  rows: number;
  loadSeconds: number;
  rowsPerSecond: number;
  rollup: "trigger" | "rebuild";
  rollupSeconds: number;
};

const ZONES = ["Europe/London", "Europe/London", "Europe/London", "Europe/Berlin", "America/New_York", "Australia/Sydney"];
const DAY_MS = 86_400_000;
/** Relative call volume per local hour, 00–23: quiet nights, peaks mid-morning and mid-afternoon. */
const HOUR_WEIGHTS = [1, 0.5, 0.3, 0.3, 0.3, 0.5, 1, 3, 10, 18, 22, 20, 14, 16, 20, 19, 15, 9, 5, 3, 2, 2, 1.5, 1];
const DIRECTIONS = [["INBOUND", 45], ["OUTBOUND", 40], ["INTERNAL", 15]] as const;
const RESULTS = {
  INBOUND: [["ANSWERED", 68], ["NO_ANSWER", 10], ["VOICEMAIL", 12], ["BUSY", 5], ["FAILED", 3], ["REJECTED", 2]],
  OUTBOUND: [["ANSWERED", 62], ["NO_ANSWER", 18], ["BUSY", 10], ["FAILED", 8], ["REJECTED", 2]],
  INTERNAL: [["ANSWERED", 80], ["NO_ANSWER", 10], ["VOICEMAIL", 5], ["BUSY", 5]],
} as const;
/** Per-minute rates of outbound destinations (GBP): UK landline, UK mobile, US, far abroad. */
const RATES = [["+44207946", 0.01, 40], ["+447700900", 0.05, 35], ["+1212555", 0.02, 15], ["+61255501", 0.15, 10]] as const;
const COPY_COLUMNS = ["id", "tenantId", "channelId", "direction", "callerNumber", "calledNumber", "extensionId", "startedAt", "answeredAt", "endedAt",
  "billableSec", "disposition", "cost", "currency", "ratePrefix", "answeredByExtensionId"];

/** mulberry32: a small, fast, seeded PRNG, so a seed reproduces the same data. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function weighted<T>(items: readonly (readonly [T, ...unknown[]])[], weightAt: number, random: () => number): readonly [T, ...unknown[]] {
  const total = items.reduce((s, item) => s + (item[weightAt] as number), 0);
  let pick = random() * total;
  for (const item of items) if ((pick -= item[weightAt] as number) < 0) return item;
  return items[items.length - 1]!;
}

/** The zone's offset from UTC in ms at `at` (DST is taken at the generation time: close enough for test data). */
function offsetMs(timeZone: string, at: Date): number {
  const parts = new Intl.DateTimeFormat("en-US", { timeZone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit" }).formatToParts(at);
  const n = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  return Date.UTC(n("year"), n("month") - 1, n("day"), n("hour"), n("minute")) - Math.floor(at.getTime() / 60_000) * 60_000;
}

async function refuseRealData(client: pg.Client, force: boolean): Promise<string | null> {
  const own = await client.query<{ id: string }>(`SELECT "id" FROM "Partner" WHERE "name" = $1`, [GENERATOR_PARTNER]);
  if (force) return own.rows[0]?.id ?? null;
  if (own.rowCount) throw new Error(`The partner "${GENERATOR_PARTNER}" exists: this database has generated CDRs already. Pass --force to add more.`);
  const others = await client.query<{ n: string }>(`SELECT count(*)::text AS n FROM "Tenant"`);
  if (Number(others.rows[0]!.n) > 0) {
    throw new Error(`This database has ${others.rows[0]!.n} customer companies; the generator only fills empty databases. Pass --force to add test data anyway.`);
  }
  return null;
}

async function createCompanies(client: pg.Client, partnerId: string, options: Required<Pick<GenerateOptions, "tenants" | "bigTenantExtensions">>, tag: string, random: () => number) {
  const tenants: GeneratedTenant[] = [];
  for (let t = 0; t < options.tenants; t++) {
    const id = `gt${tag}${t.toString(36)}`;
    const timeZone = t === 0 ? "Europe/London" : ZONES[Math.floor(random() * ZONES.length)]!;
    const name = `Generated ${tag} #${t + 1}`;
    await client.query(`INSERT INTO "Tenant" ("id", "partnerId", "name", "timeZone", "updatedAt") VALUES ($1, $2, $3, $4, now())`, [id, partnerId, name, timeZone]);
    const count = t === 0 ? options.bigTenantExtensions : 5 + Math.floor(random() * 36);
    const ids = Array.from({ length: count }, (_, i) => `ge${tag}${t.toString(36)}x${i.toString(36)}`);
    const numbers = ids.map((_, i) => String(200 + i));
    const names = ids.map((_, i) => `Person ${200 + i}`);
    await client.query(
      `INSERT INTO "Extension" ("id", "tenantId", "number", "displayName", "updatedAt") SELECT id, $1, number, name, now() FROM unnest($2::text[], $3::text[], $4::text[]) AS x(id, number, name)`,
      [id, ids, numbers, names],
    );
    tenants.push({ id, name, timeZone, extensionIds: ids });
  }
  return tenants;
}

/** Lines of COPY text format for one company's share of calls. */
function* callLines(tenant: GeneratedTenant, count: number, tag: string, firstIndex: number, ctx: { now: number; days: number; random: () => number }) {
  const { random } = ctx;
  const offset = offsetMs(tenant.timeZone, new Date(ctx.now));
  const localToday = Math.floor((ctx.now + offset) / DAY_MS);
  const hourTable = HOUR_WEIGHTS.map((w, h) => [h, w] as const);
  const exts = tenant.extensionIds;
  for (let i = 0; i < count; i++) {
    // A local day (weekends a sixth as busy), a local hour by the business-hours shape, then UTC.
    let day: number;
    do day = localToday - Math.floor(random() * ctx.days);
    while (((day + 4) % 7 === 0 || (day + 4) % 7 === 6) && random() > 0.17); // 1970-01-01 was a Thursday: (day + 4) % 7 is 0 on Sundays
    const hour = weighted(hourTable, 1, random)[0];
    let startedAt = day * DAY_MS + hour * 3_600_000 + Math.floor(random() * 3_600_000) - offset;
    if (startedAt > ctx.now) startedAt -= DAY_MS; // today's calls so far only
    const direction = weighted(DIRECTIONS, 1, random)[0];
    const disposition = weighted(RESULTS[direction], 1, random)[0];
    const extIndex = Math.floor(random() * exts.length);
    const extensionId = direction === "INBOUND" && random() < 0.05 ? null : exts[extIndex]!;
    const extNumber = String(200 + extIndex);
    const ringSec = 2 + Math.floor(random() * 23);
    const isAnswered = disposition === "ANSWERED";
    const talkSec = isAnswered ? Math.min(10_800, Math.max(1, Math.round(-150 * Math.log(1 - random())))) : 0;
    const answeredAt = isAnswered ? startedAt + ringSec * 1000 + Math.floor(random() * 1000) : null;
    const endedAt = (answeredAt ?? startedAt + ringSec * 1000) + talkSec * 1000;
    let caller: string, called: string, cost = "0", currency = "\\N", prefix = "\\N";
    if (direction === "INBOUND") {
      caller = `+447700${String(Math.floor(random() * 1e6)).padStart(6, "0")}`;
      called = `+44207946${String(Math.floor(random() * 1e4)).padStart(4, "0")}`;
    } else if (direction === "OUTBOUND") {
      const [ratePrefix, perMinute] = weighted(RATES, 2, random);
      caller = extNumber;
      called = `${ratePrefix}${String(Math.floor(random() * 1e3)).padStart(3, "0")}`;
      cost = ((perMinute as number) * Math.ceil(talkSec / 60)).toFixed(5);
      currency = "GBP";
      prefix = ratePrefix;
    } else {
      caller = extNumber;
      called = String(200 + Math.floor(random() * exts.length));
    }
    const id = `gc${tag}${(firstIndex + i).toString(36)}`;
    yield [
      id, tenant.id, `gen-${id}`, direction, caller, called, extensionId ?? "\\N",
      new Date(startedAt).toISOString(), answeredAt === null ? "\\N" : new Date(answeredAt).toISOString(), new Date(endedAt).toISOString(),
      talkSec, disposition, cost, currency, prefix, isAnswered && direction !== "OUTBOUND" && extensionId ? extensionId : "\\N",
    ].join("\t") + "\n";
  }
}

export async function generateCdrs(databaseUrl: string, options: GenerateOptions): Promise<GenerateResult> {
  const log = options.log ?? console.log;
  // Options given as undefined (a CLI flag not passed) keep their defaults.
  const given = Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined)) as GenerateOptions;
  const opts = { bigTenantExtensions: 500, days: 60, batchRows: 100_000, seed: 13, ...given };
  if (!Number.isInteger(opts.cdrs) || opts.cdrs < 1) throw new Error("--cdrs must be a positive whole number");
  if (!Number.isInteger(opts.tenants) || opts.tenants < 1 || opts.tenants > 10_000) throw new Error("--tenants must be 1 to 10,000");
  if (!Number.isInteger(opts.bigTenantExtensions) || opts.bigTenantExtensions < 1 || opts.bigTenantExtensions > 10_000) throw new Error("--big-tenant-extensions must be 1 to 10,000");
  if (!Number.isInteger(opts.days) || opts.days < 1 || opts.days > 3_660) throw new Error("--days must be 1 to 3,660");
  const random = prng(opts.seed);
  const tag = randomBytes(3).toString("hex");
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const existing = await refuseRealData(client, opts.force ?? false);
    const isSuperuser = (await client.query<{ rolsuper: boolean }>(`SELECT rolsuper FROM pg_roles WHERE rolname = current_user`)).rows[0]?.rolsuper === true;
    const rollup = opts.rollup ?? (isSuperuser ? "rebuild" : "trigger");
    if (rollup === "rebuild" && !isSuperuser) throw new Error("rollup rebuild needs a superuser (session_replication_role); use --rollup trigger");

    const partnerId = existing ?? `gp${tag}`;
    if (!existing) await client.query(`INSERT INTO "Partner" ("id", "name", "updatedAt") VALUES ($1, $2, now())`, [partnerId, GENERATOR_PARTNER]);
    const tenants = await createCompanies(client, partnerId, opts, tag, random);
    const totalExtensions = tenants.reduce((s, t) => s + t.extensionIds.length, 0);
    log(`Created ${tenants.length} companies with ${totalExtensions.toLocaleString("en-GB")} extensions (the first: ${opts.bigTenantExtensions}).`);

    const shares = tenants.map((t) => Math.floor((opts.cdrs * t.extensionIds.length) / totalExtensions));
    shares[0]! += opts.cdrs - shares.reduce((s, n) => s + n, 0);
    const ctx = { now: (opts.now ?? new Date()).getTime(), days: opts.days, random };
    function* allLines() {
      let index = 0;
      for (const [t, tenant] of tenants.entries()) {
        yield* callLines(tenant, shares[t]!, tag, index, ctx);
        index += shares[t]!;
      }
    }

    if (rollup === "rebuild") await client.query(`SET session_replication_role = replica`);
    const started = performance.now();
    let written = 0;
    let nextReport = 250_000;
    const lines = allLines();
    while (written < opts.cdrs) {
      const batch = Math.min(opts.batchRows, opts.cdrs - written);
      // One COPY per batch: its lines are produced as the server takes them, never all at once.
      async function* chunks() {
        for (let done = 0; done < batch; ) {
          let chunk = "";
          for (let i = 0; i < 2_000 && done < batch; i++, done++) chunk += lines.next().value!;
          yield chunk;
        }
      }
      await pipeline(Readable.from(chunks()), client.query(copyFrom(`COPY "CallRecord" (${COPY_COLUMNS.map((c) => `"${c}"`).join(", ")}) FROM STDIN`)));
      written += batch;
      if (written >= nextReport || written === opts.cdrs) {
        const seconds = (performance.now() - started) / 1000;
        log(`  ${written.toLocaleString("en-GB")} CDRs in ${seconds.toFixed(1)} s (${Math.round(written / seconds).toLocaleString("en-GB")} rows/s)`);
        while (nextReport <= written) nextReport += 250_000;
      }
    }
    const loadSeconds = (performance.now() - started) / 1000;
    let rollupSeconds = 0;
    if (rollup === "rebuild") {
      await client.query(`SET session_replication_role = DEFAULT`);
      const rollupStarted = performance.now();
      await client.query(`SELECT "call_daily_rollup_rebuild"($1::text[])`, [tenants.map((t) => t.id)]);
      rollupSeconds = (performance.now() - rollupStarted) / 1000;
      log(`Built the daily rollup of the generated companies in ${rollupSeconds.toFixed(1)} s (one INSERT … SELECT; the trigger was off for the load).`);
    }
    await client.query(`ANALYZE "CallRecord"`);
    // With the trigger on, every batch updated the same rollup rows again: clear the dead
    // versions now (a small table) rather than leave reports to wade through them until autovacuum.
    await client.query(`VACUUM (ANALYZE) "CallDailyRollup"`);
    return { partnerId, tenants, rows: written, loadSeconds, rowsPerSecond: written / loadSeconds, rollup, rollupSeconds };
  } finally {
    await client.end();
  }
}
