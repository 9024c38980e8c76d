"use client";

import { useState } from "react";
import type { z } from "zod";
import { errorMessage, serverFieldErrors } from "@/components/ui/errors";
import { useToast } from "@/components/ui/toast";
import { zodFieldErrors, type FieldErrors } from "./field-errors";

/**
 * The error handling every routing form shares: check with the procedure's own schema first
 * (messages on the entries, nothing sent), then put the server's field errors on the same
 * entries; an error that names no field becomes a toast.
 */
export function useFormErrors() {
  const toast = useToast();
  const [errors, setErrors] = useState<FieldErrors>({});
  return {
    errors,
    /** The parsed input, or null after showing what is wrong. */
    check<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> | null {
      const parsed = schema.safeParse(value);
      setErrors(parsed.success ? {} : zodFieldErrors(parsed.error));
      return parsed.success ? parsed.data : null;
    },
    onServerError(err: unknown) {
      const fields = serverFieldErrors(err);
      setErrors(fields);
      if (Object.keys(fields).length === 0) toast({ variant: "error", description: errorMessage(err) });
    },
  };
}
