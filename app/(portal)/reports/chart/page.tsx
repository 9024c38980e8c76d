import type { Metadata } from "next";
import { HydrateClient } from "@/components/providers/hydrate";
import { defaultSelection } from "@/components/reports/chart-selection";
import { getQueryClient, trpc } from "@/server/api/rsc";
import { requirePortalUser } from "../../portal-user";
import { ReportsChartPageClient } from "./page-client";

export const metadata: Metadata = { title: "Call reports chart" };

/** Everyone: extension users compare their own extensions only (the services decide). */
export default async function ReportsChartPage() {
  await requirePortalUser("/reports/chart");
  const queryClient = getQueryClient();
  const extensions = await queryClient.fetchQuery(trpc.extension.find.queryOptions());
  // The client compares the same first extensions to start with, so this prefetch is its first query.
  const initialSelection = defaultSelection(extensions);
  if (initialSelection.length > 0) await queryClient.prefetchQuery(trpc.reports.chart.queryOptions({ range: { preset: "today" }, extensionIds: initialSelection }));
  return (
    <HydrateClient>
      <ReportsChartPageClient />
    </HydrateClient>
  );
}
