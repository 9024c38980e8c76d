"use client";

import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { RECENT_CALLS_PAGING } from "@/components/calls/recent-calls-paging";
import { RecentCallsTable, type RecentCallRow } from "@/components/calls/recent-calls-table";
import { useCallsStream } from "@/components/calls/use-calls-stream";
import { QueryError } from "@/components/layout/query-error";
import { ContactFormDialog, type ContactDraft } from "@/components/phone-book/contact-form-dialog";
import { useTRPC } from "@/components/providers/trpc-react";
import { Button, buttonClasses } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { errorMessage } from "@/components/ui/errors";
import { SelectField } from "@/components/ui/form-field";
import { PhoneIcon } from "@/components/ui/icons";
import { PageHeader } from "@/components/ui/page-header";
import { TableSkeleton } from "@/components/ui/skeleton";
import { useToast } from "@/components/ui/toast";

export function RecentCallsPageClient({ isAdmin }: { isAdmin: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  useCallsStream();
  const [extensionId, setExtensionId] = useState("");
  const [blocking, setBlocking] = useState<RecentCallRow | null>(null);
  const [draft, setDraft] = useState<ContactDraft | null>(null);
  const extensions = useQuery(trpc.calls.extensions.queryOptions());
  const calls = useInfiniteQuery(trpc.calls.recent.infiniteQueryOptions(extensionId ? { extensionId } : {}, { ...RECENT_CALLS_PAGING, placeholderData: keepPreviousData }));
  const block = useMutation(trpc.blockList.create.mutationOptions({
    onSuccess: (created) => {
      toast({ variant: "success", description: `Calls from ${created.pattern} are now refused.` });
      setBlocking(null);
      void queryClient.invalidateQueries({ queryKey: trpc.blockList.find.queryKey() });
    },
    onError: (err) => toast({ variant: "error", description: errorMessage(err) }),
  }));
  const rows = calls.data?.pages.flatMap((p) => p.items) ?? [];
  const showsCosts = calls.data?.pages[0]?.seesCosts ?? false;
  const extensionOptions = [{ value: "", label: isAdmin ? "All extensions" : "All my extensions" }, ...(extensions.data ?? []).map((e) => ({ value: e.id, label: `${e.number} · ${e.displayName}` }))];

  return (
    <>
      <PageHeader
        title="Recent calls"
        description={isAdmin ? "Calls your company made and received today, newest first. New calls appear as they end." : "Calls of your extensions today, newest first. New calls appear as they end."}
        actions={isAdmin ? <Link href="/calls/blocked" className={buttonClasses({ variant: "secondary" })}>Blocked callers</Link> : undefined}
      />
      <section aria-label="Calls today" className="space-y-4">
        {(isAdmin || (extensions.data?.length ?? 0) > 1) && (
          <SelectField label="Extension" className="w-64" value={extensionId} onChange={(e) => setExtensionId(e.target.value)} options={extensionOptions} />
        )}
        {calls.isPending ? (
          <TableSkeleton label="Loading recent calls" />
        ) : calls.isError ? (
          <QueryError error={calls.error} onRetry={() => calls.refetch()} />
        ) : rows.length === 0 ? (
          <EmptyState icon={<PhoneIcon className="size-6" />} title="No calls today yet" description="Calls appear here as soon as they end." />
        ) : (
          <>
            <RecentCallsTable
              calls={rows}
              showsCosts={showsCosts}
              canBlock={isAdmin}
              onBlock={setBlocking}
              onAddContact={(_call, number) => setDraft({ numbers: [{ label: "Mobile", number }] })}
            />
            {calls.hasNextPage && (
              <div className="flex justify-center">
                <Button variant="secondary" onClick={() => calls.fetchNextPage()} isLoading={calls.isFetchingNextPage}>Show earlier calls</Button>
              </div>
            )}
          </>
        )}
      </section>
      <ContactFormDialog draft={draft} onClose={() => setDraft(null)} canEditCompanyBook={isAdmin} />
      <ConfirmDialog
        open={blocking !== null}
        onClose={() => setBlocking(null)}
        onConfirm={() => blocking && block.mutate({ number: blocking.caller.number })}
        isPending={block.isPending}
        isDanger
        title="Block this caller?"
        description={<>Calls from <strong className="font-semibold text-gray-900">{blocking?.caller.number}</strong> to any of your numbers are refused from now on. You can remove the block under Blocked callers.</>}
        confirmLabel="Block caller"
      />
    </>
  );
}
