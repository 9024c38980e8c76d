/**
 * Reads a public endpoint's JSON body without trusting it: JSON only, at most MAX_BODY_BYTES
 * (counted as it streams in, so a lying or missing Content-Length cannot get more through),
 * and an object at the top. Nothing is parsed before the limit is known to hold.
 */
import type { WidgetRequestErrorCode } from "./http";

/** A widget request is a phone number and two short fields; 4 KB leaves room for a CAPTCHA token. */
export const MAX_BODY_BYTES = 4096;

export type BodyResult = { ok: true; value: Record<string, unknown> } | { ok: false; code: WidgetRequestErrorCode; message: string };

const isJsonType = (contentType: string | null) => /^application\/json\s*(?:;|$)/i.test(contentType?.trim() ?? "");

export async function readJsonBody(request: Request, maxBytes = MAX_BODY_BYTES): Promise<BodyResult> {
  if (!isJsonType(request.headers.get("content-type"))) {
    return { ok: false, code: "UNSUPPORTED_MEDIA_TYPE", message: "Send the request as application/json." };
  }
  const tooLarge = { ok: false, code: "BODY_TOO_LARGE", message: `The request body may be at most ${maxBytes} bytes.` } as const;
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (Number.isFinite(declared) && declared > maxBytes) return tooLarge;

  const bytes = await readAtMost(request, maxBytes);
  if (!bytes) return tooLarge;
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
  } catch {
    return { ok: false, code: "INVALID_JSON", message: "The request body is not valid JSON." };
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    return { ok: false, code: "INVALID_JSON", message: "The request body must be a JSON object." };
  }
  return { ok: true, value: parsed as Record<string, unknown> };
}

/** The body's bytes, or null as soon as more than `maxBytes` arrive (the rest is not read). */
async function readAtMost(request: Request, maxBytes: number): Promise<Uint8Array | null> {
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.byteLength;
  }
  return out;
}
