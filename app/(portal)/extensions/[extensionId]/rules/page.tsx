import type { Metadata } from "next";
import { TRPCError } from "@trpc/server";
import { forbidden, notFound } from "next/navigation";
import { HydrateClient } from "@/components/providers/hydrate";
import { getQueryClient, trpc } from "@/server/api/rsc";
import { requirePortalUser } from "../../../portal-user";
import { ExtensionRulesPageClient } from "./page-client";

export const metadata: Metadata = { title: "Extension rules" };

type Props = { params: Promise<{ extensionId: string }> };

/** An extension's call rules and call flow: its owner's or an administrator's to change. */
export default async function ExtensionRulesPage({ params }: Props) {
  const { extensionId } = await params;
  await requirePortalUser(`/extensions/${extensionId}/rules`);
  const queryClient = getQueryClient();
  try {
    await queryClient.fetchQuery(trpc.callRules.list.queryOptions({ owner: { extensionId } }));
  } catch (err) {
    if (err instanceof TRPCError && (err.code === "NOT_FOUND" || err.code === "BAD_REQUEST")) notFound();
    if (err instanceof TRPCError && err.code === "FORBIDDEN") forbidden();
    throw err;
  }
  await queryClient.prefetchQuery(trpc.callRules.destinations.queryOptions());
  return (
    <HydrateClient>
      <ExtensionRulesPageClient extensionId={extensionId} />
    </HydrateClient>
  );
}
