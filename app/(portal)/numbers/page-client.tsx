"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { CancelNumberDialog } from "@/components/numbers/cancel-number-dialog";
import { DestinationDialog } from "@/components/numbers/destination-dialog";
import { NumbersTable } from "@/components/numbers/numbers-table";
import { AccessDenied } from "@/components/layout/access-denied";
import { QueryError } from "@/components/layout/query-error";
import { useTRPC } from "@/components/providers/trpc-react";
import { buttonClasses } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { TableSkeleton } from "@/components/ui/skeleton";
import type { NumberView } from "@/server/modules/numbers/tenant/service";

export function NumbersPageClient() {
  const trpc = useTRPC();
  const numbers = useQuery(trpc.numbers.find.queryOptions());
  const [editing, setEditing] = useState<NumberView | null>(null);
  const [cancelling, setCancelling] = useState<NumberView | null>(null);

  const header = <PageHeader title="Numbers" description="Your company’s phone numbers, what each costs, and where its calls go." />;
  if (numbers.isPending) return <TableSkeleton label="Loading numbers" />;
  if (numbers.isError) {
    if (numbers.error.data?.code === "FORBIDDEN") return <AccessDenied />;
    return <QueryError error={numbers.error} onRetry={() => numbers.refetch()} />;
  }
  return (
    <>
      {header}
      {numbers.data.length === 0 ? (
        <EmptyState
          title="No numbers yet"
          description="Buy a number and choose where its calls go."
          action={<Link href="/numbers/buy" className={buttonClasses()}>Buy a number</Link>}
        />
      ) : (
        <NumbersTable numbers={numbers.data} onEditDestination={setEditing} onCancel={setCancelling} />
      )}
      <DestinationDialog number={editing} onClose={() => setEditing(null)} />
      <CancelNumberDialog number={cancelling} onClose={() => setCancelling(null)} />
    </>
  );
}
