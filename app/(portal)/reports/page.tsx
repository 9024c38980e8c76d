import type { Metadata } from "next";
import { HydrateClient } from "@/components/providers/hydrate";
import { getQueryClient, trpc } from "@/server/api/rsc";
import { requirePortalUser } from "../portal-user";
import { ReportsTablePageClient } from "./page-client";

export const metadata: Metadata = { title: "Call reports" };

/** Everyone: admins report on the company, extension users on their own line (the service decides). */
export default async function ReportsPage() {
  const user = await requirePortalUser("/reports");
  const isAdmin = user.role === "CUSTOMER_ADMIN";
  const queryClient = getQueryClient();
  await Promise.all([
    queryClient.prefetchQuery(trpc.reports.table.queryOptions({ range: { preset: "today" } })),
    isAdmin ? queryClient.prefetchQuery(trpc.extension.find.queryOptions()) : null,
  ]);
  return (
    <HydrateClient>
      <ReportsTablePageClient isAdmin={isAdmin} />
    </HydrateClient>
  );
}
