"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { IvrMenuForm } from "@/components/ivr/ivr-menu-form";
import { QueryError } from "@/components/layout/query-error";
import { useTRPC } from "@/components/providers/trpc-react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { errorMessage } from "@/components/ui/errors";
import { PageHeader } from "@/components/ui/page-header";
import { Skeleton } from "@/components/ui/skeleton";
import { useToast } from "@/components/ui/toast";

export function IvrMenuPageClient({ ivrMenuId }: { ivrMenuId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const toast = useToast();
  const menu = useQuery(trpc.ivrMenus.find.queryOptions({ id: ivrMenuId }));
  const prompts = useQuery(trpc.ivrMenus.promptOptions.queryOptions());
  const choices = useQuery(trpc.numbers.destinations.queryOptions());
  const [isDeleting, setIsDeleting] = useState(false);
  const remove = useMutation(
    trpc.ivrMenus.delete.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries(trpc.ivrMenus.list.queryFilter());
        await queryClient.invalidateQueries(trpc.numbers.destinations.queryFilter());
        toast({ description: "IVR menu deleted." });
        router.push("/routing/ivr");
      },
      onError: (err) => toast({ variant: "error", description: errorMessage(err) }),
    }),
  );

  const back = (
    <Link href="/routing/ivr" className="text-sm font-medium text-indigo-700 hover:text-indigo-900">
      ← All IVR menus
    </Link>
  );
  const failed = [menu, prompts, choices].find((q) => q.isError);
  if (failed) return <QueryError error={failed.error} onRetry={() => failed.refetch()} />;
  if (!menu.data || !prompts.data || !choices.data) {
    return (
      <div className="space-y-4" role="status" aria-label="Loading IVR menu">
        <Skeleton className="h-10 w-64" />
        <Skeleton className="h-64 w-full" />
      </div>
    );
  }
  return (
    <>
      <PageHeader
        title={`IVR menu ${menu.data.name}`}
        back={back}
        actions={
          <Button variant="danger" onClick={() => setIsDeleting(true)}>
            Delete
          </Button>
        }
      />
      <IvrMenuForm key={menu.data.id} menu={menu.data} prompts={prompts.data} choices={choices.data} />
      <ConfirmDialog
        open={isDeleting}
        onClose={() => setIsDeleting(false)}
        onConfirm={() => remove.mutate({ id: ivrMenuId })}
        title={`Delete IVR menu ${menu.data.name}?`}
        description="Numbers that ring this menu will ring nothing until you choose a new destination for them. Keys of other menus that lead here will end the call."
        confirmLabel="Delete menu"
        isDanger
        isPending={remove.isPending}
      />
    </>
  );
}
