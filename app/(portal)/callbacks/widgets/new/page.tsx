import type { Metadata } from "next";
import { HydrateClient } from "@/components/providers/hydrate";
import { getQueryClient, trpc } from "@/server/api/rsc";
import { requirePortalAdmin } from "../../../portal-user";
import { NewCallbackWidgetPageClient } from "./page-client";

export const metadata: Metadata = { title: "New callback widget" };

export default async function NewCallbackWidgetPage() {
  await requirePortalAdmin("/callbacks/widgets/new");
  const queryClient = getQueryClient();
  await Promise.all([queryClient.prefetchQuery(trpc.numbers.destinations.queryOptions()), queryClient.prefetchQuery(trpc.callbackWidgets.formOptions.queryOptions())]);
  return (
    <HydrateClient>
      <NewCallbackWidgetPageClient />
    </HydrateClient>
  );
}
