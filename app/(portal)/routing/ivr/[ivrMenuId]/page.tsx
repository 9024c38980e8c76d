import type { Metadata } from "next";
import { TRPCError } from "@trpc/server";
import { notFound } from "next/navigation";
import { HydrateClient } from "@/components/providers/hydrate";
import { getQueryClient, trpc } from "@/server/api/rsc";
import { requirePortalAdmin } from "../../../portal-user";
import { IvrMenuPageClient } from "./page-client";

export const metadata: Metadata = { title: "IVR menu" };

export default async function IvrMenuPage({ params }: { params: Promise<{ ivrMenuId: string }> }) {
  const { ivrMenuId } = await params;
  await requirePortalAdmin(`/routing/ivr/${ivrMenuId}`);
  const queryClient = getQueryClient();
  try {
    await queryClient.fetchQuery(trpc.ivrMenus.find.queryOptions({ id: ivrMenuId }));
  } catch (err) {
    // Another company's menu, a deleted one or a malformed id: all simply not found.
    if (err instanceof TRPCError && (err.code === "NOT_FOUND" || err.code === "BAD_REQUEST")) notFound();
    throw err;
  }
  await Promise.all([queryClient.prefetchQuery(trpc.ivrMenus.promptOptions.queryOptions()), queryClient.prefetchQuery(trpc.numbers.destinations.queryOptions())]);
  return (
    <HydrateClient>
      <IvrMenuPageClient ivrMenuId={ivrMenuId} />
    </HydrateClient>
  );
}
