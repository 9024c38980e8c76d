import type { Metadata } from "next";
import { TRPCError } from "@trpc/server";
import { notFound } from "next/navigation";
import { HydrateClient } from "@/components/providers/hydrate";
import { getQueryClient, trpc } from "@/server/api/rsc";
import { requirePortalAdmin } from "../../../portal-user";
import { HuntGroupPageClient } from "./page-client";

export const metadata: Metadata = { title: "Hunt group" };

export default async function HuntGroupPage({ params }: { params: Promise<{ huntGroupId: string }> }) {
  const { huntGroupId } = await params;
  await requirePortalAdmin(`/routing/hunt-groups/${huntGroupId}`);
  const queryClient = getQueryClient();
  try {
    await queryClient.fetchQuery(trpc.huntGroups.find.queryOptions({ id: huntGroupId }));
  } catch (err) {
    // Another company's group, a deleted one or a malformed id: all simply not found.
    if (err instanceof TRPCError && (err.code === "NOT_FOUND" || err.code === "BAD_REQUEST")) notFound();
    throw err;
  }
  await Promise.all([queryClient.prefetchQuery(trpc.huntGroups.memberOptions.queryOptions()), queryClient.prefetchQuery(trpc.numbers.destinations.queryOptions())]);
  return (
    <HydrateClient>
      <HuntGroupPageClient huntGroupId={huntGroupId} />
    </HydrateClient>
  );
}
