"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { CreateIvrMenuDialog } from "@/components/ivr/create-ivr-menu-dialog";
import { IvrMenusTable } from "@/components/ivr/ivr-menus-table";
import { QueryError } from "@/components/layout/query-error";
import { useTRPC } from "@/components/providers/trpc-react";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PlusIcon } from "@/components/ui/icons";
import { PageHeader } from "@/components/ui/page-header";
import { TableSkeleton } from "@/components/ui/skeleton";

export function IvrMenusPageClient() {
  const trpc = useTRPC();
  const menus = useQuery(trpc.ivrMenus.list.queryOptions());
  const [isCreating, setIsCreating] = useState(false);
  const create = (
    <Button onClick={() => setIsCreating(true)}>
      <PlusIcon className="size-4" /> New IVR menu
    </Button>
  );
  return (
    <>
      <PageHeader title="IVR menus" description="Automated answering: “Press 1 for sales, 2 for support”." actions={menus.data?.length ? create : undefined} />
      {menus.isPending ? (
        <TableSkeleton label="Loading IVR menus" />
      ) : menus.isError ? (
        <QueryError error={menus.error} onRetry={() => menus.refetch()} />
      ) : menus.data.length === 0 ? (
        <EmptyState title="No IVR menus yet" description="Greet callers with a prompt and let them choose where to go with a key." action={create} />
      ) : (
        <IvrMenusTable menus={menus.data} />
      )}
      <CreateIvrMenuDialog open={isCreating} onClose={() => setIsCreating(false)} />
    </>
  );
}
