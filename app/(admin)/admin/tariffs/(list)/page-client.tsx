"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { QueryError } from "@/components/layout/query-error";
import { useTRPC } from "@/components/providers/trpc-react";
import { TariffFormDialog } from "@/components/tariffs/tariff-form-dialog";
import { TariffsTable } from "@/components/tariffs/tariffs-table";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PlusIcon, TagIcon } from "@/components/ui/icons";
import { PageHeader } from "@/components/ui/page-header";
import { TableSkeleton } from "@/components/ui/skeleton";

/** A partner's tariffs: which one is the default, how many rates, who is on them. */
export function TariffsPageClient() {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const tariffs = useQuery(trpc.tariff.find.queryOptions());
  const [isCreating, setCreating] = useState(false);
  const create = useMutation(
    trpc.tariff.create.mutationOptions({
      onSuccess: async (created) => {
        await queryClient.invalidateQueries(trpc.tariff.find.pathFilter());
        // A new tariff has no rates yet: the next thing to do is add them.
        router.push(`/admin/tariffs/${created.id}`);
      },
    }),
  );

  const newButton = (
    <Button onClick={() => setCreating(true)}>
      <PlusIcon className="size-4" /> New tariff
    </Button>
  );

  return (
    <>
      <PageHeader
        title="Tariffs"
        description="Call prices by destination prefix. The longest matching prefix rates a call; customers without their own tariff use the default."
        actions={newButton}
      />
      {tariffs.isPending ? (
        <TableSkeleton label="Loading tariffs" />
      ) : tariffs.isError ? (
        <QueryError error={tariffs.error} onRetry={() => tariffs.refetch()} />
      ) : tariffs.data.length === 0 ? (
        <EmptyState
          icon={<TagIcon className="size-6" />}
          title="No tariffs yet"
          description="Calls are not rated until you create a tariff. Your first tariff becomes the default."
          action={newButton}
        />
      ) : (
        <TariffsTable tariffs={tariffs.data} />
      )}
      <TariffFormDialog open={isCreating} onClose={() => setCreating(false)} submit={(values) => create.mutateAsync(values)} />
    </>
  );
}
