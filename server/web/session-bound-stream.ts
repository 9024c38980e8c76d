/**
 * A download that outlives its request (a streamed CSV export) ends with the session that
 * opened it: sign-out, suspension, a password or role change (session-watch.ts) errors the
 * stream at once, so the rest of the file is never read from the database or sent. The
 * browser sees a failed download, not a short file that looks complete.
 */
import type { LiveSession } from "../auth/session-watch";

export function endsWithSession(inner: ReadableStream<Uint8Array>, watch: LiveSession["watch"]): ReadableStream<Uint8Array> {
  const reader = inner.getReader();
  let isDone = false;
  let stopWatching = () => {};
  const finish = () => {
    isDone = true;
    stopWatching();
  };
  return new ReadableStream<Uint8Array>({
    start(controller) {
      stopWatching = watch(() => {
        if (isDone) return;
        finish();
        controller.error(new Error("The session that started this download has ended."));
        void reader.cancel("session ended").catch(() => undefined);
      });
    },
    async pull(controller) {
      if (isDone) return;
      try {
        const { done, value } = await reader.read();
        if (isDone) return;
        if (done) {
          finish();
          controller.close();
        } else controller.enqueue(value);
      } catch (err) {
        if (isDone) return;
        finish();
        controller.error(err);
      }
    },
    cancel(reason) {
      finish();
      return reader.cancel(reason);
    },
  });
}

/** For tests and callers whose session cannot end while they run: a session nobody watches. */
export const unwatchedSession = <U>(user: U | null): { user: U; watch: LiveSession["watch"] } | null =>
  user ? { user, watch: () => () => {} } : null;
