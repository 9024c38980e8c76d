/**
 * How rollup sums become the report table, pure. One line per extension in scope (zeros
 * included, so an idle person still shows), one per extension that has since been deleted but
 * has calls in the range, and "Company numbers" for calls no extension took part in.
 *
 * Counting (docs/reports.md): callsIn = inbound; callsOut = outbound + internal (an internal
 * call's CDR is the calling extension's); missed = inbound and internal calls nobody answered
 * (an outbound call the other side did not pick up is not a missed call); answered and the
 * answered rate over every direction; average talk and ring time per answered call.
 */
import { Prisma } from "../../generated/prisma/client";
import type { CallDirection } from "../../generated/prisma/enums";
import type { ReportRow } from "./schema";

/** Sums of "CallDailyRollup" over a range, per extension ('' = none) and direction. */
export type RollupSum = {
  extensionId: string;
  direction: CallDirection;
  calls: number;
  answered: number;
  missed: number;
  talkSec: number;
  ringSec: number;
  /** Decimal string. */
  cost: string;
};

export type ExtensionInfo = { id: string; number: string; displayName: string };

export const COMPANY_NUMBERS_LABEL = "Company numbers";
export const DELETED_EXTENSION_LABEL = "Deleted extension";

type Figures = Omit<ReportRow, "extensionId" | "label">;
type Counts = { callsIn: number; callsOut: number; missed: number; answered: number; talkSec: number; ringSec: number; cost: Prisma.Decimal };

const emptyCounts = (): Counts => ({ callsIn: 0, callsOut: 0, missed: 0, answered: 0, talkSec: 0, ringSec: 0, cost: new Prisma.Decimal(0) });

function add(into: Counts, sum: RollupSum) {
  if (sum.direction === "INBOUND") into.callsIn += sum.calls;
  else into.callsOut += sum.calls;
  if (sum.direction !== "OUTBOUND") into.missed += sum.missed;
  into.answered += sum.answered;
  into.talkSec += sum.talkSec;
  into.ringSec += sum.ringSec;
  into.cost = into.cost.plus(sum.cost);
}

function plus(a: Counts, b: Counts): Counts {
  return {
    callsIn: a.callsIn + b.callsIn, callsOut: a.callsOut + b.callsOut, missed: a.missed + b.missed, answered: a.answered + b.answered,
    talkSec: a.talkSec + b.talkSec, ringSec: a.ringSec + b.ringSec, cost: a.cost.plus(b.cost),
  };
}

const rounded = (n: number, places: number) => Number(n.toFixed(places));
const round2 = (n: number) => rounded(n, 2);

/** `divisor` > 1 makes a per-person mean of the counts (rounded to 2 places; cost to 5). */
function figures(c: Counts, showsCosts: boolean, divisor = 1): Figures {
  const calls = c.callsIn + c.callsOut;
  return {
    callsIn: round2(c.callsIn / divisor),
    callsOut: round2(c.callsOut / divisor),
    missed: round2(c.missed / divisor),
    answered: round2(c.answered / divisor),
    answeredRate: calls === 0 ? null : rounded(c.answered / calls, 4),
    talkSec: round2(c.talkSec / divisor),
    avgTalkSec: c.answered === 0 ? null : Math.round(c.talkSec / c.answered),
    avgRingSec: c.answered === 0 ? null : Math.round(c.ringSec / c.answered),
    cost: showsCosts ? c.cost.dividedBy(divisor).toDecimalPlaces(5).toString() : null,
  };
}

const byNumber = new Intl.Collator("en", { numeric: true });

export type FoldOptions = {
  /** Extensions to show a line for, calls or not. */
  extensions: readonly ExtensionInfo[];
  /** Also show lines for rollup keys not in `extensions` (deleted extensions, company numbers): the whole-company view. */
  includeOthers: boolean;
  showsCosts: boolean;
};

export type FoldedReport = { rows: ReportRow[]; total: ReportRow; averagePerExtension: Figures };

export function foldReport(sums: readonly RollupSum[], options: FoldOptions): FoldedReport {
  const counts = new Map<string, Counts>();
  for (const ext of options.extensions) counts.set(ext.id, emptyCounts());
  for (const sum of sums) {
    let c = counts.get(sum.extensionId);
    if (!c) {
      if (!options.includeOthers) continue;
      c = emptyCounts();
      counts.set(sum.extensionId, c);
    }
    add(c, sum);
  }
  const known = new Map(options.extensions.map((e) => [e.id, e]));
  const ordered = [...options.extensions].sort((a, b) => byNumber.compare(a.number, b.number)).map((e) => e.id);
  const others = [...counts.keys()].filter((id) => id !== "" && !known.has(id)).sort();
  const lineIds = [...ordered, ...others, ...(counts.has("") ? [""] : [])];

  const rows: ReportRow[] = lineIds.map((id) => {
    const ext = known.get(id);
    const label = ext ? `${ext.number} ${ext.displayName}` : id === "" ? COMPANY_NUMBERS_LABEL : DELETED_EXTENSION_LABEL;
    return { extensionId: id === "" ? null : id, label, ...figures(counts.get(id)!, options.showsCosts) };
  });
  const personal = lineIds.filter((id) => id !== "").map((id) => counts.get(id)!);
  const all = lineIds.map((id) => counts.get(id)!);
  return {
    rows,
    total: { extensionId: null, label: "Total", ...figures(all.reduce(plus, emptyCounts()), options.showsCosts) },
    averagePerExtension: figures(personal.reduce(plus, emptyCounts()), options.showsCosts, Math.max(1, personal.length)),
  };
}
