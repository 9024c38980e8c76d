"use client";

import { AlertIcon } from "@/components/ui/icons";
import { Button } from "@/components/ui/button";

type ErrorViewProps = { digest?: string; onRetry: () => void; isFullPage?: boolean };

/** What an error boundary shows: no internals, only a reference support can look up. */
export function ErrorView({ digest, onRetry, isFullPage = false }: ErrorViewProps) {
  return (
    <div className={`grid place-items-center px-4 ${isFullPage ? "min-h-dvh bg-gray-50" : "py-16"}`}>
      <div role="alert" className="w-full max-w-md rounded-lg border border-gray-200 bg-white p-6 text-center shadow-sm">
        <div className="mx-auto mb-3 grid size-12 place-items-center rounded-full bg-red-50 text-red-600">
          <AlertIcon className="size-6" />
        </div>
        <h1 className="text-lg font-semibold text-gray-900">Something went wrong</h1>
        <p className="mt-2 text-sm text-gray-600">The page could not be shown. Try again; if it keeps happening, contact support.</p>
        {digest && (
          <p className="mt-3 text-xs text-gray-600">
            Reference: <code className="rounded bg-gray-100 px-1.5 py-0.5 font-mono text-gray-800">{digest}</code>
          </p>
        )}
        <Button className="mt-5" onClick={onRetry}>
          Try again
        </Button>
      </div>
    </div>
  );
}
