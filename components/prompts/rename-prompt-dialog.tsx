"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useForm } from "react-hook-form";
import { useTRPC } from "@/components/providers/trpc-react";
import { Dialog } from "@/components/ui/dialog";
import { applyServerFieldErrors, errorMessage } from "@/components/ui/errors";
import { FormDialogFooter } from "@/components/ui/form-dialog-footer";
import { TextField } from "@/components/ui/form-field";
import { useToast } from "@/components/ui/toast";
import { ZRenamePromptInput, type TRenamePromptInput } from "@/server/modules/prompts/schema";

export function RenamePromptDialog({ prompt, onClose }: { prompt: { id: string; name: string } | null; onClose: () => void }) {
  return (
    <Dialog open={prompt !== null} onClose={onClose} title="Rename prompt">
      {prompt && <RenameForm prompt={prompt} onDone={onClose} />}
    </Dialog>
  );
}

function RenameForm({ prompt, onDone }: { prompt: { id: string; name: string }; onDone: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const form = useForm<TRenamePromptInput>({ resolver: zodResolver(ZRenamePromptInput), defaultValues: prompt });
  const rename = useMutation(
    trpc.voicePrompt.rename.mutationOptions({
      onSuccess: async (saved) => {
        await queryClient.invalidateQueries({ queryKey: trpc.voicePrompt.find.queryKey() });
        toast({ variant: "success", description: `Renamed to ${saved.name}.` });
        onDone();
      },
      onError: (err) => {
        if (!applyServerFieldErrors(err, form.setError)) toast({ variant: "error", description: errorMessage(err) });
      },
    }),
  );
  return (
    <form noValidate onSubmit={form.handleSubmit((values) => rename.mutate(values))} className="space-y-4">
      <TextField label="Name" autoComplete="off" error={form.formState.errors.name?.message} {...form.register("name")} />
      <FormDialogFooter onCancel={onDone} isPending={rename.isPending} submitLabel="Save" />
    </form>
  );
}
