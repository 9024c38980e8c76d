"use client";

import { useEffect, useRef, useState } from "react";

const COPIED_FOR_MS = 2_000;

/** Copies text to the clipboard; `isCopied` is true for two seconds after a copy worked. */
export function useCopy() {
  const [isCopied, setCopied] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  const copy = async (text: string) => {
    try {
      await navigator.clipboard.writeText(text);
      setCopied(true);
      clearTimeout(timer.current);
      timer.current = setTimeout(() => setCopied(false), COPIED_FOR_MS);
    } catch {
      setCopied(false); // no clipboard (insecure origin, denied): the values are still selectable
    }
  };
  return { isCopied, copy };
}
