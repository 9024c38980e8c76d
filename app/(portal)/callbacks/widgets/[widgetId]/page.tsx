import type { Metadata } from "next";
import { TRPCError } from "@trpc/server";
import { notFound } from "next/navigation";
import { HydrateClient } from "@/components/providers/hydrate";
import { getQueryClient, trpc } from "@/server/api/rsc";
import { requirePortalAdmin } from "../../../portal-user";
import { CallbackWidgetPageClient } from "./page-client";

export const metadata: Metadata = { title: "Callback widget" };

export default async function CallbackWidgetPage({ params }: { params: Promise<{ widgetId: string }> }) {
  const { widgetId } = await params;
  await requirePortalAdmin(`/callbacks/widgets/${widgetId}`);
  const queryClient = getQueryClient();
  try {
    await queryClient.fetchQuery(trpc.callbackWidgets.get.queryOptions({ id: widgetId }));
  } catch (err) {
    // Another company's widget, a deleted one or a malformed id: all simply not found.
    if (err instanceof TRPCError && (err.code === "NOT_FOUND" || err.code === "BAD_REQUEST")) notFound();
    throw err;
  }
  await Promise.all([queryClient.prefetchQuery(trpc.numbers.destinations.queryOptions()), queryClient.prefetchQuery(trpc.callbackWidgets.formOptions.queryOptions())]);
  return (
    <HydrateClient>
      <CallbackWidgetPageClient widgetId={widgetId} />
    </HydrateClient>
  );
}
