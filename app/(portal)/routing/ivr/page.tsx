import type { Metadata } from "next";
import { HydrateClient } from "@/components/providers/hydrate";
import { getQueryClient, trpc } from "@/server/api/rsc";
import { requirePortalAdmin } from "../../portal-user";
import { IvrMenusPageClient } from "./page-client";

export const metadata: Metadata = { title: "IVR menus" };

export default async function IvrMenusPage() {
  await requirePortalAdmin("/routing/ivr");
  await getQueryClient().prefetchQuery(trpc.ivrMenus.list.queryOptions());
  return (
    <HydrateClient>
      <IvrMenusPageClient />
    </HydrateClient>
  );
}
