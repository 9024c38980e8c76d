import { randomUUID } from "node:crypto";
import type { SessionUser } from "../auth/session-user";

export type Context = {
  user: SessionUser | null;
  requestId: string;
  /** Client IP for rate limits; "internal" for server-side callers. */
  ip: string;
};

/**
 * The context without HTTP: what tests and server components build directly. The user must
 * come from the database (loadSessionUser), never from client input.
 */
export function createContextInner(opts: { user: SessionUser | null; ip?: string; requestId?: string }): Context {
  return { user: opts.user, ip: opts.ip ?? "internal", requestId: opts.requestId ?? randomUUID() };
}
