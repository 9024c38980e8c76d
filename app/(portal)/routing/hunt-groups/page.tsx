import type { Metadata } from "next";
import { HydrateClient } from "@/components/providers/hydrate";
import { getQueryClient, trpc } from "@/server/api/rsc";
import { requirePortalAdmin } from "../../portal-user";
import { HuntGroupsPageClient } from "./page-client";

export const metadata: Metadata = { title: "Hunt groups" };

export default async function HuntGroupsPage() {
  await requirePortalAdmin("/routing/hunt-groups");
  await getQueryClient().prefetchQuery(trpc.huntGroups.list.queryOptions());
  return (
    <HydrateClient>
      <HuntGroupsPageClient />
    </HydrateClient>
  );
}
