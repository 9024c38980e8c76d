"use client";

import { useSyncExternalStore } from "react";
import { ExpandIcon } from "@/components/ui/icons";

const onFullscreenChange = (listener: () => void) => {
  document.addEventListener("fullscreenchange", listener);
  return () => document.removeEventListener("fullscreenchange", listener);
};
const noSubscription = () => () => undefined;

/** Enters or leaves full screen (the Fullscreen API); hidden where the browser has none. */
export function FullscreenButton() {
  const isSupported = useSyncExternalStore(noSubscription, () => document.fullscreenEnabled, () => false);
  const isFullscreen = useSyncExternalStore(onFullscreenChange, () => document.fullscreenElement !== null, () => false);
  if (!isSupported) return null;

  const toggle = () => {
    // Rejected when the browser refuses (no user gesture, policy): the wallboard still works.
    if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
    else void document.documentElement.requestFullscreen().catch(() => undefined);
  };
  return (
    <button
      type="button"
      onClick={toggle}
      className="inline-flex items-center gap-1.5 rounded-md border border-gray-600 px-2.5 py-1 text-sm font-medium text-gray-100 hover:bg-gray-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-white"
    >
      <ExpandIcon className="size-4" />
      {isFullscreen ? "Exit full screen" : "Full screen"}
    </button>
  );
}
