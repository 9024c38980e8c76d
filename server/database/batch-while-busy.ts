/**
 * Runs calls one batch at a time: a call made while nothing is running goes out at once, alone;
 * calls made while a batch runs wait for it and then go out together, as the next batch (up to
 * `maxBatch` of them). Group commit, for statements: an idle process adds no latency, a busy one
 * sends one statement for many callers instead of one each, so callers that would queue on the
 * same rows in PostgreSQL (a hot rate-limit counter) queue here in one process, without a
 * round trip and a lock hand-off per caller.
 *
 * `run` gets the batch's inputs and answers one output per input, in order. If it throws, or
 * answers the wrong number of outputs, every call of the batch fails with that error.
 */
export function batchWhileBusy<In, Out>(run: (inputs: In[]) => Promise<Out[]>, maxBatch: number): (input: In) => Promise<Out> {
  type Waiting = { input: In; resolve: (out: Out) => void; reject: (err: unknown) => void };
  const queue: Waiting[] = [];
  let isRunning = false;

  async function drain() {
    isRunning = true;
    while (queue.length > 0) {
      const batch = queue.splice(0, maxBatch);
      try {
        const outputs = await run(batch.map((w) => w.input));
        if (outputs.length !== batch.length) throw new Error(`batchWhileBusy: ${batch.length} inputs got ${outputs.length} outputs`);
        batch.forEach((w, i) => w.resolve(outputs[i]!));
      } catch (err) {
        for (const w of batch) w.reject(err);
      }
    }
    isRunning = false;
  }

  return (input: In) =>
    new Promise<Out>((resolve, reject) => {
      queue.push({ input, resolve, reject });
      if (!isRunning) void drain();
    });
}
