"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { WidgetsTable } from "@/components/callbacks/widgets/widgets-table";
import { QueryError } from "@/components/layout/query-error";
import { useTRPC } from "@/components/providers/trpc-react";
import { buttonClasses } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PlusIcon } from "@/components/ui/icons";
import { PageHeader } from "@/components/ui/page-header";
import { TableSkeleton } from "@/components/ui/skeleton";

export function CallbackWidgetsPageClient() {
  const trpc = useTRPC();
  const widgets = useQuery(trpc.callbackWidgets.list.queryOptions());
  const create = (
    <Link href="/callbacks/widgets/new" className={buttonClasses()}>
      <PlusIcon className="size-4" /> New widget
    </Link>
  );
  return (
    <>
      <PageHeader title="Callback widgets" description="A “Call me now” button for your website: visitors leave their number and the company calls them back." actions={widgets.data?.length ? create : undefined} />
      {widgets.isPending ? (
        <TableSkeleton label="Loading callback widgets" />
      ) : widgets.isError ? (
        <QueryError error={widgets.error} onRetry={() => widgets.refetch()} />
      ) : widgets.data.length === 0 ? (
        <EmptyState title="No callback widgets yet" description="Create one, choose who takes the calls and which websites may use it, then paste one line into your site." action={create} />
      ) : (
        <WidgetsTable widgets={widgets.data} />
      )}
    </>
  );
}
