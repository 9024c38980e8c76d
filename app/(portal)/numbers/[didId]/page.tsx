import type { Metadata } from "next";
import { TRPCError } from "@trpc/server";
import { notFound } from "next/navigation";
import { HydrateClient } from "@/components/providers/hydrate";
import { getQueryClient, trpc } from "@/server/api/rsc";
import { requirePortalAdmin } from "../../portal-user";
import { NumberPageClient } from "./page-client";

export const metadata: Metadata = { title: "Number" };

type Props = { params: Promise<{ didId: string }> };

/** One number: its call rules and its call flow. Another company's number is a 404. */
export default async function NumberPage({ params }: Props) {
  const { didId } = await params;
  await requirePortalAdmin(`/numbers/${didId}`);
  const queryClient = getQueryClient();
  try {
    await queryClient.fetchQuery(trpc.callRules.list.queryOptions({ owner: { didId } }));
  } catch (err) {
    if (err instanceof TRPCError && (err.code === "NOT_FOUND" || err.code === "BAD_REQUEST")) notFound();
    throw err;
  }
  await queryClient.prefetchQuery(trpc.callRules.destinations.queryOptions());
  return (
    <HydrateClient>
      <NumberPageClient didId={didId} />
    </HydrateClient>
  );
}
