"use client";

import { useQuery, type QueryKey, type UseQueryOptions } from "@tanstack/react-query";
import { Fragment, useState } from "react";
import { useFormat } from "@/components/format/format-provider";
import { QueryError } from "@/components/layout/query-error";
import { Button } from "@/components/ui/button";
import { LocalTime } from "@/components/ui/local-time";
import { TBody, THead, Table, Td, Th, Tr } from "@/components/ui/table";
import { BillingSection } from "./billing-section";
import { isNegativeAmount, ledgerKindLabel } from "./format";
import type { LedgerPages } from "./use-ledger-pages";

export type HistoryRow = { id: string; kind: string; amount: string; currency: string; description: string; createdAt: Date; callDay?: { day: string; calls: number } | null };
type DayCalls = { items: { id: string; amount: string; currency: string; description: string; createdAt: Date }[]; total: number };
/** The query of one day's calls: the customer's billing.callsOfDay, or the partner's for a customer. */
export type CallsOfDayQuery<TData extends DayCalls = DayCalls, TError = unknown, TKey extends QueryKey = QueryKey> = (day: string, currency: string) => UseQueryOptions<TData, TError, TData, TKey>;

type HistorySectionProps<TData extends DayCalls, TError, TKey extends QueryKey> = { history: LedgerPages; callsOfDay: CallsOfDayQuery<TData, TError, TKey>; caption: string; emptyText: string; title?: string };

/** The billing history: calls as one row per day, opened to that day's calls on demand. */
export function HistorySection<TData extends DayCalls, TError, TKey extends QueryKey>({ history, callsOfDay, caption, emptyText, title = "Billing history" }: HistorySectionProps<TData, TError, TKey>) {
  const query = { data: history.isPending ? undefined : (history.entries as HistoryRow[]), isPending: history.isPending, isError: history.error !== null, error: history.error, refetch: history.refetch };
  return (
    <BillingSection
      id="billing-history"
      title={title}
      description={history.total > 0 ? `Showing ${history.entries.length} of ${history.total}, newest first. Calls are one line per day.` : undefined}
      query={query}
      isEmpty={(rows) => rows.length === 0}
      empty={emptyText}
    >
      {(rows) => (
        <div className="space-y-3">
          <HistoryTable rows={rows} caption={caption} callsOfDay={callsOfDay} />
          {history.hasMore && (
            <div className="flex justify-center">
              <Button variant="secondary" onClick={history.loadMore} isLoading={history.isLoadingMore}>
                Load more
              </Button>
            </div>
          )}
        </div>
      )}
    </BillingSection>
  );
}

function HistoryTable<TData extends DayCalls, TError, TKey extends QueryKey>({ rows, caption, callsOfDay }: { rows: readonly HistoryRow[]; caption: string; callsOfDay: CallsOfDayQuery<TData, TError, TKey> }) {
  const format = useFormat();
  const [open, setOpen] = useState<string | null>(null);
  return (
    <Table caption={caption}>
      <THead>
        <Th>Date</Th>
        <Th>Type</Th>
        <Th>Details</Th>
        <Th className="text-right">Amount</Th>
      </THead>
      <TBody>
        {rows.map((row) => {
          const isDebit = isNegativeAmount(row.amount);
          const isOpen = open === row.id;
          return (
            <Fragment key={row.id}>
              <Tr>
                <Td label="Date" className="whitespace-nowrap text-gray-700">
                  {row.callDay ? format.date(new Date(`${row.callDay.day}T12:00:00Z`)) : <LocalTime value={row.createdAt} />}
                </Td>
                <Td card="title" className="font-medium whitespace-nowrap text-gray-900">
                  {row.callDay ? "Calls" : ledgerKindLabel(row.kind)}
                </Td>
                <Td label="Details" className="min-w-64 text-gray-700">
                  {row.description}
                  {row.callDay && (
                    <Button variant="ghost" size="sm" className="ml-2" aria-expanded={isOpen} onClick={() => setOpen(isOpen ? null : row.id)}>
                      {isOpen ? "Hide calls" : "Show calls"}
                    </Button>
                  )}
                </Td>
                <Td label="Amount" className={`text-right font-medium whitespace-nowrap tabular-nums ${isDebit ? "text-red-700" : "text-green-700"}`}>
                  <span className="sr-only">{isDebit ? "Debit " : "Credit "}</span>
                  {format.signedMoney(row.amount, row.currency)}
                </Td>
              </Tr>
              {row.callDay && isOpen && (
                <Tr>
                  <Td colSpan={4} className="bg-gray-50">
                    <DayCallsList day={row.callDay.day} currency={row.currency} callsOfDay={callsOfDay} />
                  </Td>
                </Tr>
              )}
            </Fragment>
          );
        })}
      </TBody>
    </Table>
  );
}

function DayCallsList<TData extends DayCalls, TError, TKey extends QueryKey>({ day, currency, callsOfDay }: { day: string; currency: string; callsOfDay: CallsOfDayQuery<TData, TError, TKey> }) {
  const format = useFormat();
  const calls = useQuery(callsOfDay(day, currency));
  if (calls.isPending) return <p className="text-sm text-gray-700">Loading the calls…</p>;
  if (calls.isError) return <QueryError error={calls.error} onRetry={() => calls.refetch()} />;
  return (
    <div>
      <ul className="divide-y divide-gray-200 text-sm" aria-label={`Calls on ${day}`}>
        {calls.data.items.map((call) => (
          <li key={call.id} className="flex justify-between gap-4 py-1.5">
            <span className="text-gray-700">
              <LocalTime value={call.createdAt} /> · {call.description}
            </span>
            <span className="tabular-nums text-red-700">{format.signedMoney(call.amount, call.currency)}</span>
          </li>
        ))}
      </ul>
      {calls.data.total > calls.data.items.length && (
        <p className="mt-2 text-xs text-gray-600">
          Showing the latest {calls.data.items.length} of {calls.data.total} calls of this day.
        </p>
      )}
    </div>
  );
}
