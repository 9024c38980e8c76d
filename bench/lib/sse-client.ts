/**
 * A minimal SSE client for benchmarks: one plain HTTP/1.1 connection per client (as one
 * browser tab), frames parsed by hand, every presence frame stamped with the time its chunk
 * arrived. node:http rather than fetch, so a chunk's arrival is stamped in its own callback
 * instead of behind a web-stream reader's extra promise hops.
 */
import http from "node:http";

export type PresenceArrival = { at: number; data: Record<string, unknown> };

export interface SseClient {
  /** Resolves once the server's first frame (`: connected`) has arrived. */
  connected: Promise<void>;
  arrivals: PresenceArrival[];
  /** Frames other than presence and comments, e.g. `resync`: each one means lost notifications. */
  otherEvents: string[];
  /** True once the stream ended or failed before close() was called. */
  hasDropped(): boolean;
  close(): void;
}

// One socket per client: the default agent would queue requests beyond its socket limit.
const agent = new http.Agent({ keepAlive: false, maxSockets: Infinity });

export function openSseClient(url: string, cookie: string, timeoutMs = 30_000): SseClient {
  const arrivals: PresenceArrival[] = [];
  const otherEvents: string[] = [];
  let isClosing = false;
  let hasDropped = false;
  let onConnected: () => void = () => {};
  let onFailed: (err: Error) => void = () => {};
  const connected = new Promise<void>((resolve, reject) => ((onConnected = resolve), (onFailed = reject)));
  // Marks the rejection handled: a client that fails before anyone awaits must not crash us.
  connected.catch(() => {});
  const timer = setTimeout(() => onFailed(new Error(`no SSE frame within ${timeoutMs} ms`)), timeoutMs);

  const request = http.get(url, { agent, headers: { cookie, accept: "text/event-stream" } }, (res) => {
    if (res.statusCode !== 200) {
      onFailed(new Error(`GET ${url} answered HTTP ${res.statusCode}`));
      res.resume();
      return;
    }
    res.setEncoding("utf8");
    let buffer = "";
    res.on("data", (chunk: string) => {
      const at = performance.now();
      buffer += chunk;
      for (let end = buffer.indexOf("\n\n"); end >= 0; end = buffer.indexOf("\n\n")) {
        const raw = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        onFrame(raw, at);
      }
    });
    res.on("close", () => {
      if (!isClosing) hasDropped = true;
    });
  });
  request.on("error", (err) => {
    if (!isClosing) hasDropped = true;
    onFailed(err);
  });

  function onFrame(raw: string, at: number) {
    let event: string | undefined;
    let data: string | undefined;
    for (const line of raw.split("\n")) {
      if (line.startsWith("event: ")) event = line.slice(7);
      else if (line.startsWith("data: ")) data = line.slice(6);
    }
    if (event === undefined) {
      clearTimeout(timer);
      onConnected(); // `retry:` + `: connected`, or a heartbeat comment
    } else if (event === "presence") arrivals.push({ at, data: JSON.parse(data ?? "null") as Record<string, unknown> });
    else otherEvents.push(event);
  }

  return {
    connected,
    arrivals,
    otherEvents,
    hasDropped: () => hasDropped,
    close() {
      isClosing = true;
      clearTimeout(timer);
      request.destroy();
    },
  };
}
