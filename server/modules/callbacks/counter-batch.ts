/**
 * Many requests' rate-limit hits as one statement (rate-limit.ts), and each request's counts
 * back out of it. Requests of one batch that hit the same counter are counted in the order they
 * arrived, as if each had been its own statement: the counter goes up by their number at once,
 * and the k-th of them is told the count before the batch plus k. So a limit of 5 lets exactly
 * 5 through, however many come at once.
 */

/** One hit: a counter (rule key and window length) in the window starting at `start`. */
export interface CounterHit {
  counter: string;
  start: Date;
  previousStart: Date;
}

/** What one hit saw: its window's count including itself, and the previous window's count. */
export interface CounterCounts {
  current: number;
  previous: number;
}

export interface CounterRow extends CounterHit {
  increment: number;
}

export interface CounterBatch {
  /** One row per counter and window, sorted, so two statements always lock them in one order. */
  rows: CounterRow[];
  /** For each request, for each of its hits: which row, and its place among that row's hits (1-based). */
  places: { row: number; place: number }[][];
}

const rowId = (hit: CounterHit) => `${hit.counter}\n${hit.start.getTime()}`;

export function planCounterBatch(requests: readonly (readonly CounterHit[])[]): CounterBatch {
  const byId = new Map<string, CounterRow>();
  for (const hits of requests) {
    for (const hit of hits) {
      const row = byId.get(rowId(hit));
      if (row) row.increment++;
      else byId.set(rowId(hit), { ...hit, increment: 1 });
    }
  }
  const ids = [...byId.keys()].sort();
  const indexOf = new Map(ids.map((id, i) => [id, i]));
  const seen = new Array<number>(ids.length).fill(0);
  const places = requests.map((hits) =>
    hits.map((hit) => {
      const row = indexOf.get(rowId(hit))!;
      return { row, place: ++seen[row]! };
    }),
  );
  return { rows: ids.map((id) => byId.get(id)!), places };
}

/** `totals[i]`: row i's count after the batch, and its previous window's. */
export function countsOfRequests(batch: CounterBatch, totals: readonly CounterCounts[]): CounterCounts[][] {
  return batch.places.map((hits) =>
    hits.map(({ row, place }) => {
      const total = totals[row];
      if (!total) throw new Error(`rate-limit counter row ${row} was not returned`);
      return { current: total.current - batch.rows[row]!.increment + place, previous: total.previous };
    }),
  );
}
