"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { CredentialsDialog, type ShownCredentials } from "@/components/extensions/credentials-dialog";
import { CreateExtensionDialog, EditExtensionDialog, useExtensionsChanged } from "@/components/extensions/extension-form-dialogs";
import { ExtensionsTable, type ExtensionRow } from "@/components/extensions/extensions-table";
import { companyDefaultCli } from "@/server/telephony/engine/default-cli";
import { AccessDenied } from "@/components/layout/access-denied";
import { QueryError } from "@/components/layout/query-error";
import { useTRPC } from "@/components/providers/trpc-react";
import { Button, buttonClasses } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { errorMessage } from "@/components/ui/errors";
import { PhoneIcon, PlusIcon } from "@/components/ui/icons";
import { PageHeader } from "@/components/ui/page-header";
import { TableSkeleton } from "@/components/ui/skeleton";
import { useToast } from "@/components/ui/toast";

/** `assignAll`: arrived from a purchase; offer an extension for each unused account in turn. */
export function ExtensionsPageClient({ assignAll = false }: { assignAll?: boolean }) {
  const trpc = useTRPC();
  const toast = useToast();
  const onChanged = useExtensionsChanged();
  const extensions = useQuery(trpc.extension.find.queryOptions());
  const unused = useQuery(trpc.sipAccount.findUnused.queryOptions());
  const options = useQuery(trpc.extension.formOptions.queryOptions());
  const [isAssigningAll, setAssigningAll] = useState(assignAll && (unused.data?.length ?? 0) > 0);
  const [isCreating, setCreating] = useState(isAssigningAll);
  const [editing, setEditing] = useState<ExtensionRow | null>(null);
  const [deleting, setDeleting] = useState<ExtensionRow | null>(null);
  const [regenerating, setRegenerating] = useState<ExtensionRow | null>(null);
  const [shown, setShown] = useState<ShownCredentials | null>(null);

  const onError = (err: unknown) => toast({ variant: "error", description: errorMessage(err) });
  const remove = useMutation(
    trpc.extension.delete.mutationOptions({
      onSuccess: async () => {
        await onChanged();
        toast({ variant: "success", description: `Extension ${deleting?.number ?? ""} was deleted. Its SIP account is free again.` });
        setDeleting(null);
      },
      onError,
    }),
  );
  const regenerate = useMutation(
    trpc.extension.regenerateCredentials.mutationOptions({
      onSuccess: (credentials) => {
        setShown({ number: regenerating?.number ?? "", ...credentials });
        setRegenerating(null);
      },
      onError,
    }),
  );

  const failed = [extensions, unused, options].find((q) => q.isError);
  if (failed?.error) {
    if (failed.error.data?.code === "FORBIDDEN") return <AccessDenied />;
    return <QueryError error={failed.error} onRetry={() => failed.refetch()} />;
  }
  if (!extensions.data || !unused.data || !options.data) return <TableSkeleton label="Loading extensions" />;

  const canCreate = unused.data.length > 0;
  const buyLink = (
    <Link href="/billing/buy" className={buttonClasses({ variant: canCreate ? "secondary" : "primary" })}>
      Buy accounts
    </Link>
  );
  const addButton = (
    <Button onClick={() => setCreating(true)}>
      <PlusIcon className="size-4" /> Add extension
    </Button>
  );

  return (
    <>
      <PageHeader
        title="Extensions"
        description={canCreate ? `${unused.data.length} unused SIP ${unused.data.length === 1 ? "account" : "accounts"} ready for new extensions.` : "Every SIP account has an extension. Buy accounts to add more."}
        actions={extensions.data.length > 0 ? (canCreate ? addButton : buyLink) : undefined}
      />
      {extensions.data.length === 0 ? (
        <EmptyState
          icon={<PhoneIcon className="size-6" />}
          title="No extensions yet"
          description={canCreate ? "Give each phone or person an extension number." : "You need a SIP account for each extension. Buy accounts first."}
          action={canCreate ? addButton : buyLink}
        />
      ) : (
        <ExtensionsTable extensions={extensions.data} defaultCli={companyDefaultCli(options.data.dids)} onEdit={setEditing} onRegenerate={setRegenerating} onDelete={setDeleting} />
      )}

      <CreateExtensionDialog
        open={isCreating}
        onClose={() => setCreating(false)}
        onCancel={() => {
          setCreating(false);
          setAssigningAll(false);
        }}
        title={isAssigningAll ? `Add an extension (${unused.data.length} ${unused.data.length === 1 ? "account" : "accounts"} left)` : undefined}
        accounts={unused.data}
        options={options.data}
        onCreated={setShown}
      />
      <EditExtensionDialog extension={editing} options={options.data} onClose={() => setEditing(null)} />
      <CredentialsDialog
        credentials={shown}
        onClose={() => {
          setShown(null);
          // The next account's dialog opens once the phone settings have been taken down.
          if (isAssigningAll && unused.data.length > 0) setCreating(true);
          else setAssigningAll(false);
        }}
      />
      <ConfirmDialog
        open={deleting !== null}
        onClose={() => setDeleting(null)}
        onConfirm={() => deleting && remove.mutate({ id: deleting.id })}
        isPending={remove.isPending}
        isDanger
        title={`Delete extension ${deleting?.number ?? ""}?`}
        description={<>Calls to {deleting?.number} stop ringing and its phone is signed out. The SIP account stays yours, free for a new extension.</>}
        confirmLabel="Delete extension"
      />
      <ConfirmDialog
        open={regenerating !== null}
        onClose={() => setRegenerating(null)}
        onConfirm={() => regenerating && regenerate.mutate({ id: regenerating.id })}
        isPending={regenerate.isPending}
        title={`New credentials for ${regenerating?.number ?? ""}?`}
        description="The phone using the current password stops working until you enter the new one."
        confirmLabel="Generate new credentials"
      />
    </>
  );
}
