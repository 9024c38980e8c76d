"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useForm } from "react-hook-form";
import { useTRPC } from "@/components/providers/trpc-react";
import { Dialog } from "@/components/ui/dialog";
import { applyServerFieldErrors, errorMessage } from "@/components/ui/errors";
import { FormDialogFooter } from "@/components/ui/form-dialog-footer";
import { TextField } from "@/components/ui/form-field";
import { ZAddUnverifiedInput } from "@/server/modules/caller-id/schema";

/** Only offered while the provider allows mobiles nobody proved. */
export function AddUnverifiedDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  return (
    <Dialog open={open} onClose={onClose} title="Add a mobile without verifying" description="Your provider lets you use a mobile as caller ID without a code. Add only numbers your company holds.">
      <AddUnverifiedForm onDone={onClose} />
    </Dialog>
  );
}

function AddUnverifiedForm({ onDone }: { onDone: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const form = useForm({ resolver: zodResolver(ZAddUnverifiedInput), defaultValues: { number: "" } });
  const add = useMutation(
    trpc.callerId.addUnverified.mutationOptions({
      onSuccess: async () => {
        await Promise.all([
          queryClient.invalidateQueries({ queryKey: trpc.callerId.find.queryKey() }),
          queryClient.invalidateQueries({ queryKey: trpc.extension.formOptions.queryKey() }),
        ]);
        onDone();
      },
      onError: (err) => applyServerFieldErrors(err, form.setError, ["number"]),
    }),
  );
  const { errors } = form.formState;
  return (
    <form noValidate onSubmit={form.handleSubmit((values) => add.mutate(values))} className="space-y-4">
      <TextField label="Mobile number" type="tel" autoComplete="tel" hint="International format, for example +44 7911 123456" error={errors.number?.message} {...form.register("number")} />
      {add.isError && !errors.number && <p role="alert" className="text-sm text-red-700">{errorMessage(add.error)}</p>}
      <FormDialogFooter onCancel={onDone} isPending={add.isPending} submitLabel="Add mobile" />
    </form>
  );
}
