/**
 * `npm test`: every check the project has, in order, each in its own process. Nothing stops
 * the run early: all layers run, then the summary, then a non-zero exit if anything failed.
 *
 *   tsx scripts/test-all.ts                        typecheck, lint, unit, integration, e2e
 *   tsx scripts/test-all.ts --only unit,integration
 *
 * The last line is always `N passed, N failed[, N skipped]`: vitest tests plus typecheck and
 * lint as one check each, so CI logs and humans read the same figure.
 */
import { mkdir, readFile, rm } from "node:fs/promises";
import path from "node:path";
import { bin, REPO_ROOT, runCommand } from "./lib/child-processes";
import { ensurePrismaClient, hasPrismaClient } from "./lib/prisma-client";

type Layer = { name: string; command: string; args: string[]; reportFile?: string };
type Outcome = { name: string; passed: number; failed: number; skipped: number; seconds: number; note?: string };

const REPORTS_DIR = path.join(REPO_ROOT, ".test-data/reports");

const vitestLayer = (name: string, config: string): Layer => {
  const reportFile = path.join(REPORTS_DIR, `${name}.json`);
  return {
    name,
    command: bin("vitest"),
    args: ["run", "-c", config, "--reporter=default", "--reporter=json", `--outputFile.json=${reportFile}`, "--passWithNoTests"],
    reportFile,
  };
};

const LAYERS: Layer[] = [
  { name: "typecheck", command: bin("tsc"), args: ["--noEmit"] },
  { name: "lint", command: bin("eslint"), args: ["."] },
  vitestLayer("unit", "vitest.config.ts"),
  vitestLayer("integration", "vitest.integration.config.ts"),
  vitestLayer("e2e", "vitest.e2e.config.ts"),
];

function selectedLayers(argv: string[]): Layer[] {
  const index = argv.indexOf("--only");
  const raw = index >= 0 ? argv[index + 1] : argv.find((a) => a.startsWith("--only="))?.slice("--only=".length);
  if (raw === undefined) return LAYERS;
  const names = raw.split(",").map((n) => n.trim()).filter(Boolean);
  const unknown = names.filter((n) => !LAYERS.some((l) => l.name === n));
  if (unknown.length || !names.length) {
    throw new Error(`--only takes a comma-separated list of: ${LAYERS.map((l) => l.name).join(", ")} (got "${raw}")`);
  }
  return LAYERS.filter((l) => names.includes(l.name));
}

async function runLayer(layer: Layer): Promise<Outcome> {
  console.log(`\n━━ ${layer.name}: ${path.basename(layer.command)} ${layer.args.join(" ")}\n`);
  const started = Date.now();
  if (layer.reportFile) await rm(layer.reportFile, { force: true }); // never read a stale report
  const code = await runCommand(layer.command, layer.args);
  const seconds = (Date.now() - started) / 1000;
  if (!layer.reportFile) return { name: layer.name, passed: code === 0 ? 1 : 0, failed: code === 0 ? 0 : 1, skipped: 0, seconds };

  const counts = await readVitestReport(layer.reportFile);
  const outcome = { name: layer.name, seconds, passed: counts?.passed ?? 0, failed: counts?.failed ?? 0, skipped: counts?.skipped ?? 0 };
  // A non-zero exit with no failed test means the run itself broke (global setup, an
  // unhandled error, a file that did not load): count it, or it would read as green.
  if (code !== 0 && outcome.failed === 0) return { ...outcome, failed: 1, note: `vitest exited ${code} outside any test` };
  return outcome;
}

async function readVitestReport(file: string) {
  const text = await readFile(file, "utf8").catch(() => undefined);
  if (!text) return undefined;
  const report = JSON.parse(text) as { numPassedTests?: number; numFailedTests?: number; numPendingTests?: number; numTodoTests?: number };
  return {
    passed: report.numPassedTests ?? 0,
    failed: report.numFailedTests ?? 0,
    skipped: (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0),
  };
}

function printSummary(outcomes: Outcome[]) {
  const rows = outcomes.map((o) => [o.name, o.failed ? "FAIL" : "ok", o.passed, o.failed, o.skipped, `${o.seconds.toFixed(1)}s`, o.note ?? ""]);
  const header = ["layer", "result", "passed", "failed", "skipped", "time", ""];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const format = (cells: Array<string | number>) =>
    cells.map((c, i) => (typeof c === "number" ? String(c).padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0))).join("  ").trimEnd();
  console.log(`\n${format(header)}\n${rows.map(format).join("\n")}\n`);

  const total = (key: "passed" | "failed" | "skipped") => outcomes.reduce((sum, o) => sum + o[key], 0);
  const skipped = total("skipped");
  console.log(`${total("passed")} passed, ${total("failed")} failed${skipped ? `, ${skipped} skipped` : ""}`);
}

async function main() {
  const layers = selectedLayers(process.argv.slice(2));
  await mkdir(REPORTS_DIR, { recursive: true });
  const outcomes: Outcome[] = [];
  // The generated client is gitignored; typecheck and every test layer import it.
  if (!hasPrismaClient()) {
    const started = Date.now();
    const code = await ensurePrismaClient();
    if (code !== 0) outcomes.push({ name: "prisma generate", passed: 0, failed: 1, skipped: 0, seconds: (Date.now() - started) / 1000 });
  }
  for (const layer of layers) outcomes.push(await runLayer(layer));
  printSummary(outcomes);
  process.exitCode = outcomes.some((o) => o.failed > 0) ? 1 : 0;
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  console.log("0 passed, 1 failed");
  process.exitCode = 1;
});
