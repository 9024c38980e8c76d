import type { Metadata } from "next";
import { getQueryClient, trpc } from "@/server/api/rsc";
import { HydrateClient } from "@/components/providers/hydrate";
import { requirePortalAdmin } from "../../portal-user";
import { ExtensionsPageClient } from "./page-client";

export const metadata: Metadata = { title: "Extensions" };

export default async function ExtensionsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePortalAdmin("/extensions");
  const queryClient = getQueryClient();
  await Promise.all([
    queryClient.prefetchQuery(trpc.extension.find.queryOptions()),
    queryClient.prefetchQuery(trpc.sipAccount.findUnused.queryOptions()),
    queryClient.prefetchQuery(trpc.extension.formOptions.queryOptions()),
  ]);
  return (
    <HydrateClient>
      <ExtensionsPageClient assignAll={(await searchParams).assign === "new"} />
    </HydrateClient>
  );
}
