import type { Metadata } from "next";
import { HydrateClient } from "@/components/providers/hydrate";
import { getQueryClient, trpc } from "@/server/api/rsc";
import { requirePortalAdmin } from "../../portal-user";
import { HolidaysPageClient } from "./page-client";

export const metadata: Metadata = { title: "Holidays" };

/** The company's holidays, which rules can follow ("not on holidays", "only on holidays"). */
export default async function HolidaysPage() {
  await requirePortalAdmin("/routing/holidays");
  const queryClient = getQueryClient();
  await queryClient.prefetchQuery(trpc.holidays.list.queryOptions());
  return (
    <HydrateClient>
      <HolidaysPageClient />
    </HydrateClient>
  );
}
