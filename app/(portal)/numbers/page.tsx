import type { Metadata } from "next";
import { HydrateClient } from "@/components/providers/hydrate";
import { getQueryClient, trpc } from "@/server/api/rsc";
import { requirePortalAdmin } from "../portal-user";
import { NumbersPageClient } from "./page-client";

export const metadata: Metadata = { title: "Numbers" };

export default async function NumbersPage() {
  await requirePortalAdmin("/numbers");
  const queryClient = getQueryClient();
  await queryClient.prefetchQuery(trpc.numbers.find.queryOptions());
  return (
    <HydrateClient>
      <NumbersPageClient />
    </HydrateClient>
  );
}
