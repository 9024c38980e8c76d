import type { Metadata } from "next";
import { HydrateClient } from "@/components/providers/hydrate";
import { RECORDING_PAGING } from "@/components/recordings/recording-paging";
import { getQueryClient, trpc } from "@/server/api/rsc";
import { requirePortalUser } from "../portal-user";
import { RecordingsPageClient } from "./page-client";

export const metadata: Metadata = { title: "Recordings" };

/** Everyone: admins see the company's recordings, extension users their own extensions'. */
export default async function RecordingsPage() {
  const user = await requirePortalUser("/recordings");
  const queryClient = getQueryClient();
  await Promise.all([
    queryClient.prefetchInfiniteQuery(trpc.recording.find.infiniteQueryOptions({ filter: {} }, RECORDING_PAGING)),
    queryClient.prefetchQuery(trpc.recording.extensions.queryOptions()),
  ]);
  return (
    <HydrateClient>
      <RecordingsPageClient isAdmin={user.role === "CUSTOMER_ADMIN"} />
    </HydrateClient>
  );
}
