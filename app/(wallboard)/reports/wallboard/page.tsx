import type { Metadata } from "next";
import { requirePortalUser } from "@/app/(portal)/portal-user";
import { FormatProvider } from "@/components/format/format-provider";
import { HydrateClient } from "@/components/providers/hydrate";
import { TODAY } from "@/components/reports/wallboard-refresh";
import { getQueryClient, trpc } from "@/server/api/rsc";
import { ReportsWallboardPageClient } from "./page-client";

export const metadata: Metadata = { title: "Calls wallboard" };

/**
 * Today's calls, the comparison chart and the live extensions on one screen for a TV: outside
 * the portal's shell like the extensions wallboard, every pixel for figures.
 */
export default async function ReportsWallboardPage() {
  const user = await requirePortalUser("/reports/wallboard");
  const queryClient = getQueryClient();
  await Promise.all([
    queryClient.prefetchQuery(trpc.reports.table.queryOptions(TODAY)),
    queryClient.prefetchQuery(trpc.reports.chart.queryOptions(TODAY)),
    queryClient.prefetchQuery(trpc.presence.find.queryOptions()),
  ]);
  return (
    <FormatProvider settings={user.format}>
      <HydrateClient>
        <ReportsWallboardPageClient organisation={user.tenantName ?? "Your company"} />
      </HydrateClient>
    </FormatProvider>
  );
}
