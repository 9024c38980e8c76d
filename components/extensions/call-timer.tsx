"use client";

import { useSyncExternalStore, type CSSProperties } from "react";
import { formatDuration } from "./presence-model";

/**
 * One shared one-second clock for every running timer on the page: a wallboard with 80 calls
 * has one interval, not 80, and it stops when no timer is shown.
 */
const listeners = new Set<() => void>();
let interval: ReturnType<typeof setInterval> | null = null;
let nowSec = 0;

function subscribe(listener: () => void) {
  listeners.add(listener);
  if (!interval) {
    nowSec = Math.floor(Date.now() / 1000);
    interval = setInterval(() => {
      nowSec = Math.floor(Date.now() / 1000);
      for (const l of listeners) l();
    }, 1_000);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && interval) {
      clearInterval(interval);
      interval = null;
    }
  };
}

const clientNow = () => nowSec || Math.floor(Date.now() / 1000);
// The server renders no time at all, so its markup never disagrees with the browser's clock.
const serverNow = () => null;

/** A running mm:ss from `since`. */
export function CallTimer({ since, className, style }: { since: Date; className?: string; style?: CSSProperties }) {
  const now = useSyncExternalStore(subscribe, clientNow, serverNow);
  if (now === null) return null;
  const text = formatDuration(now * 1000 - since.getTime());
  return (
    <time dateTime={since.toISOString()} className={`tabular-nums ${className ?? ""}`} style={style}>
      {text}
    </time>
  );
}
