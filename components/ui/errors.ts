import type { FieldValues, Path, UseFormSetError } from "react-hook-form";

/**
 * The error shape the tRPC client raises (TRPCClientError), described structurally so the UI
 * kit needs no tRPC import. `data` comes from server/api/trpc.ts's error formatter.
 */
type ErrorLike = {
  message?: unknown;
  data?: {
    code?: string;
    fieldErrors?: Record<string, string> | null;
    zodError?: { fieldErrors?: Record<string, string[] | undefined> } | null;
  } | null;
};

const GENERIC = "Something went wrong. Try again.";

/** A message safe to show the user. The server already hides unexpected errors' internals. */
export function errorMessage(err: unknown): string {
  if (!err || typeof err !== "object") return GENERIC;
  const { message, data } = err as ErrorLike;
  if (data?.code === "UNAUTHORIZED") return "Your session has ended. Sign in again.";
  if (typeof message !== "string" || message.length === 0) return GENERIC;
  if (/failed to fetch|networkerror|load failed/i.test(message)) return "Can't reach the server. Check your connection and try again.";
  if (message.startsWith("[") || message.startsWith("{")) return GENERIC; // raw validation dumps
  return message;
}

/** Field messages from a failed mutation, from the service (e.g. a taken email) or from zod. */
export function serverFieldErrors(err: unknown): Record<string, string> {
  const data = (err as ErrorLike | null)?.data;
  const result: Record<string, string> = {};
  for (const [field, messages] of Object.entries(data?.zodError?.fieldErrors ?? {})) {
    if (messages?.[0]) result[field] = messages[0];
  }
  return { ...result, ...(data?.fieldErrors ?? {}) };
}

/** Every message the server gave one field: a multi-line field reports each bad line ("Line 3: …"). */
export function serverFieldMessages(err: unknown, field: string): string[] {
  const data = (err as ErrorLike | null)?.data;
  return data?.zodError?.fieldErrors?.[field] ?? (data?.fieldErrors?.[field] ? [data.fieldErrors[field]] : []);
}

/**
 * Puts the server's field errors on the form's fields. Returns true if any applied, so the
 * caller can skip the toast when the form already says what is wrong.
 */
export function applyServerFieldErrors<T extends FieldValues>(
  err: unknown,
  setError: UseFormSetError<T>,
  fieldNames?: readonly Path<T>[],
): boolean {
  const errors = Object.entries(serverFieldErrors(err)).filter(
    ([field]) => !fieldNames || (fieldNames as readonly string[]).includes(field),
  );
  errors.forEach(([field, message], i) => setError(field as Path<T>, { type: "server", message }, { shouldFocus: i === 0 }));
  return errors.length > 0;
}
