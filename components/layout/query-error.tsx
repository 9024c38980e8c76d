"use client";

import { Button } from "@/components/ui/button";
import { errorMessage } from "@/components/ui/errors";
import { AlertIcon } from "@/components/ui/icons";

/** A failed load, in place of the content it was for, with a retry. */
export function QueryError({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  return (
    <div role="alert" className="flex flex-col items-start gap-3 rounded-lg border border-red-200 bg-red-50 p-4 text-sm text-red-800 sm:flex-row sm:items-center">
      <AlertIcon className="size-5 shrink-0" />
      <p className="flex-1">{errorMessage(error)}</p>
      <Button variant="secondary" size="sm" onClick={onRetry}>
        Try again
      </Button>
    </div>
  );
}
