import type { Metadata } from "next";
import { HydrateClient } from "@/components/providers/hydrate";
import { getQueryClient, trpc } from "@/server/api/rsc";
import { requirePortalAdmin } from "../../portal-user";
import { CallbackWidgetsPageClient } from "./page-client";

export const metadata: Metadata = { title: "Callback widgets" };

export default async function CallbackWidgetsPage() {
  await requirePortalAdmin("/callbacks/widgets");
  await getQueryClient().prefetchQuery(trpc.callbackWidgets.list.queryOptions());
  return (
    <HydrateClient>
      <CallbackWidgetsPageClient />
    </HydrateClient>
  );
}
