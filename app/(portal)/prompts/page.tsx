import type { Metadata } from "next";
import { HydrateClient } from "@/components/providers/hydrate";
import { getQueryClient, trpc } from "@/server/api/rsc";
import { requirePortalAdmin } from "../portal-user";
import { PromptsPageClient } from "./page-client";

export const metadata: Metadata = { title: "Voice prompts" };

export default async function PromptsPage() {
  await requirePortalAdmin("/prompts");
  await getQueryClient().prefetchQuery(trpc.voicePrompt.find.queryOptions());
  return (
    <HydrateClient>
      <PromptsPageClient />
    </HydrateClient>
  );
}
