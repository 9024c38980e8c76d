import { describe, expect, it } from "vitest";
import { MAX_BODY_BYTES, readJsonBody } from "./json-body";
import { parseWidgetCallbackBody } from "./submission";

const post = (body: BodyInit | null, headers: Record<string, string> = { "content-type": "application/json" }) =>
  new Request("http://app.test/x", { method: "POST", body, headers, ...(body instanceof ReadableStream ? { duplex: "half" } : {}) } as RequestInit);

/** A body streamed in chunks with no Content-Length, as a client that hides its size would send. */
function streamed(totalBytes: number): ReadableStream<Uint8Array> {
  let sent = 0;
  return new ReadableStream({
    pull(controller) {
      if (sent >= totalBytes) return controller.close();
      const n = Math.min(1000, totalBytes - sent);
      sent += n;
      controller.enqueue(new TextEncoder().encode(" ".repeat(n)));
    },
  });
}

describe("[CALLBACKS] widget request bodies", () => {
  it("takes a JSON object, ignoring unknown fields", async () => {
    const read = await readJsonBody(post(JSON.stringify({ number: "+44 20 7946 0000", website: "", extra: { a: 1 } })));
    expect(read).toEqual({ ok: true, value: { number: "+44 20 7946 0000", website: "", extra: { a: 1 } } });
    const parsed = parseWidgetCallbackBody(read.ok ? read.value : {});
    expect(parsed).toEqual({ ok: true, value: { number: "+44 20 7946 0000", website: "" } });
  });

  it("refuses other content types, bad JSON and non-objects with stable codes", async () => {
    expect(await readJsonBody(post("number=1", { "content-type": "application/x-www-form-urlencoded" }))).toMatchObject({ ok: false, code: "UNSUPPORTED_MEDIA_TYPE" });
    expect(await readJsonBody(post("{}", {}))).toMatchObject({ ok: false, code: "UNSUPPORTED_MEDIA_TYPE" });
    expect(await readJsonBody(post("{", { "content-type": "application/json; charset=utf-8" }))).toMatchObject({ ok: false, code: "INVALID_JSON" });
    for (const body of ["[]", "null", "42", '"x"']) expect(await readJsonBody(post(body))).toMatchObject({ ok: false, code: "INVALID_JSON" });
    expect(await readJsonBody(post(new Uint8Array([0x7b, 0xff, 0x7d])))).toMatchObject({ ok: false, code: "INVALID_JSON" });
  });

  it("refuses more than 4 KB whether or not the size is declared", async () => {
    const atLimit = JSON.stringify({ number: "1", website: "x".repeat(MAX_BODY_BYTES - 28) });
    expect(Buffer.byteLength(atLimit)).toBeLessThanOrEqual(MAX_BODY_BYTES);
    expect((await readJsonBody(post(atLimit))).ok).toBe(true);
    expect(await readJsonBody(post(`${atLimit}${" ".repeat(MAX_BODY_BYTES)}`))).toMatchObject({ ok: false, code: "BODY_TOO_LARGE" });
    expect(await readJsonBody(post(streamed(MAX_BODY_BYTES + 1)))).toMatchObject({ ok: false, code: "BODY_TOO_LARGE" });
    expect(await readJsonBody(post(streamed(10 * 1024 * 1024)))).toMatchObject({ ok: false, code: "BODY_TOO_LARGE" });
  });

  it("names the field of a wrong type or a missing one", () => {
    expect(parseWidgetCallbackBody({ number: 4420, website: "" })).toEqual({ ok: false, message: "'number' must be a string." });
    expect(parseWidgetCallbackBody({ number: "+4420" })).toEqual({ ok: false, message: "'website' must be a string." });
    expect(parseWidgetCallbackBody({ number: "+4420", website: "", captchaToken: 5 })).toEqual({ ok: false, message: "'captchaToken' must be a string." });
    expect(parseWidgetCallbackBody({ number: "+44\n20", website: "" })).toMatchObject({ ok: false, message: expect.stringContaining("'number'") });
    expect(parseWidgetCallbackBody({ number: "   ", website: "" })).toMatchObject({ ok: false, message: "'number': Enter your phone number." });
  });

  it("keeps the honeypot as sent, so a space is still a filled-in field", () => {
    expect(parseWidgetCallbackBody({ number: "+4420", website: " " })).toEqual({ ok: true, value: { number: "+4420", website: " " } });
  });
});
