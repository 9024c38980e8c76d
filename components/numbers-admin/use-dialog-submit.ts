"use client";

import type { FieldValues, UseFormSetError } from "react-hook-form";
import { applyServerFieldErrors, errorMessage } from "@/components/ui/errors";
import { useToast } from "@/components/ui/toast";

/**
 * Runs a dialog form's mutation: on success a toast and the dialog closes; on failure the
 * server's field messages land on their fields, anything else in a toast, and the form stays.
 */
export function useDialogSubmit(onDone: () => void) {
  const toast = useToast();
  return async <F extends FieldValues>(run: () => Promise<unknown>, success: string, setError: UseFormSetError<F>) => {
    try {
      await run();
      toast({ variant: "success", description: success });
      onDone();
    } catch (err) {
      if (!applyServerFieldErrors(err, setError)) toast({ variant: "error", description: errorMessage(err) });
    }
  };
}
