import { describe, expect, it } from "vitest";
import { batchWhileBusy } from "./batch-while-busy";

/** A run whose batches finish when the test says, recording what each batch held. */
function controlledRun() {
  const batches: number[][] = [];
  const finishers: (() => void)[] = [];
  const run = (inputs: number[]) =>
    new Promise<number[]>((resolve) => {
      batches.push(inputs);
      finishers.push(() => resolve(inputs.map((n) => n * 10)));
    });
  return { run, batches, finishNext: () => finishers.shift()!() };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe("batchWhileBusy", () => {
  it("sends a call at once when idle, and the calls made meanwhile together next, each answered with its own output", async () => {
    const { run, batches, finishNext } = controlledRun();
    const call = batchWhileBusy(run, 100);
    const first = call(1);
    const rest = [call(2), call(3), call(4)];
    await tick();
    expect(batches).toEqual([[1]]);
    finishNext();
    await tick();
    expect(batches).toEqual([[1], [2, 3, 4]]);
    finishNext();
    expect(await Promise.all([first, ...rest])).toEqual([10, 20, 30, 40]);
  });

  it("never sends more than maxBatch at once", async () => {
    const { run, batches, finishNext } = controlledRun();
    const call = batchWhileBusy(run, 2);
    const all = [1, 2, 3, 4, 5].map((n) => call(n));
    for (let i = 0; i < 3; i++) {
      await tick();
      finishNext();
    }
    expect(await Promise.all(all)).toEqual([10, 20, 30, 40, 50]);
    expect(batches).toEqual([[1], [2, 3], [4, 5]]);
  });

  it("fails every call of a batch that failed, and goes on with the next batch", async () => {
    let calls = 0;
    const call = batchWhileBusy(async (inputs: number[]) => {
      calls++;
      if (calls === 1) throw new Error("database down");
      return inputs;
    }, 10);
    const failed = call(1);
    const later = call(2);
    await expect(failed).rejects.toThrow("database down");
    await expect(later).resolves.toBe(2);
  });

  it("fails the batch when the run answers the wrong number of outputs", async () => {
    const call = batchWhileBusy(async () => [], 10);
    await expect(call(1)).rejects.toThrow(/1 inputs got 0 outputs/);
  });
});
