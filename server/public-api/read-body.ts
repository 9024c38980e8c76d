/**
 * Reads a JSON request body of at most `maxBytes` (issue 14: bodies are small and JSON only).
 * The cap holds while streaming, so a client that lies about Content-Length (or sends none,
 * chunked) cannot make us buffer more than the cap.
 */
export type BodyResult = { ok: true; value: unknown; text: string } | { ok: false; status: 400 | 413 | 415; message: string };

export async function readJsonBody(request: Request, maxBytes: number): Promise<BodyResult> {
  const type = (request.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  if (type !== "application/json") return { ok: false, status: 415, message: "Send the body as JSON (Content-Type: application/json)." };
  const tooLarge = { ok: false, status: 413, message: `The body may be at most ${maxBytes} bytes.` } as const;
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > maxBytes) return tooLarge;
  if (!request.body) return { ok: false, status: 400, message: "The body is empty; send a JSON object." };
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    let chunk: ReadableStreamReadResult<Uint8Array>;
    try {
      chunk = await reader.read();
    } catch {
      // The client went away mid-body (or the stream broke): nothing to answer, nothing unexpected.
      return { ok: false, status: 400, message: "The body ended before it was complete." };
    }
    const { done, value } = chunk;
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => {});
      return tooLarge;
    }
    chunks.push(value);
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(Buffer.concat(chunks));
  } catch {
    return { ok: false, status: 400, message: "The body is not valid UTF-8." };
  }
  try {
    return { ok: true, value: JSON.parse(text), text };
  } catch {
    return { ok: false, status: 400, message: "The body is not valid JSON." };
  }
}
