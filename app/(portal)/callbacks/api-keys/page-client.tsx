"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { AccessDenied } from "@/components/layout/access-denied";
import { QueryError } from "@/components/layout/query-error";
import { useTRPC } from "@/components/providers/trpc-react";
import { ApiKeyFormDialog, type EditableApiKey } from "@/components/callbacks/api-keys/api-key-form-dialog";
import { ApiKeysTable, type ApiKeyRow } from "@/components/callbacks/api-keys/api-keys-table";
import { NewKeyDialog } from "@/components/callbacks/api-keys/new-key-dialog";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { errorMessage } from "@/components/ui/errors";
import { LockIcon, PlusIcon } from "@/components/ui/icons";
import { PageHeader } from "@/components/ui/page-header";
import { TableSkeleton } from "@/components/ui/skeleton";
import { useToast } from "@/components/ui/toast";

export function ApiKeysPageClient() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const keys = useQuery(trpc.apiKeys.list.queryOptions());
  const scopes = useQuery(trpc.apiKeys.scopes.queryOptions());
  const [isCreating, setCreating] = useState(false);
  const [editing, setEditing] = useState<EditableApiKey | null>(null);
  const [revoking, setRevoking] = useState<ApiKeyRow | null>(null);
  const [shown, setShown] = useState<{ name: string; key: string } | null>(null);

  const revoke = useMutation(
    trpc.apiKeys.revoke.mutationOptions({
      onSuccess: async (key) => {
        await queryClient.invalidateQueries({ queryKey: trpc.apiKeys.list.queryKey() });
        toast({ variant: "success", description: `${key.name} was revoked. Apps using it are refused from now on.` });
        setRevoking(null);
      },
      onError: (err) => toast({ variant: "error", description: errorMessage(err) }),
    }),
  );

  if (keys.isPending || scopes.isPending) return <TableSkeleton label="Loading API keys" />;
  if (keys.isError || scopes.isError) {
    const error = keys.error ?? scopes.error!;
    if (error.data?.code === "FORBIDDEN") return <AccessDenied />;
    return <QueryError error={error} onRetry={() => Promise.all([keys.refetch(), scopes.refetch()])} />;
  }

  const addButton = (
    <Button onClick={() => setCreating(true)}>
      <PlusIcon className="size-4" /> Create API key
    </Button>
  );

  return (
    <>
      <PageHeader
        title="API keys"
        description="Keys let your own apps (a softphone, a CRM) request callbacks through the REST API at /api/v1. Each key has its own limit of requests a minute and can be limited to one line."
        actions={keys.data.length > 0 ? addButton : undefined}
      />
      {keys.data.length === 0 ? (
        <EmptyState icon={<LockIcon className="size-6" />} title="No API keys yet" description="Create a key for each app that should request callbacks, so you can revoke one without touching the others." action={addButton} />
      ) : (
        <ApiKeysTable
          keys={keys.data}
          onEdit={(k) => setEditing({ id: k.id, name: k.name, sipAccountId: k.scope?.sipAccountId ?? "", rateLimitPerMinute: k.rateLimitPerMinute })}
          onRevoke={setRevoking}
        />
      )}
      <p className="mt-4 text-sm text-gray-600">
        The API is described in its{" "}
        <a className="font-medium text-blue-700 underline hover:text-blue-900" href="/api/v1/openapi.json">
          OpenAPI document
        </a>
        .
      </p>

      <ApiKeyFormDialog
        open={isCreating}
        scopes={scopes.data}
        onClose={() => setCreating(false)}
        onCreated={(name, key) => {
          setCreating(false);
          setShown({ name, key });
        }}
      />
      <ApiKeyFormDialog open={editing !== null} apiKey={editing ?? undefined} scopes={scopes.data} onClose={() => setEditing(null)} />
      <NewKeyDialog shown={shown} onClose={() => setShown(null)} />
      <ConfirmDialog
        open={revoking !== null}
        onClose={() => setRevoking(null)}
        onConfirm={() => revoking && revoke.mutate({ id: revoking.id })}
        isPending={revoke.isPending}
        isDanger
        title="Revoke API key?"
        description={
          <>
            Apps using <strong className="font-semibold text-gray-900">{revoking?.name}</strong> ({revoking?.prefix}…) are refused from their next request.
            This cannot be undone; create a new key instead.
          </>
        }
        confirmLabel="Revoke key"
      />
    </>
  );
}
