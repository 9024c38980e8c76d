"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useForm, useWatch, type FieldErrors, type UseFormRegister } from "react-hook-form";
import { useTRPC } from "@/components/providers/trpc-react";
import { Dialog } from "@/components/ui/dialog";
import { applyServerFieldErrors, errorMessage } from "@/components/ui/errors";
import { SelectField } from "@/components/ui/form-field";
import { useToast } from "@/components/ui/toast";
import { ZCreateExtensionInput, ZUpdateExtensionInput, type TCreateExtensionInput, type TUpdateExtensionInput } from "@/server/modules/extensions/schema";
import type { ShownCredentials } from "./credentials-dialog";
import { ExtensionFields, FIELD_NAMES, type ExtensionFormOptions, type FieldName } from "./extension-fields";
import type { ExtensionRow } from "./extensions-table";
import { FormDialogFooter } from "@/components/ui/form-dialog-footer";

type Shared = Omit<TUpdateExtensionInput, "id">;

/** The shared fields' registrations and first error messages, for ExtensionFields. */
function fieldProps<T extends Shared>(register: UseFormRegister<T>, errors: FieldErrors<T>) {
  const reg = register as unknown as UseFormRegister<Shared>; // T only adds fields
  const errs = errors as FieldErrors<Shared>;
  const registered = Object.fromEntries(FIELD_NAMES.map((f) => [f, reg(f)])) as Record<FieldName, ReturnType<typeof reg>>;
  const messages = Object.fromEntries(FIELD_NAMES.map((f) => [f, errs[f]?.message])) as Partial<Record<FieldName, string>>;
  return { registered, errors: messages };
}

/** Every list a change to extensions can alter: the table, spare lines and the live pages. */
export function useExtensionsChanged() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.extension.find.queryKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.sipAccount.findUnused.queryKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.presence.find.queryKey() }),
    ]);
}

type CreateProps = {
  open: boolean;
  /** After a save, and after a cancel unless `onCancel` is given. */
  onClose: () => void;
  /** A cancel (button, Escape, backdrop) that the page tells apart from a save. */
  onCancel?: () => void;
  title?: string;
  accounts: readonly { id: string; username: string }[];
  options: ExtensionFormOptions;
  onCreated: (credentials: ShownCredentials) => void;
};

export function CreateExtensionDialog({ open, onClose, onCancel, title = "Add an extension", ...rest }: CreateProps) {
  return (
    <Dialog open={open} onClose={onCancel ?? onClose} title={title} description="It uses one of your unused SIP accounts.">
      <CreateExtensionForm onDone={onClose} onCancel={onCancel ?? onClose} {...rest} />
    </Dialog>
  );
}

function CreateExtensionForm({ onDone, onCancel, accounts, options, onCreated }: Pick<CreateProps, "accounts" | "options" | "onCreated"> & { onDone: () => void; onCancel: () => void }) {
  const trpc = useTRPC();
  const toast = useToast();
  const onChanged = useExtensionsChanged();
  const form = useForm<TCreateExtensionInput>({
    resolver: zodResolver(ZCreateExtensionInput),
    defaultValues: { sipAccountId: accounts[0]?.id ?? "", number: "", displayName: "", ownerUserId: "", voicemailEnabled: true, voicemailPin: "", outboundCli: "" },
  });
  const create = useMutation(
    trpc.extension.create.mutationOptions({
      onSuccess: async ({ extension, credentials }) => {
        await onChanged();
        onDone();
        onCreated({ number: extension.number, ...credentials });
      },
      onError: (err) => {
        if (!applyServerFieldErrors(err, form.setError)) toast({ variant: "error", description: errorMessage(err) });
      },
    }),
  );
  const { errors } = form.formState;
  const isVoicemailOn = useWatch({ control: form.control, name: "voicemailEnabled" });
  return (
    <form noValidate onSubmit={form.handleSubmit((values) => create.mutate(values))} className="space-y-4">
      <SelectField label="SIP account" options={accounts.map((a) => ({ value: a.id, label: a.username }))} error={errors.sipAccountId?.message} {...form.register("sipAccountId")} />
      <ExtensionFields {...fieldProps(form.register, errors)} options={options} isVoicemailOn={isVoicemailOn} hasPin={false} />
      <FormDialogFooter onCancel={onCancel} isPending={create.isPending} submitLabel="Add extension" />
    </form>
  );
}

export function EditExtensionDialog({ extension, options, onClose }: { extension: ExtensionRow | null; options: ExtensionFormOptions; onClose: () => void }) {
  return (
    <Dialog open={extension !== null} onClose={onClose} title={extension ? `Edit extension ${extension.number}` : "Edit extension"}>
      {extension && <EditExtensionForm extension={extension} options={options} onDone={onClose} />}
    </Dialog>
  );
}

function EditExtensionForm({ extension, options, onDone }: { extension: ExtensionRow; options: ExtensionFormOptions; onDone: () => void }) {
  const trpc = useTRPC();
  const toast = useToast();
  const onChanged = useExtensionsChanged();
  const form = useForm<TUpdateExtensionInput>({
    resolver: zodResolver(ZUpdateExtensionInput),
    defaultValues: {
      id: extension.id, number: extension.number, displayName: extension.displayName, ownerUserId: extension.ownerUserId ?? "",
      voicemailEnabled: extension.voicemailEnabled, voicemailPin: "", outboundCli: extension.outboundCli ?? "",
    },
  });
  const update = useMutation(
    trpc.extension.update.mutationOptions({
      onSuccess: async (saved) => {
        await onChanged();
        toast({ variant: "success", description: `Extension ${saved.number} was saved.` });
        onDone();
      },
      onError: (err) => {
        if (!applyServerFieldErrors(err, form.setError)) toast({ variant: "error", description: errorMessage(err) });
      },
    }),
  );
  const isVoicemailOn = useWatch({ control: form.control, name: "voicemailEnabled" });
  return (
    <form noValidate onSubmit={form.handleSubmit((values) => update.mutate(values))} className="space-y-4">
      <ExtensionFields {...fieldProps(form.register, form.formState.errors)} options={options} isVoicemailOn={isVoicemailOn} hasPin={extension.hasVoicemailPin} />
      <FormDialogFooter onCancel={onDone} isPending={update.isPending} submitLabel="Save changes" />
    </form>
  );
}
