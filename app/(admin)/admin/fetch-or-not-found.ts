import { TRPCError } from "@trpc/server";
import { notFound } from "next/navigation";

/**
 * Loads a record for a page, or answers 404. Called from the record's layout (above its loading
 * state, so the status is really 404) and again from the page, which then reads the request's
 * cache. Another partner's record is NOT_FOUND too, so its existence is not revealed.
 */
export async function fetchOrNotFound<T>(load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (err) {
    if (err instanceof TRPCError && (err.code === "NOT_FOUND" || err.code === "BAD_REQUEST")) notFound();
    throw err;
  }
}
