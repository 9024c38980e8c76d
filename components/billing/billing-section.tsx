"use client";

import type { ReactNode } from "react";
import { QueryError } from "@/components/layout/query-error";
import { Skeleton } from "@/components/ui/skeleton";

type QueryLike<T> = { data: T | undefined; isPending: boolean; isError: boolean; error: unknown; refetch: () => unknown };

type BillingSectionProps<T> = {
  id: string;
  title: string;
  description?: ReactNode;
  query: QueryLike<T>;
  isEmpty: (data: T) => boolean;
  empty: ReactNode;
  children: (data: T) => ReactNode;
  actions?: ReactNode;
};

/** A titled part of a billing page with its own loading, error and empty states. */
export function BillingSection<T>({ id, title, description, query, isEmpty, empty, children, actions }: BillingSectionProps<T>) {
  let body: ReactNode;
  if (query.isPending) {
    body = (
      <div role="status" aria-busy="true" aria-label={`Loading ${title.toLowerCase()}`} className="space-y-2">
        <Skeleton className="h-10 w-full" />
        <Skeleton className="h-10 w-full" />
      </div>
    );
  } else if (query.isError || query.data === undefined) {
    body = <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  } else if (isEmpty(query.data)) {
    body = <p className="rounded-lg border border-dashed border-gray-300 bg-white px-4 py-6 text-center text-sm text-gray-600">{empty}</p>;
  } else {
    body = children(query.data);
  }
  return (
    <section aria-labelledby={id} className="space-y-3">
      <div className="flex flex-wrap items-end justify-between gap-2">
        <div>
          <h2 id={id} className="text-base font-semibold text-gray-900">
            {title}
          </h2>
          {description && <p className="mt-0.5 text-sm text-gray-600">{description}</p>}
        </div>
        {actions}
      </div>
      {body}
    </section>
  );
}
