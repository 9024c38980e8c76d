"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { AccountsTable } from "@/components/billing/accounts-table";
import { BalanceCard } from "@/components/billing/balance-card";
import { BillingSection } from "@/components/billing/billing-section";
import { HistorySection } from "@/components/billing/history-section";
import { PurchasesTable } from "@/components/billing/purchases-table";
import { TopUpRefusalsTable } from "@/components/billing/top-up-refusals-table";
import { TopUpsTable } from "@/components/billing/top-ups-table";
import { useLedgerPages } from "@/components/billing/use-ledger-pages";
import { QueryError } from "@/components/layout/query-error";
import { useTRPC } from "@/components/providers/trpc-react";
import { Button } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/skeleton";
import { CreditDialog } from "./credit-dialog";
import { CustomerCreditCard } from "./credit-limit-form";
import { CustomerPlansCard } from "./customer-plans-card";

/** A partner's view of one customer's money: the same tables the customer sees, plus credits. */
export function CustomerBillingSection({ customer }: { customer: { id: string; name: string } }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const tenantId = customer.id;
  const balance = useQuery(trpc.admin.billing.balance.queryOptions({ tenantId }));
  const ledger = useLedgerPages((page) => trpc.admin.billing.ledger.queryOptions({ tenantId, page }));
  const history = useLedgerPages((page) => trpc.admin.billing.history.queryOptions({ tenantId, page }));
  const purchases = useQuery(trpc.admin.billing.purchases.queryOptions({ tenantId }));
  const accounts = useQuery(trpc.admin.billing.accounts.queryOptions({ tenantId }));
  const topUps = useQuery(trpc.admin.billing.topUps.queryOptions({ tenantId }));
  const refusals = useQuery(trpc.admin.billing.topUpRefusals.queryOptions({ tenantId }));
  const [isCrediting, setCrediting] = useState(false);
  const credit = useMutation(
    trpc.admin.billing.credit.mutationOptions({
      onSuccess: () =>
        Promise.all([
          queryClient.invalidateQueries(trpc.admin.billing.balance.pathFilter()),
          queryClient.invalidateQueries(trpc.admin.billing.ledger.pathFilter()),
          queryClient.invalidateQueries(trpc.admin.billing.history.pathFilter()),
          queryClient.invalidateQueries(trpc.admin.billing.creditState.pathFilter()),
          queryClient.invalidateQueries(trpc.admin.audit.find.pathFilter()),
        ]),
    }),
  );
  const currency = balance.data?.[0]?.currency ?? "GBP";

  return (
    <section aria-labelledby="customer-billing" className="space-y-6">
      <h2 id="customer-billing" className="text-lg font-semibold text-gray-900">
        Billing
      </h2>
      {balance.isPending ? (
        <Skeleton className="h-32 w-full" />
      ) : balance.isError ? (
        <QueryError error={balance.error} onRetry={() => balance.refetch()} />
      ) : (
        <BalanceCard
          balances={balance.data}
          entries={ledger.entries}
          actions={
            <Button variant="secondary" onClick={() => setCrediting(true)}>
              Credit account
            </Button>
          }
        />
      )}
      <CustomerPlansCard customer={customer} />
      <CustomerCreditCard customer={customer} />
      <HistorySection
        history={history}
        callsOfDay={(day, currency) => trpc.admin.billing.callsOfDay.queryOptions({ tenantId, day, currency })}
        title="Billing history"
        caption={`Transactions of ${customer.name}`}
        emptyText="No transactions yet."
      />
      <BillingSection
        id="customer-top-up-refusals"
        title="Refused card payments"
        description="Payments Stripe reported as paid that added nothing to the balance: refund them in Stripe, or credit the customer by hand. Unverified ones come from a session this portal never opened that names this customer."
        query={refusals}
        isEmpty={(rows) => rows.length === 0}
        empty="No refused card payments."
      >
        {(rows) => <TopUpRefusalsTable refusals={rows} caption={`Refused card payments of ${customer.name}`} />}
      </BillingSection>
      <BillingSection id="customer-top-ups" title="Card top-ups" query={topUps} isEmpty={(rows) => rows.length === 0} empty="No card top-ups yet.">
        {(rows) => <TopUpsTable topUps={rows} caption={`Card top-ups of ${customer.name}`} audience="staff" />}
      </BillingSection>
      <BillingSection id="customer-purchases" title="Purchases" query={purchases} isEmpty={(rows) => rows.length === 0} empty="No purchases yet.">
        {(rows) => <PurchasesTable purchases={rows} caption={`Purchases of ${customer.name}`} />}
      </BillingSection>
      <BillingSection id="customer-accounts" title="Accounts" query={accounts} isEmpty={(rows) => rows.length === 0} empty="No SIP accounts yet.">
        {(rows) => <AccountsTable accounts={rows} caption={`SIP accounts of ${customer.name}`} />}
      </BillingSection>
      <CreditDialog customer={isCrediting ? customer : null} currency={currency} onClose={() => setCrediting(false)} submit={(input) => credit.mutateAsync(input)} />
    </section>
  );
}
