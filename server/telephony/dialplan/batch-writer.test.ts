import { describe, expect, it } from "vitest";
import { createBatchWriter } from "./batch-writer";

type Item = { key: string; value: number };

function recorder(options: { failOn?: number; maxBatch?: number } = {}) {
  const batches: number[][] = [];
  let release: (() => void) | undefined;
  let isGated = false;
  const writer = createBatchWriter<Item, number>({
    keyOf: (item) => item.key,
    maxBatch: options.maxBatch,
    write: async (items) => {
      batches.push(items.map((i) => i.value));
      if (isGated) await new Promise<void>((resolve) => (release = resolve));
      if (items.some((i) => i.value === options.failOn)) throw new Error("constraint violated");
      return items.map((i) => i.value * 10);
    },
  });
  return { writer, batches, gate: () => void (isGated = true), release: () => ((isGated = false), release?.()) };
}
const tick = () => new Promise((resolve) => setImmediate(resolve));

describe("createBatchWriter", () => {
  it("writes what arrives in one turn together, and what arrives while writing in the next batch", async () => {
    const r = recorder();
    r.gate();
    const first = [r.writer.add({ key: "a", value: 1 }), r.writer.add({ key: "b", value: 2 })];
    await tick();
    const second = [r.writer.add({ key: "c", value: 3 }), r.writer.add({ key: "d", value: 4 })];
    r.release();
    expect(await Promise.all([...first, ...second])).toEqual([10, 20, 30, 40]);
    expect(r.batches).toEqual([[1, 2], [3, 4]]);
  });

  it("never puts one key twice in a batch, and keeps the order of its items", async () => {
    const r = recorder();
    await Promise.all([r.writer.add({ key: "a", value: 1 }), r.writer.add({ key: "b", value: 2 }), r.writer.add({ key: "a", value: 3 })]);
    expect(r.batches).toEqual([[1, 2], [3]]);
  });

  it("caps a batch at maxBatch items", async () => {
    const r = recorder({ maxBatch: 2 });
    await Promise.all([1, 2, 3].map((value) => r.writer.add({ key: String(value), value })));
    expect(r.batches).toEqual([[1, 2], [3]]);
  });

  it("retries a failed batch item by item: only the bad item fails", async () => {
    const r = recorder({ failOn: 2 });
    const results = await Promise.allSettled([1, 2, 3].map((value) => r.writer.add({ key: String(value), value })));
    expect(results.map((s) => s.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    expect(r.batches).toEqual([[1, 2, 3], [1], [2], [3]]);
  });
});
