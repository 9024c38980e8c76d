/** Test helper: reads an SSE body frame by frame, with a deadline per frame. */
export type SseFrame = { event?: string; data?: string; comments: string[]; retry?: number };

export function sseReader(body: ReadableStream<Uint8Array>) {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = "";

  function parse(raw: string): SseFrame {
    const frame: SseFrame = { comments: [] };
    for (const line of raw.split("\n")) {
      if (line.startsWith(":")) frame.comments.push(line.slice(1).trim());
      else if (line.startsWith("event: ")) frame.event = line.slice(7);
      else if (line.startsWith("data: ")) frame.data = line.slice(6);
      else if (line.startsWith("retry: ")) frame.retry = Number(line.slice(7));
    }
    return frame;
  }

  /** The next frame, or a rejection after `timeoutMs`; null when the stream has ended. */
  async function next(timeoutMs = 1000): Promise<SseFrame | null> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const end = buffer.indexOf("\n\n");
      if (end >= 0) {
        const raw = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        return parse(raw);
      }
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no SSE frame within ${timeoutMs} ms`);
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<"timeout">((resolve) => (timer = setTimeout(() => resolve("timeout"), left)));
      const read = await Promise.race([reader.read(), timeout]);
      clearTimeout(timer);
      if (read === "timeout") throw new Error(`no SSE frame within ${timeoutMs} ms`);
      if (read.done) return null;
      buffer += decoder.decode(read.value, { stream: true });
    }
  }

  /** The next `event: presence` frame's data, skipping heartbeats. */
  async function nextPresence(timeoutMs = 1000): Promise<Record<string, unknown>> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const frame = await next(Math.max(1, deadline - Date.now()));
      if (!frame) throw new Error("stream ended");
      if (frame.event === "presence") return JSON.parse(frame.data ?? "null") as Record<string, unknown>;
    }
  }

  /**
   * Reads up to the `ended` frame (the session is over), then expects the stream to close.
   * Resolves with how long that took; throws if anything but heartbeats came first.
   */
  async function ended(timeoutMs = 5000): Promise<number> {
    const started = Date.now();
    for (;;) {
      const frame = await next(Math.max(1, timeoutMs - (Date.now() - started)));
      if (!frame) throw new Error("the stream closed without an `ended` frame");
      if (frame.event === "ended") break;
      if (frame.event) throw new Error(`\`${frame.event}\` arrived before the stream ended`);
    }
    const elapsed = Date.now() - started;
    if ((await next()) !== null) throw new Error("the stream went on after `ended`");
    return elapsed;
  }

  return { next, nextPresence, ended, cancel: () => reader.cancel() };
}
