import { TRPCClientError, type TRPCLink } from "@trpc/client";
import type { AnyRouter } from "@trpc/server";
import { observable } from "@trpc/server/observable";

/**
 * Logs failed calls in development: which procedure, its code and the server's message, and
 * never the input. tRPC's loggerLink printed the inputs of failed mutations, plaintext passwords
 * among them, and Next forwards browser logs to the terminal.
 */
export function errorLogLink<TRouter extends AnyRouter>(log: (line: string) => void): TRPCLink<TRouter> {
  return () =>
    ({ op, next }) =>
      observable((observer) =>
        next(op).subscribe({
          next: (value) => observer.next(value),
          error: (err) => {
            const code = err instanceof TRPCClientError ? (err.data as { code?: string } | undefined)?.code : undefined;
            log(`[trpc] ${op.type} ${op.path} failed${code ? ` (${code})` : ""}: ${summary(err.message)}`);
            observer.error(err);
          },
          complete: () => observer.complete(),
        }),
      );
}

/** Validation failures arrive as a JSON list of issues: keep each field and message, nothing else. */
function summary(message: string) {
  if (!message.startsWith("[")) return message.slice(0, 300);
  try {
    const issues = JSON.parse(message) as { path?: unknown[]; message?: unknown }[];
    return issues.map((issue) => `${(issue.path ?? []).join(".") || "input"}: ${String(issue.message).slice(0, 120)}`).join("; ");
  } catch {
    return "invalid input";
  }
}
