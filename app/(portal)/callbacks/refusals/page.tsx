import type { Metadata } from "next";
import { CALLBACK_PAGING } from "@/components/callbacks/callback-paging";
import { HydrateClient } from "@/components/providers/hydrate";
import { getQueryClient, trpc } from "@/server/api/rsc";
import { requirePortalAdmin } from "../../portal-user";
import { RefusalsPageClient } from "./page-client";

export const metadata: Metadata = { title: "Refused callbacks" };

export default async function RefusalsPage() {
  await requirePortalAdmin("/callbacks/refusals");
  const queryClient = getQueryClient();
  await queryClient.prefetchInfiniteQuery(trpc.callbacks.refusals.infiniteQueryOptions({}, CALLBACK_PAGING));
  return (
    <HydrateClient>
      <RefusalsPageClient />
    </HydrateClient>
  );
}
