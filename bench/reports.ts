/**
 * Call reports benchmark: `npm run bench:reports [-- --cdrs=2000000 --tenants=50
 * --samples=30 --rollup=rebuild|trigger]`. Starts an embedded PostgreSQL of its own (under
 * .test-data/, deleted at the end), migrates, generates the CDRs with scripts/lib/cdr-generator.ts
 * (COPY; one company with 500 extensions) and prints the load rate; then times, for the big
 * company as its admin, the report table and the chart of last calendar month, a 30-day custom
 * range, "this month", and the recent-calls list (today's first page of 50 by keyset, and a
 * page 100 pages deep). p50/p95 over `samples` runs each after 3 warm-ups. Targets: p95 < 200 ms
 * for reports, < 100 ms for recent calls. Prints text, then ONE JSON line.
 */
import path from "node:path";
import { withoutExitHooks } from "../scripts/lib/exit-hooks";
import { generateCdrs } from "../scripts/lib/cdr-generator";
import { ensureDatabase } from "../server/database/local-database";
import { migrate } from "../server/database/migrate";
import { findFreePort } from "../tests/setup/free-port";
import { createRunDir, removeRunDir } from "../tests/setup/test-data-dir";

const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split("=")[1];
const CDRS = Number(arg("cdrs") ?? 2_000_000);
const TENANTS = Number(arg("tenants") ?? 50);
const SAMPLES = Math.max(30, Number(arg("samples") ?? 30));
const ROLLUP = arg("rollup") as "rebuild" | "trigger" | undefined;
const REPORT_TARGET_MS = 200;
const RECENT_TARGET_MS = 100;

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

async function timeIt(run: () => Promise<unknown>) {
  for (let i = 0; i < 3; i++) await run();
  const ms: number[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    const started = performance.now();
    await run();
    ms.push(performance.now() - started);
  }
  ms.sort((a, b) => a - b);
  return { p50: percentile(ms, 50), p95: percentile(ms, 95) };
}

async function main() {
  const { startEmbeddedPostgres } = await withoutExitHooks(() => import("../server/database/embedded-postgres"));
  const runDir = await createRunDir("bench-reports");
  const server = await startEmbeddedPostgres({ dataDir: path.join(runDir, "pg"), port: await findFreePort() });
  try {
    await ensureDatabase(server, "bench");
    const url = server.urlFor("bench");
    await migrate(url);
    console.log(`Generating ${CDRS.toLocaleString("en-GB")} CDRs across ${TENANTS} companies (embedded PostgreSQL, ${runDir})…`);
    const generated = await generateCdrs(url, { cdrs: CDRS, tenants: TENANTS, rollup: ROLLUP });
    const big = generated.tenants[0]!;

    process.env.DATABASE_URL = url; // before the first import of server/db
    const { db, disconnectDatabase } = await import("../server/db");
    const { tenantDb } = await import("../server/tenancy");
    const { getReportChart, getReportTable } = await import("../server/modules/reports/service");
    const { listCallRecords } = await import("../server/modules/reports/queries");
    const { localDate } = await import("../server/modules/usage/domain");
    const { startOfLocalDate } = await import("../server/modules/recordings/local-day");
    try {
      const scope = { tenantId: big.id, db: tenantDb(big.id) };
      const admin = { id: "bench-admin", role: "CUSTOMER_ADMIN" as const };
      const now = new Date();
      const today = localDate(now, big.timeZone);
      const lastMonthEnd = new Date(Date.parse(`${today.slice(0, 8)}01T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
      const lastMonth = { preset: "custom" as const, from: `${lastMonthEnd.slice(0, 8)}01`, to: lastMonthEnd };
      const last30 = { preset: "custom" as const, from: new Date(Date.parse(`${today}T00:00:00Z`) - 29 * 86_400_000).toISOString().slice(0, 10), to: today };
      const since = startOfLocalDate(today, big.timeZone);
      const bigCdrs = await db.callRecord.count({ where: { tenantId: big.id } });
      const todays = await db.callRecord.count({ where: { tenantId: big.id, startedAt: { gte: since } } });
      const deep = await db.callRecord.findMany({ where: { tenantId: big.id }, orderBy: [{ startedAt: "desc" }, { id: "desc" }], skip: 50 * 100 - 1, take: 1, select: { startedAt: true, id: true } });
      const table = await getReportTable(scope, admin, { range: lastMonth }, now);
      console.log(`Big company: ${big.extensionIds.length} extensions, ${bigCdrs.toLocaleString("en-GB")} CDRs (${todays.toLocaleString("en-GB")} today); last month ${lastMonth.from}…${lastMonth.to}: ${(table.total.callsIn + table.total.callsOut).toLocaleString("en-GB")} calls in ${table.rows.length} lines.`);

      const results = {
        monthTable: await timeIt(() => getReportTable(scope, admin, { range: lastMonth }, now)),
        monthChart: await timeIt(() => getReportChart(scope, admin, { range: lastMonth }, now)),
        custom30Table: await timeIt(() => getReportTable(scope, admin, { range: last30 }, now)),
        thisMonthTable: await timeIt(() => getReportTable(scope, admin, { range: { preset: "month" } }, now)),
        recentFirstPage: await timeIt(() => listCallRecords(scope.db, big.id, { limit: 50, since })),
        recentPage100: await timeIt(() => listCallRecords(scope.db, big.id, { limit: 50, before: deep[0] })),
      };
      const target = (name: keyof typeof results) => (name.startsWith("recent") ? RECENT_TARGET_MS : REPORT_TARGET_MS);
      console.log(`Load: ${Math.round(generated.rowsPerSecond).toLocaleString("en-GB")} CDRs/s over ${generated.loadSeconds.toFixed(1)} s (rollup: ${generated.rollup}${generated.rollup === "rebuild" ? `, built in ${generated.rollupSeconds.toFixed(1)} s` : ", trigger on"})`);
      for (const [name, r] of Object.entries(results)) {
        const goal = target(name as keyof typeof results);
        console.log(`${name.padEnd(16)} p50 ${r.p50.toFixed(1).padStart(7)} ms   p95 ${r.p95.toFixed(1).padStart(7)} ms   target p95 < ${goal} ms: ${r.p95 < goal ? "met" : "NOT met"}`);
      }
      const round = (n: number) => Number(n.toFixed(2));
      console.log(JSON.stringify({
        bench: "reports", cdrs: generated.rows, tenants: generated.tenants.length, bigTenantExtensions: big.extensionIds.length, bigTenantCdrs: bigCdrs,
        loadRowsPerSec: Math.round(generated.rowsPerSecond), loadSeconds: round(generated.loadSeconds), rollup: generated.rollup, rollupSeconds: round(generated.rollupSeconds),
        samples: SAMPLES,
        ...Object.fromEntries(Object.entries(results).map(([name, r]) => [name, { p50Ms: round(r.p50), p95Ms: round(r.p95), targetMs: target(name as keyof typeof results), met: r.p95 < target(name as keyof typeof results) }])),
      }));
    } finally {
      await disconnectDatabase();
    }
  } finally {
    await server.stop();
    await removeRunDir(runDir);
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
