/**
 * Responses of the media file routes: a stored WAV with its length, a single byte range when
 * the browser asks for one (audio elements seek with Range), private caching, and a safe
 * download name; and the JSON error shape the other routes use ({ error: { code, message } }).
 */
import { AppError, type AppErrorCode } from "../../errors";

const STATUS: Record<AppErrorCode, number> = {
  NOT_FOUND: 404, CONFLICT: 409, FORBIDDEN: 403, INVALID: 400, LIMIT_EXCEEDED: 429, INSUFFICIENT_FUNDS: 402, UPSTREAM_FAILED: 502,
};

export function errorResponse(status: number, code: string, message: string, headers?: Record<string, string>): Response {
  return Response.json({ error: { code, message } }, { status, headers: { "Cache-Control": "no-store", ...headers } });
}

export const unauthorized = () => errorResponse(401, "unauthorized", "Sign in to continue.");
export const notFound = (what: string) => errorResponse(404, "not_found", `That ${what} does not exist.`);

/** An AppError as its HTTP status; anything else is logged and hidden behind a reference. */
export function appErrorResponse(err: unknown, route: string): Response {
  if (err instanceof AppError) return errorResponse(STATUS[err.code], err.code.toLowerCase(), err.message);
  const reference = crypto.randomUUID();
  console.error(`[media] ${route} failed (reference ${reference})`, err);
  return errorResponse(500, "internal", `Something went wrong. Reference: ${reference}`);
}

/** Letters, digits, spaces, dots, dashes and underscores, at most 80; never a path or a header break. */
export function safeFileName(name: string, fallback: string): string {
  const cleaned = name.normalize("NFKD").replace(/[^A-Za-z0-9 ._-]+/g, "").replace(/\s+/g, " ").replace(/^[. ]+/, "").trim().slice(0, 80);
  return cleaned === "" ? fallback : cleaned;
}

type WavOptions = { downloadName?: string };

/**
 * 200 with the whole file, or 206 with one range ("bytes=a-b", "bytes=a-", "bytes=-n");
 * a range past the end is 416. Several ranges are answered with the whole file, as RFC 9110 allows.
 */
export function wavResponse(request: Request, bytes: Buffer, options: WavOptions = {}): Response {
  const headers: Record<string, string> = {
    "Content-Type": "audio/wav",
    "Accept-Ranges": "bytes",
    "Cache-Control": "private, max-age=0, must-revalidate",
    "X-Content-Type-Options": "nosniff",
    "Content-Disposition": options.downloadName ? `attachment; filename="${options.downloadName}"` : "inline",
  };
  const range = parseRange(request.headers.get("range"), bytes.length);
  if (range === "unsatisfiable") return new Response(null, { status: 416, headers: { ...headers, "Content-Range": `bytes */${bytes.length}` } });
  if (range === null) return new Response(new Uint8Array(bytes), { status: 200, headers: { ...headers, "Content-Length": String(bytes.length) } });
  const part = bytes.subarray(range.start, range.end + 1);
  return new Response(new Uint8Array(part), {
    status: 206,
    headers: { ...headers, "Content-Length": String(part.length), "Content-Range": `bytes ${range.start}-${range.end}/${bytes.length}` },
  });
}

/** Exported for the unit test. null = no usable single range: send everything. */
export function parseRange(header: string | null, size: number): { start: number; end: number } | "unsatisfiable" | null {
  if (header === null) return null;
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (match === null) return null;
  const [, from, to] = match as unknown as [string, string, string];
  if (from === "" && to === "") return null;
  if (from === "") {
    const suffix = Number(to);
    if (suffix === 0) return "unsatisfiable";
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(from);
  if (start >= size) return "unsatisfiable";
  const end = to === "" ? size - 1 : Math.min(Number(to), size - 1);
  if (end < start) return null;
  return { start, end };
}
