import { describe, expect, it } from "vitest";
import { CsvRecordCounter, filenameFrom, formatBytes, readCsvResponse, type CsvProgress } from "./csv-stream";

const bytes = (text: string) => new TextEncoder().encode(text);

/** A response whose body arrives in the given pieces, like a streamed export. */
function streamed(pieces: string[], init: ResponseInit = {}) {
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const piece of pieces) controller.enqueue(bytes(piece));
      controller.close();
    },
  });
  return new Response(body, { headers: { "content-type": "text/csv; charset=utf-8", ...init.headers }, status: init.status });
}

describe("CsvRecordCounter", () => {
  it("counts data rows, not the header", () => {
    const c = new CsvRecordCounter();
    c.push(bytes("a,b\n1,2\n3,4\n"));
    expect(c.rows).toBe(2);
  });

  it("ignores line breaks inside quotes, even split across chunks", () => {
    const c = new CsvRecordCounter();
    c.push(bytes('name,note\n"Alice","line one\n'));
    c.push(bytes('line two"\n"Bob",""""\n'));
    expect(c.rows).toBe(2);
  });

  it("counts a last row without its line end", () => {
    const c = new CsvRecordCounter();
    c.push(bytes("a\r\n1\r\n2"));
    expect(c.rows).toBe(2);
    expect(new CsvRecordCounter().rows).toBe(0);
  });
});

describe("readCsvResponse", () => {
  it("reports progress per chunk and returns the whole file", async () => {
    const progress: CsvProgress[] = [];
    const file = await readCsvResponse(streamed(["a,b\n", "1,2\n3,", "4\n"], { headers: { "content-disposition": 'attachment; filename="calls-2027-01.csv"', "x-total-rows": "2" } }), {
      fallbackName: "report.csv",
      onProgress: (p) => progress.push(p),
    });
    expect(progress).toEqual([
      { bytes: 4, rows: 0, totalRows: 2 },
      { bytes: 10, rows: 1, totalRows: 2 },
      { bytes: 12, rows: 2, totalRows: 2 },
    ]);
    expect(file).toMatchObject({ bytes: 12, rows: 2, totalRows: 2, filename: "calls-2027-01.csv" });
    expect(await file.blob.text()).toBe("a,b\n1,2\n3,4\n");
  });

  it("ignores a missing or malformed row count", async () => {
    expect((await readCsvResponse(streamed(["a\n1\n"]), { fallbackName: "x.csv" })).totalRows).toBeNull();
    expect((await readCsvResponse(streamed(["a\n1\n"], { headers: { "x-total-rows": "many" } }), { fallbackName: "x.csv" })).totalRows).toBeNull();
  });

  it("stops when aborted", async () => {
    const controller = new AbortController();
    const read = readCsvResponse(streamed(["a\n", "1\n"]), { fallbackName: "x.csv", signal: controller.signal, onProgress: () => controller.abort() });
    await expect(read).rejects.toMatchObject({ name: "AbortError" });
  });

  it("turns a refusal into its message", async () => {
    const refused = new Response(JSON.stringify({ error: { code: "invalid", message: "A report covers at most 366 days" } }), { status: 400 });
    await expect(readCsvResponse(refused, { fallbackName: "x.csv" })).rejects.toThrow("A report covers at most 366 days");
    await expect(readCsvResponse(new Response("oops", { status: 502 }), { fallbackName: "x.csv" })).rejects.toThrow("The export failed (502)");
  });
});

describe("filenameFrom and formatBytes", () => {
  it("prefers the encoded name, then the plain one, then the fallback", () => {
    expect(filenameFrom("attachment; filename=\"a.csv\"; filename*=UTF-8''caf%C3%A9.csv", "x.csv")).toBe("café.csv");
    expect(filenameFrom("attachment; filename=plain.csv", "x.csv")).toBe("plain.csv");
    expect(filenameFrom(null, "x.csv")).toBe("x.csv");
  });

  it("writes sizes in steps of 1000", () => {
    expect(formatBytes(999, "en-GB")).toBe("999 B");
    expect(formatBytes(12_345, "en-GB")).toBe("12.3 kB");
    expect(formatBytes(4_500_000, "en-GB")).toBe("4.5 MB");
  });
});
