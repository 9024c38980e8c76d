/**
 * Group commit for the worker's hot writes (call-state rows, CDRs). One batch is written at a
 * time; items that arrive meanwhile go out together in the next. An idle worker so writes each
 * item at once (on the next turn of the event loop), a busy one carries hundreds of calls per
 * statement instead of one statement, and a transaction, per item.
 *
 * Items with the same key never share a batch and are written in the order they came (a
 * multi-row upsert cannot touch one row twice). A failed batch is retried item by item, so
 * one bad row (say, for an extension deleted meanwhile) fails alone.
 */
export interface BatchWriterOptions<T, R> {
  /** Writes the items in one go; returns one result per item, in order. */
  write: (items: T[]) => Promise<R[]>;
  keyOf: (item: T) => string;
  maxBatch?: number;
}

interface Pending<T, R> {
  item: T;
  resolve: (result: R) => void;
  reject: (err: unknown) => void;
}

export function createBatchWriter<T, R>(options: BatchWriterOptions<T, R>) {
  const maxBatch = options.maxBatch ?? 500;
  /** Batches waiting, oldest first; each maps key -> its one item. */
  const queue: Map<string, Pending<T, R>>[] = [];
  let isWriting = false;

  const writeOne = (pending: Pending<T, R>) =>
    options.write([pending.item]).then(
      ([result]) => pending.resolve(result as R),
      (err: unknown) => pending.reject(err),
    );

  async function writeBatch(batch: Pending<T, R>[]): Promise<void> {
    try {
      const results = await options.write(batch.map((p) => p.item));
      batch.forEach((p, i) => p.resolve(results[i] as R));
    } catch (err) {
      if (batch.length === 1) return batch[0]?.reject(err);
      await Promise.all(batch.map(writeOne));
    }
  }

  async function drain(): Promise<void> {
    for (let batch = queue.shift(); batch; batch = queue.shift()) await writeBatch([...batch.values()]);
    isWriting = false;
  }

  return {
    /** Resolves with the item's result once its batch is written; rejects if its own write failed. */
    add(item: T): Promise<R> {
      return new Promise<R>((resolve, reject) => {
        const key = options.keyOf(item);
        let batch = queue.at(-1);
        if (!batch || batch.has(key) || batch.size >= maxBatch) queue.push((batch = new Map()));
        batch.set(key, { item, resolve, reject });
        if (isWriting) return;
        isWriting = true;
        // Let the rest of this turn's events (one WebSocket read carries many) join the batch.
        setImmediate(() => void drain());
      });
    },
  };
}
