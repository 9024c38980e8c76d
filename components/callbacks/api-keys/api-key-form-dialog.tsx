"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useForm } from "react-hook-form";
import { useTRPC } from "@/components/providers/trpc-react";
import { Dialog } from "@/components/ui/dialog";
import { applyServerFieldErrors, errorMessage } from "@/components/ui/errors";
import { FormDialogFooter } from "@/components/ui/form-dialog-footer";
import { SelectField, TextField } from "@/components/ui/form-field";
import { useToast } from "@/components/ui/toast";
import { CUSTOMER_MAX_RATE_LIMIT, DEFAULT_RATE_LIMIT, ZApiKeyForm, type TApiKeyForm } from "@/server/modules/callbacks/api-keys/schema";

export type EditableApiKey = TApiKeyForm & { id: string };
type Scope = { sipAccountId: string; label: string };

type Props = {
  open: boolean;
  scopes: Scope[];
  onClose: () => void;
  /** Editing this key; creating a new one when absent. */
  apiKey?: EditableApiKey;
  /** After a create: the key in full, to be shown once. */
  onCreated?: (name: string, key: string) => void;
};

export function ApiKeyFormDialog({ open, apiKey, scopes, onClose, onCreated }: Props) {
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={apiKey ? "Edit API key" : "Create an API key"}
      description={apiKey ? undefined : "The key is shown once, right after you create it. Store it in the app that will use it."}
    >
      {open && <ApiKeyForm key={apiKey?.id ?? "new"} apiKey={apiKey} scopes={scopes} onDone={onClose} onCreated={onCreated} />}
    </Dialog>
  );
}

function ApiKeyForm({ apiKey, scopes, onDone, onCreated }: { apiKey?: EditableApiKey; scopes: Scope[]; onDone: () => void; onCreated?: Props["onCreated"] }) {
  const trpc = useTRPC();
  const toast = useToast();
  const queryClient = useQueryClient();
  const form = useForm<TApiKeyForm>({
    resolver: zodResolver(ZApiKeyForm),
    defaultValues: apiKey ?? { name: "", sipAccountId: "", rateLimitPerMinute: DEFAULT_RATE_LIMIT },
  });
  const onError = (err: unknown) => {
    if (!applyServerFieldErrors(err, form.setError, ["name", "sipAccountId", "rateLimitPerMinute"])) toast({ variant: "error", description: errorMessage(err) });
  };
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.apiKeys.list.queryKey() });
  const create = useMutation(
    trpc.apiKeys.create.mutationOptions({
      onSuccess: async ({ apiKey: created, key }) => {
        await refresh();
        onCreated?.(created.name, key);
      },
      onError,
    }),
  );
  const update = useMutation(
    trpc.apiKeys.update.mutationOptions({
      onSuccess: async (saved) => {
        await refresh();
        toast({ variant: "success", description: `${saved.name} was saved.` });
        onDone();
      },
      onError,
    }),
  );
  const { errors } = form.formState;
  const options = [{ value: "", label: "Any of the company's lines" }, ...scopes.map((s) => ({ value: s.sipAccountId, label: s.label }))];
  const submit = (values: TApiKeyForm) => (apiKey ? update.mutate({ id: apiKey.id, ...values }) : create.mutate(values));

  return (
    <form noValidate onSubmit={form.handleSubmit(submit)} className="space-y-4">
      <TextField label="Name" hint="Which app uses it, e.g. “Reception softphone”." autoComplete="off" error={errors.name?.message} {...form.register("name")} />
      <SelectField
        label="Calls may start from"
        hint="Limit the key to one line, so a leaked key cannot ring anyone else's phone."
        options={options}
        error={errors.sipAccountId?.message}
        {...form.register("sipAccountId")}
      />
      <TextField
        label="Callback requests a minute"
        type="number"
        inputMode="numeric"
        min={1}
        max={CUSTOMER_MAX_RATE_LIMIT}
        hint={`1 to ${CUSTOMER_MAX_RATE_LIMIT}. Requests beyond it get 429 with Retry-After. Your provider can allow more.`}
        error={errors.rateLimitPerMinute?.message}
        {...form.register("rateLimitPerMinute", { valueAsNumber: true })}
      />
      <FormDialogFooter onCancel={onDone} isPending={create.isPending || update.isPending} submitLabel={apiKey ? "Save" : "Create key"} />
    </form>
  );
}
