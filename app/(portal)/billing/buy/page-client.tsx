"use client";

import { useFormat } from "@/components/format/format-provider";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRef, useState } from "react";
import { countByType } from "@/components/billing/accounts-table";
import { PurchaseDone, type PurchaseOutcome } from "@/components/billing/buy/purchase-done";
import { PurchaseError } from "@/components/billing/purchase-error";
import { AccountTypePicker } from "@/components/billing/buy/account-type-picker";
import { QuantityStepper } from "@/components/billing/buy/quantity-stepper";
import { QuoteSummary } from "@/components/billing/buy/quote-summary";
import { newIdempotencyKey } from "@/components/billing/idempotency-key";
import { TopUpDialog } from "@/components/billing/top-up-dialog";
import { useTRPC } from "@/components/providers/trpc-react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { errorMessage } from "@/components/ui/errors";
import { ChevronLeftIcon } from "@/components/ui/icons";
import { PageHeader } from "@/components/ui/page-header";
import { Skeleton } from "@/components/ui/skeleton";
import { useDebounced } from "@/components/ui/use-debounced";
import { MAX_PURCHASE_QUANTITY, ZQuoteInput, type TAccountType } from "@/server/modules/billing/schema";

export function BuyAccountsPageClient() {
  const format = useFormat();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [accountType, setAccountType] = useState<TAccountType>("CENTREX_LINE");
  const [quantityText, setQuantityText] = useState("1");
  const [outcome, setOutcome] = useState<PurchaseOutcome | null>(null);
  const [isToppingUp, setToppingUp] = useState(false);
  // One key per confirmed intent. A ref, not state: a second click in the same frame reads it
  // synchronously, so a double click, or a retry after an error, sends the same key.
  const intentKey = useRef<string | null>(null);

  const parsed = ZQuoteInput.safeParse({ accountType, quantity: quantityText.trim() === "" ? Number.NaN : Number(quantityText) });
  const selection = parsed.success ? parsed.data : null;
  const debounced = useDebounced(selection, 300);
  const balance = useQuery(trpc.billing.balance.queryOptions());
  const accounts = useQuery(trpc.billing.accounts.queryOptions());
  const quote = useQuery(
    trpc.billing.quote.queryOptions(debounced ?? { accountType, quantity: 1 }, { enabled: debounced !== null, placeholderData: keepPreviousData }),
  );
  // Confirm only what is on screen: the quote must be for exactly the current selection.
  const isQuoteCurrent =
    selection !== null && !quote.isPlaceholderData && quote.data !== undefined && debounced?.accountType === selection.accountType && debounced.quantity === selection.quantity;

  const purchase = useMutation(
    trpc.billing.purchase.mutationOptions({
      onSuccess: async (result) => {
        setOutcome(result);
        const billing = trpc.billing;
        await Promise.all(
          [billing.balance, billing.ledger, billing.purchases, billing.accounts, billing.quote].map((procedure) => queryClient.invalidateQueries(procedure.pathFilter())),
        );
      },
    }),
  );
  const changeSelection = (apply: () => void) => {
    intentKey.current = null; // a different order is a different intent
    purchase.reset();
    apply();
  };
  const confirm = () => {
    if (!selection || purchase.isPending) return;
    intentKey.current ??= newIdempotencyKey();
    purchase.mutate(
      { ...selection, idempotencyKey: intentKey.current },
      // Done: the next order, even an identical one, is a new intent with a new key.
      { onSuccess: () => void (intentKey.current = null) },
    );
  };

  const currency = balance.data?.[0]?.currency ?? quote.data?.currency ?? "GBP";
  const back = (
    <Link href="/billing" className="inline-flex items-center gap-1 rounded text-sm font-medium text-gray-600 hover:text-gray-900 focus-visible:outline-2 focus-visible:outline-indigo-600">
      <ChevronLeftIcon className="size-4" /> Billing
    </Link>
  );

  return (
    <>
      <PageHeader back={back} title="Buy accounts" description="Accounts are paid from your balance. The more of a type you have, the less each one costs." />
      {outcome ? (
        <PurchaseDone outcome={outcome} onBuyMore={() => changeSelection(() => setOutcome(null))} />
      ) : (
        <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_minmax(0,26rem)]">
          <Card className="space-y-6 self-start">
            <AccountTypePicker
              value={accountType}
              onChange={(type) => changeSelection(() => setAccountType(type))}
              counts={Object.fromEntries(countByType(accounts.data ?? []).map((c) => [c.type, c.count]))}
            />
            <QuantityStepper
              value={quantityText}
              onChange={(value) => changeSelection(() => setQuantityText(value))}
              error={parsed.success ? undefined : parsed.error.issues.find((i) => i.path[0] === "quantity")?.message}
            />
            {balance.data?.[0] && (
              <p className="text-sm text-gray-700">
                Your balance: <span className="font-medium text-gray-900 tabular-nums">{format.money(balance.data[0].amount, balance.data[0].currency)}</span>
              </p>
            )}
          </Card>
          <Card title="Your quote" className="self-start">
            <div aria-live="polite" aria-busy={selection !== null && (quote.isFetching || !isQuoteCurrent)}>
              {!selection ? (
                // The last valid quote must not stay on screen for a quantity it does not price.
                <p className="text-sm text-gray-600">Choose a quantity from 1 to {MAX_PURCHASE_QUANTITY} to see the price.</p>
              ) : quote.isError ? (
                <p role="alert" className="text-sm text-red-700">{errorMessage(quote.error)}</p>
              ) : quote.data ? (
                <div className={isQuoteCurrent ? "" : "opacity-60"}>
                  <QuoteSummary quote={quote.data} accountType={debounced?.accountType ?? accountType} />
                </div>
              ) : (
                <div role="status" aria-label="Working out the price" className="space-y-2">
                  <Skeleton className="h-8 w-full" />
                  <Skeleton className="h-24 w-full" />
                </div>
              )}
              {selection && !isQuoteCurrent && quote.data && <p className="mt-2 text-xs text-gray-600">Updating the price…</p>}
            </div>
            <PurchaseError error={purchase.error} onTopUp={() => setToppingUp(true)} className="mt-4" />
            <Button className="mt-5 w-full" onClick={confirm} isLoading={purchase.isPending} disabled={!isQuoteCurrent}>
              Confirm purchase
            </Button>
          </Card>
        </div>
      )}
      <TopUpDialog open={isToppingUp} onClose={() => setToppingUp(false)} currency={currency} />
    </>
  );
}
