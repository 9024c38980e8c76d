"use client";

import { Button } from "@/components/ui/button";
import { BillingSection } from "./billing-section";
import { LedgerTable } from "./ledger-table";
import type { LedgerPages } from "./use-ledger-pages";

type LedgerSectionProps = { ledger: LedgerPages; caption: string; emptyText: string; title?: string };

/** Transactions with "Load more"; the count says how many of how many are shown. */
export function LedgerSection({ ledger, caption, emptyText, title = "Transactions" }: LedgerSectionProps) {
  const query = { data: ledger.isPending ? undefined : ledger.entries, isPending: ledger.isPending, isError: ledger.error !== null, error: ledger.error, refetch: ledger.refetch };
  return (
    <BillingSection
      id="billing-transactions"
      title={title}
      description={ledger.total > 0 ? `Showing ${ledger.entries.length} of ${ledger.total}, newest first.` : undefined}
      query={query}
      isEmpty={(entries) => entries.length === 0}
      empty={emptyText}
    >
      {(entries) => (
        <div className="space-y-3">
          <LedgerTable entries={entries} caption={caption} />
          {ledger.hasMore && (
            <div className="flex justify-center">
              <Button variant="secondary" onClick={ledger.loadMore} isLoading={ledger.isLoadingMore}>
                Load more
              </Button>
            </div>
          )}
        </div>
      )}
    </BillingSection>
  );
}
