"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { AccessDenied } from "@/components/layout/access-denied";
import { QueryError } from "@/components/layout/query-error";
import { useTRPC } from "@/components/providers/trpc-react";
import { CreateUserDialog, EditUserDialog, type EditableUser } from "@/components/users/user-form-dialog";
import { UsersTable, type UserRow } from "@/components/users/users-table";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { errorMessage } from "@/components/ui/errors";
import { PlusIcon, UsersIcon } from "@/components/ui/icons";
import { PageHeader } from "@/components/ui/page-header";
import { TableSkeleton } from "@/components/ui/skeleton";
import { useToast } from "@/components/ui/toast";

export function UsersPageClient({ currentUserId }: { currentUserId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const users = useQuery(trpc.user.find.queryOptions());
  const [isCreating, setCreating] = useState(false);
  const [editing, setEditing] = useState<EditableUser | null>(null);
  const [removing, setRemoving] = useState<UserRow | null>(null);

  const remove = useMutation(
    trpc.user.delete.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries({ queryKey: trpc.user.find.queryKey() });
        toast({ variant: "success", description: `${removing?.name ?? "The user"} was removed.` });
        setRemoving(null);
      },
      onError: (err) => toast({ variant: "error", description: errorMessage(err) }),
    }),
  );

  if (users.isPending) return <TableSkeleton label="Loading users" />;
  if (users.isError) {
    if (users.error.data?.code === "FORBIDDEN") return <AccessDenied />;
    return <QueryError error={users.error} onRetry={() => users.refetch()} />;
  }

  const addButton = (
    <Button onClick={() => setCreating(true)}>
      <PlusIcon className="size-4" /> Add user
    </Button>
  );

  return (
    <>
      <PageHeader
        title="Users"
        description="People in your company who can sign in. Administrators manage users and see the activity log."
        actions={users.data.length > 0 ? addButton : undefined}
      />
      {users.data.length === 0 ? (
        <EmptyState icon={<UsersIcon className="size-6" />} title="No users yet" description="Add the people who use your phone system." action={addButton} />
      ) : (
        <UsersTable
          users={users.data}
          caption="Users"
          currentUserId={currentUserId}
          onEdit={(user) => setEditing({ id: user.id, name: user.name, email: user.email, role: user.role as EditableUser["role"] })}
          onRemove={setRemoving}
        />
      )}

      <CreateUserDialog open={isCreating} onClose={() => setCreating(false)} />
      <EditUserDialog user={editing} onClose={() => setEditing(null)} />
      <ConfirmDialog
        open={removing !== null}
        onClose={() => setRemoving(null)}
        onConfirm={() => removing && remove.mutate({ id: removing.id })}
        isPending={remove.isPending}
        isDanger
        title="Remove user?"
        description={
          <>
            <strong className="font-semibold text-gray-900">{removing?.name}</strong> ({removing?.email}) will no longer be able to sign in. This cannot
            be undone.
          </>
        }
        confirmLabel="Remove user"
      />
    </>
  );
}
