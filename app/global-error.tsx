"use client";

import { ErrorView } from "@/components/layout/error-view";
import "./globals.css";

/** Replaces the root layout when it fails, so it brings its own <html> and styles. */
export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en">
      <body className="font-sans">
        <title>Something went wrong · Centrex Portal</title>
        <ErrorView digest={error.digest} onRetry={reset} isFullPage />
      </body>
    </html>
  );
}
