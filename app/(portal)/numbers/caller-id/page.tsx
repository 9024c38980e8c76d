import type { Metadata } from "next";
import { HydrateClient } from "@/components/providers/hydrate";
import { getQueryClient, trpc } from "@/server/api/rsc";
import { requirePortalAdmin } from "../../portal-user";
import { CallerIdPageClient } from "./page-client";

export const metadata: Metadata = { title: "Caller ID" };

export default async function CallerIdPage() {
  await requirePortalAdmin("/numbers/caller-id");
  await getQueryClient().prefetchQuery(trpc.callerId.find.queryOptions());
  return (
    <HydrateClient>
      <CallerIdPageClient />
    </HydrateClient>
  );
}
