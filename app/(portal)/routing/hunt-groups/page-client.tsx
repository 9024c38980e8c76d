"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { QueryError } from "@/components/layout/query-error";
import { useTRPC } from "@/components/providers/trpc-react";
import { CreateHuntGroupDialog } from "@/components/routing/hunt-groups/create-hunt-group-dialog";
import { HuntGroupsTable } from "@/components/routing/hunt-groups/hunt-groups-table";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PlusIcon } from "@/components/ui/icons";
import { PageHeader } from "@/components/ui/page-header";
import { TableSkeleton } from "@/components/ui/skeleton";

export function HuntGroupsPageClient() {
  const trpc = useTRPC();
  const groups = useQuery(trpc.huntGroups.list.queryOptions());
  const [isCreating, setIsCreating] = useState(false);
  const create = (
    <Button onClick={() => setIsCreating(true)}>
      <PlusIcon className="size-4" /> New hunt group
    </Button>
  );
  return (
    <>
      <PageHeader title="Hunt groups" description="Numbers that ring a team: everyone at once, in turn, or shared out fairly." actions={groups.data?.length ? create : undefined} />
      {groups.isPending ? (
        <TableSkeleton label="Loading hunt groups" />
      ) : groups.isError ? (
        <QueryError error={groups.error} onRetry={() => groups.refetch()} />
      ) : groups.data.length === 0 ? (
        <EmptyState title="No hunt groups yet" description="Give a team one number, such as 600 for Sales, and choose how its phones ring." action={create} />
      ) : (
        <HuntGroupsTable groups={groups.data} />
      )}
      <CreateHuntGroupDialog open={isCreating} onClose={() => setIsCreating(false)} />
    </>
  );
}
