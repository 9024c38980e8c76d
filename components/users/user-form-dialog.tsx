"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useForm } from "react-hook-form";
import { useTRPC } from "@/components/providers/trpc-react";
import { Dialog } from "@/components/ui/dialog";
import { applyServerFieldErrors, errorMessage } from "@/components/ui/errors";
import { SelectField, TextField } from "@/components/ui/form-field";
import { useToast } from "@/components/ui/toast";
import { TENANT_ROLE_LABELS, TENANT_ROLES, ZCreateUserInput, ZUpdateUserInput } from "@/server/modules/users/schema";
import { FormDialogFooter } from "@/components/ui/form-dialog-footer";

const ROLE_OPTIONS = TENANT_ROLES.map((role) => ({ value: role, label: TENANT_ROLE_LABELS[role] }));
const PASSWORD_HINT = "At least 10 characters, mixing letters with digits or symbols.";

export type EditableUser = { id: string; name: string; email: string; role: (typeof TENANT_ROLES)[number] };

/** Invalidates the list (and the home page counts) after any change to users. */
function useUsersChanged() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: trpc.user.find.queryKey() });
}

export function CreateUserDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  return (
    <Dialog open={open} onClose={onClose} title="Add a user" description="They can sign in with this email and password straight away.">
      <CreateUserForm onDone={onClose} />
    </Dialog>
  );
}

function CreateUserForm({ onDone }: { onDone: () => void }) {
  const trpc = useTRPC();
  const toast = useToast();
  const onChanged = useUsersChanged();
  const form = useForm({
    resolver: zodResolver(ZCreateUserInput),
    defaultValues: { name: "", email: "", role: "EXTENSION_USER" as const, password: "" },
  });
  const create = useMutation(
    trpc.user.create.mutationOptions({
      onSuccess: async (user) => {
        await onChanged();
        toast({ variant: "success", description: `${user.name} was added.` });
        onDone();
      },
      onError: (err) => {
        if (!applyServerFieldErrors(err, form.setError)) toast({ variant: "error", description: errorMessage(err) });
      },
    }),
  );
  const { errors } = form.formState;

  return (
    <form noValidate onSubmit={form.handleSubmit((values) => create.mutate(values))} className="space-y-4">
      <TextField label="Name" autoComplete="off" error={errors.name?.message} {...form.register("name")} />
      <TextField label="Email" type="email" autoComplete="off" error={errors.email?.message} {...form.register("email")} />
      <SelectField label="Role" options={ROLE_OPTIONS} error={errors.role?.message} {...form.register("role")} />
      <TextField
        label="Password"
        type="password"
        autoComplete="new-password"
        hint={PASSWORD_HINT}
        error={errors.password?.message}
        {...form.register("password")}
      />
      <FormDialogFooter onCancel={onDone} isPending={create.isPending} submitLabel="Add user" />
    </form>
  );
}

export function EditUserDialog({ user, onClose }: { user: EditableUser | null; onClose: () => void }) {
  return (
    <Dialog open={user !== null} onClose={onClose} title="Edit user">
      {user && <EditUserForm user={user} onDone={onClose} />}
    </Dialog>
  );
}

function EditUserForm({ user, onDone }: { user: EditableUser; onDone: () => void }) {
  const trpc = useTRPC();
  const toast = useToast();
  const onChanged = useUsersChanged();
  const form = useForm({ resolver: zodResolver(ZUpdateUserInput), defaultValues: user });
  const update = useMutation(
    trpc.user.update.mutationOptions({
      onSuccess: async (saved) => {
        await onChanged();
        toast({ variant: "success", description: `${saved.name} was updated.` });
        onDone();
      },
      onError: (err) => {
        if (!applyServerFieldErrors(err, form.setError)) toast({ variant: "error", description: errorMessage(err) });
      },
    }),
  );
  const { errors } = form.formState;

  return (
    <form noValidate onSubmit={form.handleSubmit((values) => update.mutate(values))} className="space-y-4">
      <TextField label="Name" autoComplete="off" error={errors.name?.message} {...form.register("name")} />
      <TextField label="Email" type="email" autoComplete="off" error={errors.email?.message} {...form.register("email")} />
      <SelectField label="Role" options={ROLE_OPTIONS} error={errors.role?.message} {...form.register("role")} />
      <FormDialogFooter onCancel={onDone} isPending={update.isPending} submitLabel="Save changes" />
    </form>
  );
}
