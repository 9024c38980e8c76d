import type { Metadata } from "next";
import { PartnerCallbackPolicyCard } from "@/components/callback-admin/partner-callback-policy-card";
import { HydrateClient } from "@/components/providers/hydrate";
import { PageHeader } from "@/components/ui/page-header";
import { getQueryClient, trpc } from "@/server/api/rsc";
import { requireStaffRole } from "../staff-user";

export const metadata: Metadata = { title: "Web callback" };

/** The partner's callback number policy; each customer's own limits are on its page. */
export default async function CallbackPolicyPage() {
  await requireStaffRole("/admin/callbacks", "PARTNER_ADMIN");
  await getQueryClient().prefetchQuery(trpc.admin.callbackPolicy.getPartner.queryOptions());
  return (
    <HydrateClient>
      <PageHeader title="Web callback" description="Toll-fraud protection for your customers' callbacks. Countries, callbacks at once and daily spend are set per customer, on the customer's page." />
      <PartnerCallbackPolicyCard />
    </HydrateClient>
  );
}
