import type { Metadata } from "next";
import { CALLBACK_PAGING } from "@/components/callbacks/callback-paging";
import { HydrateClient } from "@/components/providers/hydrate";
import { getQueryClient, trpc } from "@/server/api/rsc";
import { requirePortalUser } from "../../portal-user";
import { CallbacksPageClient } from "./page-client";

export const metadata: Metadata = { title: "Web callback" };

/** Everyone: admins see the company's callback requests, extension users their own. */
export default async function CallbacksPage() {
  const user = await requirePortalUser("/callbacks");
  const queryClient = getQueryClient();
  await queryClient.prefetchInfiniteQuery(trpc.callbacks.recent.infiniteQueryOptions({}, CALLBACK_PAGING));
  return (
    <HydrateClient>
      <CallbacksPageClient isAdmin={user.role === "CUSTOMER_ADMIN"} />
    </HydrateClient>
  );
}
