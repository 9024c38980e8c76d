"use client";

import { useQueries, type QueryKey, type UseQueryOptions } from "@tanstack/react-query";
import { useState } from "react";
import type { LedgerRow } from "./ledger-table";

export type LedgerPage = { items: LedgerRow[]; total: number; page: number; pageCount: number };

export type LedgerPages = {
  entries: LedgerRow[];
  total: number;
  isPending: boolean;
  error: unknown;
  refetch: () => Promise<unknown>;
  hasMore: boolean;
  isLoadingMore: boolean;
  loadMore: () => void;
};

/**
 * "Load more" over the page-numbered ledger API: one cached query per page, so the server's
 * prefetch of page 1 hydrates as-is and an invalidation of the path refreshes every loaded page
 * together (new entries shift rows between pages; refetching all keeps the list seamless).
 */
export function useLedgerPages<TPage extends LedgerPage, TError, TKey extends QueryKey>(optionsFor: (page: number) => UseQueryOptions<TPage, TError, TPage, TKey>): LedgerPages {
  const [pageCount, setPageCount] = useState(1);
  const results = useQueries({ queries: Array.from({ length: pageCount }, (_, i) => optionsFor(i + 1)) as UseQueryOptions<TPage, TError, TPage, TKey>[] });
  const first = results[0];
  const last = results[results.length - 1];
  const seen = new Set<string>();
  // A row can appear on two pages for a moment while they refetch after a new entry.
  const entries = results.flatMap((r) => r.data?.items ?? []).filter((e) => !seen.has(e.id) && seen.add(e.id));
  const available = Math.max(1, ...results.map((r) => r.data?.pageCount ?? 0));
  const isLoadingMore = pageCount > 1 && (last?.isPending ?? false);
  return {
    entries,
    total: first?.data?.total ?? 0,
    isPending: first?.isPending ?? true,
    error: results.find((r) => r.isError)?.error ?? null,
    refetch: () => Promise.all(results.map((r) => r.refetch())),
    hasMore: pageCount < available || isLoadingMore,
    isLoadingMore,
    loadMore: () => setPageCount((n) => n + 1),
  };
}
