import { TRPCError } from "@trpc/server";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getQueryClient, trpc } from "@/server/api/rsc";
import { AUDIT_PAGING } from "@/components/audit/audit-query";
import { AccessDenied } from "@/components/layout/access-denied";
import { HydrateClient } from "@/components/providers/hydrate";
import { requireStaffUser } from "../../staff-user";
import { CustomerPageClient } from "./page-client";

export const metadata: Metadata = { title: "Customer" };

type CustomerPageProps = { params: Promise<{ customerId: string }> };

export default async function CustomerPage({ params }: CustomerPageProps) {
  const { customerId } = await params;
  const user = await requireStaffUser(`/admin/customers/${customerId}`);
  if (!user) return null;
  if (user.role !== "PARTNER_ADMIN") {
    return (
      <AccessDenied title="Partner admins only" backHref="/admin" backLabel="Back to partners">
        Customers are managed by their partner&apos;s administrators.
      </AccessDenied>
    );
  }

  const queryClient = getQueryClient();
  try {
    await queryClient.fetchQuery(trpc.admin.customer.get.queryOptions({ id: customerId }));
  } catch (err) {
    // Another partner's customer is NOT_FOUND too, so its existence is not revealed.
    if (err instanceof TRPCError && (err.code === "NOT_FOUND" || err.code === "BAD_REQUEST")) notFound();
    throw err;
  }
  await queryClient.prefetchQuery(trpc.tariff.find.queryOptions());
  await Promise.all([
    queryClient.prefetchQuery(trpc.admin.customer.extensions.queryOptions({ id: customerId })),
    queryClient.prefetchQuery(trpc.admin.customer.usage.queryOptions({ id: customerId })),
    queryClient.prefetchQuery(trpc.admin.billing.balance.queryOptions({ tenantId: customerId })),
    queryClient.prefetchQuery(trpc.admin.billing.ledger.queryOptions({ tenantId: customerId, page: 1 })),
    queryClient.prefetchQuery(trpc.admin.billing.topUps.queryOptions({ tenantId: customerId })),
    queryClient.prefetchQuery(trpc.admin.billing.topUpRefusals.queryOptions({ tenantId: customerId })),
    queryClient.prefetchQuery(trpc.accountPlan.find.queryOptions()),
  ]);
  await queryClient.prefetchInfiniteQuery(trpc.admin.audit.find.infiniteQueryOptions({ tenantId: customerId }, AUDIT_PAGING));

  return (
    <HydrateClient>
      <CustomerPageClient customerId={customerId} />
    </HydrateClient>
  );
}
