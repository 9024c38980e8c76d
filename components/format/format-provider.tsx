"use client";

import { createContext, useContext, useMemo, type ReactNode } from "react";
import { DEFAULT_FORMAT, formatterFor, type FormatSettings, type Formatter } from "./formatter";

const FormatContext = createContext<Formatter>(formatterFor(DEFAULT_FORMAT));

/** Gives every component below the viewer's locale and time zone (from the session). */
export function FormatProvider({ settings, children }: { settings: FormatSettings; children: ReactNode }) {
  const { locale, timeZone } = settings;
  const formatter = useMemo(() => formatterFor({ locale, timeZone }), [locale, timeZone]);
  return (
    <FormatContext value={formatter}>
      {/* lang: screen readers pronounce "1 Dec 2026" and "£4.99" in the locale they are written in */}
      <div lang={locale} className="contents">
        {children}
      </div>
    </FormatContext>
  );
}

/** The formatter for the signed-in viewer; the default (en-GB, Europe/London) outside a session. */
export const useFormat = (): Formatter => useContext(FormatContext);
