import type { ReactNode } from "react";
import { getQueryClient, trpc } from "@/server/api/rsc";
import { fetchOrNotFound } from "../../fetch-or-not-found";

/** The partner's own tariffs only: a 404 decided before anything streams (tariffs/layout.tsx checks the role). */
export default async function TariffLayout({ children, params }: { children: ReactNode; params: Promise<{ tariffId: string }> }) {
  const { tariffId } = await params;
  // Same input as the page's and the client's first query, so neither fetches again.
  await fetchOrNotFound(() => getQueryClient().fetchQuery(trpc.tariff.get.queryOptions({ id: tariffId, page: 1 })));
  return children;
}
