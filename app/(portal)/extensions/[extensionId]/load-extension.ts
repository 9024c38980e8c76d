import { TRPCError } from "@trpc/server";
import { forbidden, notFound } from "next/navigation";
import { getQueryClient, trpc } from "@/server/api/rsc";

/**
 * The extension's forwarding for its pages, or the right status: 404 for an id that is not the
 * company's (or not an id), 403 for a colleague's extension. Called from the layout, above the
 * loading state, and again from pages, which then read the request's cache.
 */
export async function loadExtensionForwarding(extensionId: string) {
  try {
    return await getQueryClient().fetchQuery(trpc.forwarding.find.queryOptions({ extensionId }));
  } catch (err) {
    if (err instanceof TRPCError && (err.code === "NOT_FOUND" || err.code === "BAD_REQUEST")) notFound();
    if (err instanceof TRPCError && err.code === "FORBIDDEN") forbidden();
    throw err;
  }
}
