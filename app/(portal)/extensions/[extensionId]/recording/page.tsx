import type { Metadata } from "next";
import { TRPCError } from "@trpc/server";
import { forbidden, notFound } from "next/navigation";
import { HydrateClient } from "@/components/providers/hydrate";
import { getQueryClient, trpc } from "@/server/api/rsc";
import { requirePortalUser } from "../../../portal-user";
import { ExtensionRecordingPageClient } from "./page-client";

export const metadata: Metadata = { title: "Call recording" };

type Props = { params: Promise<{ extensionId: string }> };

/** Which calls an extension's line records: admins change it, the owner may look. */
export default async function ExtensionRecordingPage({ params }: Props) {
  const { extensionId } = await params;
  await requirePortalUser(`/extensions/${extensionId}/recording`);
  try {
    await getQueryClient().fetchQuery(trpc.recording.settings.queryOptions({ extensionId }));
  } catch (err) {
    if (err instanceof TRPCError && (err.code === "NOT_FOUND" || err.code === "BAD_REQUEST")) notFound();
    if (err instanceof TRPCError && err.code === "FORBIDDEN") forbidden();
    throw err;
  }
  return (
    <HydrateClient>
      <ExtensionRecordingPageClient extensionId={extensionId} />
    </HydrateClient>
  );
}
