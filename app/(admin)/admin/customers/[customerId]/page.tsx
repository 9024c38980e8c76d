import type { Metadata } from "next";
import { getQueryClient, trpc } from "@/server/api/rsc";
import { AUDIT_PAGING } from "@/components/audit/audit-query";
import { fetchOrNotFound } from "../../fetch-or-not-found";
import { HydrateClient } from "@/components/providers/hydrate";
import { requireStaffRole } from "../../staff-user";
import { CustomerPageClient } from "./page-client";

export const metadata: Metadata = { title: "Customer" };

type CustomerPageProps = { params: Promise<{ customerId: string }> };

export default async function CustomerPage({ params }: CustomerPageProps) {
  const { customerId } = await params;
  await requireStaffRole(`/admin/customers/${customerId}`, "PARTNER_ADMIN");

  const queryClient = getQueryClient();
  await fetchOrNotFound(() => getQueryClient().fetchQuery(trpc.admin.customer.get.queryOptions({ id: customerId })));
  await queryClient.prefetchQuery(trpc.tariff.find.queryOptions());
  await Promise.all([
    queryClient.prefetchQuery(trpc.admin.customer.extensions.queryOptions({ id: customerId })),
    queryClient.prefetchQuery(trpc.admin.customer.usage.queryOptions({ id: customerId })),
    queryClient.prefetchQuery(trpc.admin.billing.balance.queryOptions({ tenantId: customerId })),
    queryClient.prefetchQuery(trpc.admin.billing.ledger.queryOptions({ tenantId: customerId, page: 1 })),
    queryClient.prefetchQuery(trpc.admin.billing.history.queryOptions({ tenantId: customerId, page: 1 })),
    queryClient.prefetchQuery(trpc.admin.billing.creditState.queryOptions({ tenantId: customerId })),
    queryClient.prefetchQuery(trpc.admin.billing.topUps.queryOptions({ tenantId: customerId })),
    queryClient.prefetchQuery(trpc.admin.billing.topUpRefusals.queryOptions({ tenantId: customerId })),
    queryClient.prefetchQuery(trpc.accountPlan.find.queryOptions()),
    queryClient.prefetchQuery(trpc.admin.callbackPolicy.getCustomer.queryOptions({ tenantId: customerId })),
  ]);
  await queryClient.prefetchInfiniteQuery(trpc.admin.audit.find.infiniteQueryOptions({ tenantId: customerId }, AUDIT_PAGING));

  return (
    <HydrateClient>
      <CustomerPageClient customerId={customerId} />
    </HydrateClient>
  );
}
