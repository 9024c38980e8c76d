import { Prisma } from "./generated/prisma/client";

/**
 * LIMIT_EXCEEDED is for rate limits and quotas that clear by waiting (429, safe to retry later);
 * INSUFFICIENT_FUNDS is a balance too low for a charge, which no retry fixes (402).
 */
export const APP_ERROR_CODES = [
  "NOT_FOUND",
  "CONFLICT",
  "FORBIDDEN",
  "INVALID",
  "LIMIT_EXCEEDED",
  "INSUFFICIENT_FUNDS",
  "UPSTREAM_FAILED",
] as const;
export type AppErrorCode = (typeof APP_ERROR_CODES)[number];

/**
 * An expected failure whose message is safe to show the user as it is. Anything else that
 * escapes a procedure is unexpected: logged with a request id and shown as a generic message.
 */
export class AppError extends Error {
  readonly code: AppErrorCode;
  /** Field-level messages for forms, keyed by input field name. */
  readonly fieldErrors?: Record<string, string>;
  /** A finer stable code clients may branch on (e.g. a callback refusal's RATE_LIMITED). */
  readonly reason?: string;

  constructor(code: AppErrorCode, message: string, options?: { cause?: unknown; fieldErrors?: Record<string, string>; reason?: string }) {
    super(message, { cause: options?.cause });
    this.name = "AppError";
    this.code = code;
    this.fieldErrors = options?.fieldErrors;
    this.reason = options?.reason;
  }
}

/** The one place Prisma's errors become AppErrors; returns null for errors that are not expected. */
export function toAppError(err: unknown): AppError | null {
  if (err instanceof AppError) return err;
  if (err instanceof Prisma.PrismaClientKnownRequestError) {
    if (err.code === "P2002") {
      const target = uniqueTarget(err);
      return new AppError("CONFLICT", `That ${target ?? "value"} is already in use.`, {
        cause: err,
        fieldErrors: target ? { [target]: `This ${target} is already in use.` } : undefined,
      });
    }
    if (err.code === "P2025") return new AppError("NOT_FOUND", "That record does not exist.", { cause: err });
    if (err.code === "P2003") return new AppError("CONFLICT", "That record is still in use.", { cause: err });
  }
  if (INVALID_TEXT_CODES.has(postgresCode(err) ?? "")) {
    return new AppError("INVALID", "The text contains a character that cannot be stored (such as a NUL byte).", { cause: err });
  }
  return null;
}

/**
 * PostgreSQL refusing the text itself: a NUL byte (22021) or a character the encoding has no
 * room for (22P05). The input's fault, so a 400, never a 500. A backstop: schemas should refuse
 * control characters before a query is sent.
 */
const INVALID_TEXT_CODES = new Set(["22021", "22P05"]);

/** The SQLSTATE of an error from the pg driver adapter (a DriverAdapterError's cause), if any. */
function postgresCode(err: unknown): string | undefined {
  if (!(err instanceof Error) || err.name !== "DriverAdapterError") return undefined;
  const cause = err.cause as { kind?: unknown; code?: unknown; originalCode?: unknown } | undefined;
  const code = cause?.originalCode ?? (cause?.kind === "postgres" ? cause.code : undefined);
  return typeof code === "string" ? code : undefined;
}

function uniqueTarget(err: Prisma.PrismaClientKnownRequestError): string | undefined {
  // The driver adapter reports the constraint's fields in meta.target (array) or in the
  // adapter's cause; the last non-tenant field is the one a person typed.
  const meta = err.meta as { target?: unknown; driverAdapterError?: { cause?: { constraint?: { fields?: string[] } } } } | undefined;
  const fields = Array.isArray(meta?.target)
    ? (meta.target as string[])
    : meta?.driverAdapterError?.cause?.constraint?.fields?.map((f) => f.replaceAll('"', ""));
  return fields?.filter((f) => f !== "tenantId" && f !== "partnerId").at(-1);
}
