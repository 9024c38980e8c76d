"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { useFormat } from "@/components/format/format-provider";
import { PhoneNumberText } from "@/components/format/phone-number-text";
import { BuyNumberDialog, type BoughtNumber } from "@/components/numbers-shop/buy-number-dialog";
import { NumberSearchForm } from "@/components/numbers-shop/number-search-form";
import { OffersTable, type OfferView } from "@/components/numbers-shop/offers-table";
import { useTRPC } from "@/components/providers/trpc-react";
import { buttonClasses } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { errorMessage } from "@/components/ui/errors";
import { CheckCircleIcon, SearchIcon } from "@/components/ui/icons";
import { PageHeader } from "@/components/ui/page-header";
import { TableSkeleton } from "@/components/ui/skeleton";
import type { TNumberSearchInput } from "@/server/modules/numbers/shop/schema";

const FIRST_SEARCH: TNumberSearchInput = { countryIso: "GB" };

export function BuyNumbersPageClient() {
  const format = useFormat();
  const trpc = useTRPC();
  const [query, setQuery] = useState<TNumberSearchInput>(FIRST_SEARCH);
  const [chosen, setChosen] = useState<OfferView | null>(null);
  const [bought, setBought] = useState<BoughtNumber | null>(null);
  const search = useQuery(trpc.numberShop.search.queryOptions(query, { placeholderData: keepPreviousData, staleTime: 30_000 }));

  return (
    <>
      <PageHeader title="Buy numbers" description="Find a number by country, area and digits. Gold and silver numbers, easy to remember, cost a little more." />
      {bought && (
        <div role="status" className="mb-6 flex flex-col gap-3 rounded-lg border border-green-200 bg-green-50 p-4 text-sm text-green-900 sm:flex-row sm:items-center sm:justify-between">
          <p className="flex items-center gap-2">
            <CheckCircleIcon className="size-5 shrink-0" />
            <span>
              <PhoneNumberText e164={bought.number} locale={format.locale} /> {bought.status === "COMPLETED" ? "is yours." : "is on order: it appears in your numbers as soon as the supplier confirms it."}
            </span>
          </p>
          <Link href="/numbers" className={buttonClasses({ variant: "secondary", size: "sm" })}>
            Choose where it rings
          </Link>
        </div>
      )}
      <Card className="mb-6">
        <NumberSearchForm initial={FIRST_SEARCH} isSearching={search.isFetching} onSearch={setQuery} />
      </Card>
      <section aria-label="Search results" aria-busy={search.isFetching}>
        {search.data?.supplierNotice && (
          <p role="status" className="mb-4 rounded-md border border-amber-200 bg-amber-50 p-3 text-sm text-amber-900">
            {search.data.supplierNotice}
          </p>
        )}
        {search.isError ? (
          <p role="alert" className="text-sm text-red-700">{errorMessage(search.error)}</p>
        ) : !search.data ? (
          <TableSkeleton label="Searching for numbers" />
        ) : search.data.offers.length === 0 ? (
          <EmptyState
            icon={<SearchIcon className="size-6" />}
            title="No numbers match"
            description="Try another area, fewer digits, or another country. Your provider may not offer numbers everywhere."
          />
        ) : (
          <div className={search.isPlaceholderData ? "opacity-60" : ""}>
            <OffersTable offers={search.data.offers} onBuy={(offer) => setChosen(offer)} />
          </div>
        )}
      </section>
      <BuyNumberDialog
        key={chosen?.number ?? "none"}
        offer={chosen}
        onClose={() => setChosen(null)}
        onBought={(result) => {
          setChosen(null);
          setBought(result);
        }}
      />
    </>
  );
}
