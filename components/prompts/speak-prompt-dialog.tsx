"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useForm } from "react-hook-form";
import { useTRPC } from "@/components/providers/trpc-react";
import { Dialog } from "@/components/ui/dialog";
import { applyServerFieldErrors, errorMessage } from "@/components/ui/errors";
import { FormDialogFooter } from "@/components/ui/form-dialog-footer";
import { FormField, SelectField, TextField } from "@/components/ui/form-field";
import { Spinner } from "@/components/ui/spinner";
import { useToast } from "@/components/ui/toast";
import { SPOKEN_TEXT_MAX, TTS_VOICE_LABELS, TTS_VOICES, ZSpeakPromptInput, type TSpeakPromptInput } from "@/server/modules/prompts/schema";

const VOICE_OPTIONS = TTS_VOICES.map((v) => ({ value: v, label: TTS_VOICE_LABELS[v] }));

export function SpeakPromptDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  return (
    <Dialog open={open} onClose={onClose} title="Make a prompt from text" description="A synthetic voice reads your text. Good for a first version; upload a real recording later.">
      <SpeakPromptForm onDone={onClose} />
    </Dialog>
  );
}

function SpeakPromptForm({ onDone }: { onDone: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const form = useForm<TSpeakPromptInput>({ resolver: zodResolver(ZSpeakPromptInput), defaultValues: { name: "", text: "", voice: "en-gb" } });
  const speak = useMutation(
    trpc.voicePrompt.speak.mutationOptions({
      onSuccess: async (prompt) => {
        await queryClient.invalidateQueries({ queryKey: trpc.voicePrompt.find.queryKey() });
        toast({ variant: "success", description: `${prompt.name} was added.` });
        onDone();
      },
      onError: (err) => {
        if (!applyServerFieldErrors(err, form.setError)) toast({ variant: "error", description: errorMessage(err) });
      },
    }),
  );
  const { errors } = form.formState;
  return (
    <form noValidate onSubmit={form.handleSubmit((values) => speak.mutate(values))} className="space-y-4">
      <TextField label="Name" autoComplete="off" error={errors.name?.message} {...form.register("name")} />
      <FormField label="Text to speak" hint={`One paragraph, at most ${SPOKEN_TEXT_MAX} characters.`} error={errors.text?.message}>
        {(control) => (
          <textarea
            {...control}
            rows={4}
            maxLength={SPOKEN_TEXT_MAX}
            className="block w-full rounded-md border border-gray-300 px-3 py-2 text-sm text-gray-900 shadow-sm focus:border-indigo-600 focus:ring-2 focus:ring-indigo-600 focus:outline-none"
            {...form.register("text")}
          />
        )}
      </FormField>
      <SelectField label="Voice" options={VOICE_OPTIONS} error={errors.voice?.message} {...form.register("voice")} />
      {speak.isPending && (
        <p role="status" className="flex items-center gap-2 text-sm text-gray-700">
          <Spinner /> Speaking and converting…
        </p>
      )}
      <FormDialogFooter onCancel={onDone} isPending={speak.isPending} submitLabel="Make prompt" />
    </form>
  );
}
