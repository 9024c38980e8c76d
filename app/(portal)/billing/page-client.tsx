"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { AccountsTable } from "@/components/billing/accounts-table";
import { BalanceCard } from "@/components/billing/balance-card";
import { BillingSection } from "@/components/billing/billing-section";
import { CreditCard } from "@/components/billing/credit-card";
import { HistorySection } from "@/components/billing/history-section";
import { PurchasesTable } from "@/components/billing/purchases-table";
import { TopUpDialog } from "@/components/billing/top-up-dialog";
import { TopUpsTable } from "@/components/billing/top-ups-table";
import { useLedgerPages } from "@/components/billing/use-ledger-pages";
import { AccessDenied } from "@/components/layout/access-denied";
import { QueryError } from "@/components/layout/query-error";
import { useTRPC } from "@/components/providers/trpc-react";
import { Button, buttonClasses } from "@/components/ui/button";
import { AlertIcon, CheckCircleIcon, PlusIcon } from "@/components/ui/icons";
import { PageHeader } from "@/components/ui/page-header";
import { TableSkeleton } from "@/components/ui/skeleton";

export type TopUpOutcome = "success" | "cancelled" | null;

export function BillingPageClient({ topUpOutcome }: { topUpOutcome: TopUpOutcome }) {
  const trpc = useTRPC();
  const balance = useQuery(trpc.billing.balance.queryOptions());
  const ledger = useLedgerPages((page) => trpc.billing.ledger.queryOptions({ page }));
  const history = useLedgerPages((page) => trpc.billing.history.queryOptions({ page }));
  const credit = useQuery(trpc.billing.credit.queryOptions());
  const purchases = useQuery(trpc.billing.purchases.queryOptions());
  const accounts = useQuery(trpc.billing.accounts.queryOptions());
  const topUps = useQuery(trpc.billing.topUps.queryOptions());
  const [isToppingUp, setToppingUp] = useState(false);

  if (balance.isPending) return <TableSkeleton label="Loading billing" />;
  if (balance.isError) {
    if (balance.error.data?.code === "FORBIDDEN") return <AccessDenied />;
    return <QueryError error={balance.error} onRetry={() => balance.refetch()} />;
  }
  const currency = balance.data[0]?.currency ?? "GBP";

  return (
    <>
      <PageHeader
        title="Billing"
        description="Your balance, what it was spent on, and the phone accounts you pay for each month."
        actions={
          <>
            <Button variant="secondary" onClick={() => setToppingUp(true)}>
              Top up
            </Button>
            <Link href="/billing/buy" className={buttonClasses()}>
              <PlusIcon className="size-4" /> Buy accounts
            </Link>
          </>
        }
      />
      <div className="space-y-8">
        {topUpOutcome && <TopUpNotice outcome={topUpOutcome} />}
        <BalanceCard balances={balance.data} entries={ledger.entries} />
        {credit.data && <CreditCard credit={credit.data} />}
        <HistorySection
          history={history}
          callsOfDay={(day, currency) => trpc.billing.callsOfDay.queryOptions({ day, currency })}
          caption="Transactions"
          emptyText="No transactions yet. Top up or ask your provider for credit to get started."
        />
        <BillingSection
          id="billing-top-ups"
          title="Card top-ups"
          description="Every card top-up you started, newest first, and whether it reached your balance."
          query={topUps}
          isEmpty={(rows) => rows.length === 0}
          empty="No card top-ups yet."
        >
          {(rows) => <TopUpsTable topUps={rows} caption="Card top-ups" audience="customer" />}
        </BillingSection>
        <BillingSection
          id="billing-purchases"
          title="Purchases"
          query={purchases}
          isEmpty={(rows) => rows.length === 0}
          empty={
            <>
              No purchases yet. Add phone lines with{" "}
              <Link href="/billing/buy" className="font-medium text-indigo-700 hover:underline">
                Buy your first accounts
              </Link>
              .
            </>
          }
        >
          {(rows) => <PurchasesTable purchases={rows} caption="Purchases" />}
        </BillingSection>
        <BillingSection
          id="billing-accounts"
          title="Accounts"
          description="SIP accounts by type, with the monthly price each is charged and the extension using it."
          query={accounts}
          isEmpty={(rows) => rows.length === 0}
          empty="You have no SIP accounts yet."
        >
          {(rows) => <AccountsTable accounts={rows} caption="SIP accounts" />}
        </BillingSection>
      </div>
      <TopUpDialog open={isToppingUp} onClose={() => setToppingUp(false)} currency={currency} />
    </>
  );
}

/** Stripe sends the customer back before its webhook may have arrived: say so, honestly. */
function TopUpNotice({ outcome }: { outcome: "success" | "cancelled" }) {
  const isSuccess = outcome === "success";
  return (
    <p
      role="status"
      className={`flex items-start gap-2 rounded-lg border p-4 text-sm ${isSuccess ? "border-green-200 bg-green-50 text-green-900" : "border-gray-200 bg-white text-gray-800"}`}
    >
      {isSuccess ? <CheckCircleIcon className="size-5 shrink-0" /> : <AlertIcon className="size-5 shrink-0" />}
      {isSuccess
        ? "Thank you: your payment was taken. The credit appears in your balance as soon as the card payment is confirmed, usually within a minute."
        : "The top-up was cancelled. Nothing was charged."}
    </p>
  );
}
