"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { WidgetForm } from "@/components/callbacks/widgets/widget-form";
import { QueryError } from "@/components/layout/query-error";
import { useTRPC } from "@/components/providers/trpc-react";
import { PageHeader } from "@/components/ui/page-header";
import { Skeleton } from "@/components/ui/skeleton";

export function NewCallbackWidgetPageClient() {
  const trpc = useTRPC();
  const choices = useQuery(trpc.numbers.destinations.queryOptions());
  const options = useQuery(trpc.callbackWidgets.formOptions.queryOptions());
  const back = (
    <Link href="/callbacks/widgets" className="text-sm font-medium text-indigo-700 hover:text-indigo-900">
      ← All callback widgets
    </Link>
  );
  const failed = [choices, options].find((q) => q.isError);
  return (
    <>
      <PageHeader title="New callback widget" back={back} description="Once it is created you get the snippet to paste into your website." />
      {failed ? (
        <QueryError error={failed.error} onRetry={() => failed.refetch()} />
      ) : !choices.data || !options.data ? (
        <div className="space-y-4" role="status" aria-label="Loading the form">
          <Skeleton className="h-64 w-full" />
        </div>
      ) : (
        <WidgetForm choices={choices.data} isCaptchaAvailable={options.data.isCaptchaAvailable} />
      )}
    </>
  );
}
