"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { SiteOwnerDocs } from "@/components/callbacks/widgets/site-owner-docs";
import { SnippetPanel } from "@/components/callbacks/widgets/snippet-panel";
import { TestCallPanel } from "@/components/callbacks/widgets/test-call-panel";
import { WidgetForm } from "@/components/callbacks/widgets/widget-form";
import { QueryError } from "@/components/layout/query-error";
import { useTRPC } from "@/components/providers/trpc-react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { errorMessage } from "@/components/ui/errors";
import { PageHeader } from "@/components/ui/page-header";
import { Skeleton } from "@/components/ui/skeleton";
import { useToast } from "@/components/ui/toast";

export function CallbackWidgetPageClient({ widgetId }: { widgetId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const toast = useToast();
  const widget = useQuery(trpc.callbackWidgets.get.queryOptions({ id: widgetId }));
  const choices = useQuery(trpc.numbers.destinations.queryOptions());
  const options = useQuery(trpc.callbackWidgets.formOptions.queryOptions());
  const [isDeleting, setIsDeleting] = useState(false);
  const remove = useMutation(
    trpc.callbackWidgets.delete.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries(trpc.callbackWidgets.list.queryFilter());
        toast({ description: "Widget deleted." });
        router.push("/callbacks/widgets");
      },
      onError: (err) => toast({ variant: "error", description: errorMessage(err) }),
    }),
  );

  const back = (
    <Link href="/callbacks/widgets" className="text-sm font-medium text-indigo-700 hover:text-indigo-900">
      ← All callback widgets
    </Link>
  );
  const failed = [widget, choices, options].find((q) => q.isError);
  if (failed) return <QueryError error={failed.error} onRetry={() => failed.refetch()} />;
  if (!widget.data || !choices.data || !options.data) {
    return (
      <div className="space-y-4" role="status" aria-label="Loading callback widget">
        <Skeleton className="h-10 w-64" />
        <Skeleton className="h-64 w-full" />
      </div>
    );
  }
  return (
    <>
      <PageHeader
        title={`Widget · ${widget.data.name}`}
        back={back}
        description={widget.data.isEnabled ? undefined : "Switched off: the snippet shows nothing until you switch it on."}
        actions={
          <Button variant="danger" onClick={() => setIsDeleting(true)}>
            Delete
          </Button>
        }
      />
      <div className="space-y-6">
        <SnippetPanel scriptOrigin={options.data.scriptOrigin} widgetId={widget.data.id} />
        <TestCallPanel widgetId={widget.data.id} />
        <WidgetForm key={widget.data.id} widget={widget.data} choices={choices.data} isCaptchaAvailable={options.data.isCaptchaAvailable} />
        <SiteOwnerDocs scriptOrigin={options.data.scriptOrigin} widgetId={widget.data.id} />
      </div>
      <ConfirmDialog
        open={isDeleting}
        onClose={() => setIsDeleting(false)}
        onConfirm={() => remove.mutate({ id: widgetId })}
        title={`Delete widget “${widget.data.name}”?`}
        description="The snippet stops working on every page at once. Callbacks it already placed stay in the callback log."
        confirmLabel="Delete widget"
        isDanger
        isPending={remove.isPending}
      />
    </>
  );
}
