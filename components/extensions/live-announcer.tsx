"use client";

import { useCallback, useEffect, useRef, useState } from "react";

/**
 * Screen-reader announcements for live changes, at most one every `intervalMs`: a busy office
 * changes state many times a minute, and reading each one out would drown everything else.
 * Changes that arrive in between are summed up in the next announcement.
 */
export function useThrottledAnnouncer(intervalMs = 5_000) {
  const [text, setText] = useState("");
  const pending = useRef<string[]>([]);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const lastSpokenAt = useRef(0);

  const flush = useCallback(() => {
    timer.current = null;
    const messages = pending.current.splice(0);
    if (messages.length === 0) return;
    lastSpokenAt.current = Date.now();
    setText(messages.length === 1 ? messages[0]! : `${messages.length} changes. Latest: ${messages.at(-1)}`);
  }, []);

  const announce = useCallback(
    (message: string) => {
      pending.current.push(message);
      if (timer.current) return;
      const wait = Math.max(0, lastSpokenAt.current + intervalMs - Date.now());
      timer.current = setTimeout(flush, wait);
    },
    [flush, intervalMs],
  );

  useEffect(() => () => void (timer.current && clearTimeout(timer.current)), []);
  return { text, announce };
}

/** The polite live region itself; visually hidden, read between the user's own actions. */
export function LiveAnnouncement({ text }: { text: string }) {
  return (
    <p aria-live="polite" aria-atomic="true" className="sr-only">
      {text}
    </p>
  );
}
