import type { Metadata } from "next";
import { requirePortalUser } from "@/app/(portal)/portal-user";
import { getQueryClient, trpc } from "@/server/api/rsc";
import { FormatProvider } from "@/components/format/format-provider";
import { HydrateClient } from "@/components/providers/hydrate";
import { WallboardPageClient } from "./page-client";

export const metadata: Metadata = { title: "Wallboard" };

/**
 * The wallboard lives outside the portal's route group on purpose: no sidebar, no header,
 * every pixel for tiles on a TV or a reception console that shows it all day.
 */
export default async function WallboardPage() {
  const user = await requirePortalUser("/extensions/wallboard");
  const queryClient = getQueryClient();
  await Promise.all([queryClient.prefetchQuery(trpc.presence.find.queryOptions()), queryClient.prefetchQuery(trpc.callQueues.live.queryOptions())]);
  return (
    <FormatProvider settings={user.format}>
      <HydrateClient>
        <WallboardPageClient organisation={user.tenantName ?? "Your company"} />
      </HydrateClient>
    </FormatProvider>
  );
}
