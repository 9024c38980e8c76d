"use client";

import { useQuery } from "@tanstack/react-query";
import { BillingSection } from "@/components/billing/billing-section";
import { useFormat } from "@/components/format/format-provider";
import type { Formatter } from "@/components/format/formatter";
import { useTRPC } from "@/components/providers/trpc-react";
import { Card, DetailList } from "@/components/ui/card";
import { RecentCallsTable } from "@/components/usage/recent-calls-table";
import { UsageChart } from "@/components/usage/usage-chart";
import { formatMinutes } from "@/components/usage/usage-model";

type Charge = { currency: string; amount: string };
const chargesText = (charges: readonly Charge[], format: Formatter) => (charges.length === 0 ? "None" : charges.map((c) => format.money(c.amount, c.currency)).join(" + "));

/** A partner's view of one customer's calls: the last 30 days in figures and bars, and the latest calls. */
export function CustomerUsageSection({ customer }: { customer: { id: string; name: string } }) {
  const trpc = useTRPC();
  const format = useFormat();
  const usage = useQuery(trpc.admin.customer.usage.queryOptions({ id: customer.id }));
  return (
    <BillingSection
      id="customer-usage"
      title="Usage"
      description="Calls of the last 30 days, in the customer's time zone. View only."
      query={usage}
      isEmpty={() => false}
      empty={null}
    >
      {(data) => (
        <div className="space-y-4" data-testid="customer-usage">
          <Card>
            <DetailList
              items={[
                { label: "Calls", value: data.total.calls },
                { label: "Billed minutes", value: formatMinutes(data.total.billableSec) },
                { label: "Charges", value: chargesText(data.total.charges, format) },
                { label: "Time zone", value: data.timeZone },
              ]}
            />
            <div className="mt-5">
              {data.total.calls === 0 ? (
                <p className="rounded-lg border border-dashed border-gray-300 px-4 py-6 text-center text-sm text-gray-600">No calls in the last 30 days</p>
              ) : (
                <UsageChart days={data.days} />
              )}
            </div>
          </Card>
          {data.recentCalls.length > 0 && (
            <div className="space-y-2">
              <h3 className="text-sm font-semibold text-gray-900">Latest calls</h3>
              <RecentCallsTable calls={data.recentCalls} caption={`Latest calls of ${customer.name}`} />
            </div>
          )}
        </div>
      )}
    </BillingSection>
  );
}
