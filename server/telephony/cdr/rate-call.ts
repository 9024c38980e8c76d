/**
 * Call rating (pure): longest destination-prefix match, then
 *   cost = connectFee + ratePerMinute * chargedSeconds / 60
 * where chargedSeconds = billable seconds raised to the rate's minimum, then rounded UP to
 * whole billing increments. A call with 0 billable seconds (never answered) costs 0: the
 * connect fee is for a connected call. Money is Decimal throughout, rounded half-up to the
 * 5 places CallRecord.cost stores.
 */
import { Prisma } from "@/server/generated/prisma/client";

type Money = Prisma.Decimal;
const Decimal = Prisma.Decimal;
const COST_PLACES = 5;

export interface RateInput {
  /** Digits only, E.164 without "+". */
  prefix: string;
  ratePerMinute: Money | string | number;
  connectFee: Money | string | number;
  incrementSec: number;
  minimumSec: number;
}

export interface RateTable {
  byPrefix: ReadonlyMap<string, RateInput>;
  maxPrefixLength: number;
}

export interface RatedCall {
  /** null when no rate matches: the call is recorded unrated, never guessed. */
  cost: Money | null;
  prefix: string | null;
}

/** Index a tariff once; a lookup is then at most `maxPrefixLength` Map hits. */
export function buildRateTable(rates: readonly RateInput[]): RateTable {
  const byPrefix = new Map(rates.map((r) => [r.prefix, r]));
  return { byPrefix, maxPrefixLength: Math.max(0, ...rates.map((r) => r.prefix.length)) };
}

export function chargedSeconds(billableSec: number, rate: Pick<RateInput, "incrementSec" | "minimumSec">): number {
  if (billableSec <= 0) return 0;
  const increment = Math.max(1, rate.incrementSec);
  const atLeast = Math.max(billableSec, rate.minimumSec);
  return Math.ceil(atLeast / increment) * increment;
}

/**
 * Rates one call. `warn` is called when no prefix matches (a tariff gap an admin must fix),
 * with the destination, so the gap shows up in the worker's log.
 */
export function rateCall(
  call: { billableSec: number; destinationE164: string },
  table: RateTable,
  warn?: (message: string, fields: Record<string, unknown>) => void,
): RatedCall {
  const digits = call.destinationE164.replace(/^\+/, "");
  for (let len = Math.min(digits.length, table.maxPrefixLength); len > 0; len--) {
    const rate = table.byPrefix.get(digits.slice(0, len));
    if (!rate) continue;
    const seconds = chargedSeconds(call.billableSec, rate);
    if (seconds === 0) return { cost: new Decimal(0), prefix: rate.prefix };
    const cost = new Decimal(rate.connectFee)
      .plus(new Decimal(rate.ratePerMinute).times(seconds).dividedBy(60))
      .toDecimalPlaces(COST_PLACES, Decimal.ROUND_HALF_UP);
    return { cost, prefix: rate.prefix };
  }
  warn?.("no tariff rate matches the destination; call left unrated", { destination: call.destinationE164 });
  return { cost: null, prefix: null };
}
