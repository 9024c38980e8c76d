/**
 * Number pricing benchmark: `npm run bench:numbers [-- --seconds=3]`.
 * Every offer in a search and every row of the back office's stock list is priced by parsing
 * the number (libphonenumber-js, full metadata) and running the partner's tier rules over its
 * national digits. This measures both on 10,000 UK numbers with the demo's Gold / Silver /
 * Bronze tiers plus one custom pattern. Baseline: parsing alone, so the ratio shows what the
 * tier rules add. Prints text, then ONE JSON line.
 */
import { parsePhoneNumber } from "../components/format/phone-number";
import { tierFor, type Tier } from "../server/modules/numbers/tiers";

const SECONDS = Number(process.argv.find((a) => a.startsWith("--seconds="))?.split("=")[1] ?? 3);
const TIERS: Tier[] = [
  { name: "Gold", rank: 3, rules: [{ kind: "repeated", length: 4 }, { kind: "roundEnding", zeros: 3 }], setupPremium: "50", monthlyPremium: "5" },
  { name: "Silver", rank: 2, rules: [{ kind: "sequence", length: 4 }], setupPremium: "20", monthlyPremium: "2" },
  { name: "Bronze", rank: 1, rules: [{ kind: "regex", pattern: "(\\d\\d)\\1$" }], setupPremium: "5", monthlyPremium: "0" },
  { name: "Custom", rank: 4, rules: [{ kind: "regex", pattern: "^20(7946|3123)0{2}\\d{2}$" }], setupPremium: "80", monthlyPremium: "8" },
];
const NUMBERS = Array.from({ length: 10_000 }, (_, i) => `+4420794${String(i).padStart(5, "0")}`);

const BATCH = 250;

/** Numbers per second, timed over many small batches so the figure is not rounded to whole passes. */
function rate(work: (from: number) => void): number {
  const end = performance.now() + SECONDS * 1000;
  let done = 0;
  const started = performance.now();
  for (let from = 0; performance.now() < end; from = (from + BATCH) % NUMBERS.length) {
    work(from);
    done += BATCH;
  }
  return done / ((performance.now() - started) / 1000);
}

const parseOnly = (from: number) => {
  for (let i = from; i < from + BATCH; i++) parsePhoneNumber(NUMBERS[i]!);
};
const parseAndTier = (from: number) => {
  for (let i = from; i < from + BATCH; i++) {
    const parsed = parsePhoneNumber(NUMBERS[i]!);
    if (parsed) tierFor(parsed.nationalDigits, TIERS);
  }
};

for (let from = 0; from < NUMBERS.length; from += BATCH) parseAndTier(from); // warm up
// Each is run twice and the second taken, so neither pays for the JIT's warm-up.
rate(parseOnly);
const baseline = rate(parseOnly);
rate(parseAndTier);
const priced = rate(parseAndTier);
const perSearchMs = (50 / priced) * 1000;
const tiered = NUMBERS.filter((n) => tierFor(parsePhoneNumber(n)!.nationalDigits, TIERS)).length;

console.log(`parse only (baseline): ${Math.round(baseline).toLocaleString("en-GB")} numbers/s`);
console.log(`parse + 4 tiers:       ${Math.round(priced).toLocaleString("en-GB")} numbers/s (${(priced / baseline).toFixed(2)}× the baseline's rate)`);
console.log(`pricing one search page of 50 offers: ${perSearchMs.toFixed(3)} ms; ${tiered.toLocaleString("en-GB")} of ${NUMBERS.length.toLocaleString("en-GB")} numbers fall in a tier`);
console.log(JSON.stringify({ bench: "numbers", parseOnlyPerSec: Math.round(baseline), parseAndTierPerSec: Math.round(priced), ratioToBaseline: Number((priced / baseline).toFixed(3)), searchPageMs: Number(perSearchMs.toFixed(4)), tieredShare: tiered / NUMBERS.length }));
