"use client";

import { useQuery } from "@tanstack/react-query";
import { BillingSection } from "@/components/billing/billing-section";
import { TopUpRefusalsTable } from "@/components/billing/top-up-refusals-table";
import { useTRPC } from "@/components/providers/trpc-react";
import { PageHeader } from "@/components/ui/page-header";

type Customer = { id: string; name: string | null; partnerName: string | null };

const customerText = (c: Customer) => (c.name ? `${c.name} (${c.partnerName})` : `unknown id ${c.id}`);

/** The customer a refusal belongs to, or, for a session we never created, whom it claims. */
function CustomerCell({ customer, claimed }: { customer: Customer | null; claimed: Customer[] }) {
  if (customer) return <>{customerText(customer)}</>;
  if (claimed.length === 0) return <span className="text-gray-600">Names no customer</span>;
  return <span className="text-gray-700">Claims {claimed.map(customerText).join(", ")}</span>;
}

export function PaymentsPageClient() {
  const trpc = useTRPC();
  const refusals = useQuery(trpc.admin.topUpRefusal.find.queryOptions());
  return (
    <>
      <PageHeader
        title="Refused payments"
        description="Card payments Stripe reported as paid that credited nothing, on every partner, newest first. Partners see their customers' ones; sessions this portal never opened are unverified."
      />
      <BillingSection id="refused-payments" title="Refused card payments" query={refusals} isEmpty={(rows) => rows.length === 0} empty="No refused card payments.">
        {(rows) => (
          <TopUpRefusalsTable
            refusals={rows}
            caption="Refused card payments"
            customerColumn={{ title: "Customer", render: (r) => <CustomerCell customer={r.customer} claimed={r.claimedCustomers} /> }}
          />
        )}
      </BillingSection>
    </>
  );
}
