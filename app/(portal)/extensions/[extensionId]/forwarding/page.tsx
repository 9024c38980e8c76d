import type { Metadata } from "next";
import { HydrateClient } from "@/components/providers/hydrate";
import { getQueryClient, trpc } from "@/server/api/rsc";
import { requirePortalUser } from "../../../portal-user";
import { loadExtensionForwarding } from "../load-extension";
import { ForwardingPageClient } from "./page-client";

export const metadata: Metadata = { title: "Forwarding" };

export default async function ForwardingPage({ params }: { params: Promise<{ extensionId: string }> }) {
  const { extensionId } = await params;
  await requirePortalUser(`/extensions/${extensionId}/forwarding`);
  await loadExtensionForwarding(extensionId);
  await getQueryClient().prefetchQuery(trpc.forwarding.destinations.queryOptions({ extensionId }));
  return (
    <HydrateClient>
      <ForwardingPageClient extensionId={extensionId} />
    </HydrateClient>
  );
}
