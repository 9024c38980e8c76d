"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTRPC } from "@/components/providers/trpc-react";
import { Dialog } from "@/components/ui/dialog";
import { FormDialogFooter } from "@/components/ui/form-dialog-footer";
import { FormField, TextField } from "@/components/ui/form-field";
import { Spinner } from "@/components/ui/spinner";
import { useToast } from "@/components/ui/toast";
import { PROMPT_UPLOAD_LIMITS, ZPromptName } from "@/server/modules/prompts/schema";
import { uploadPrompt, type UploadPhase } from "./upload-prompt";

const FILE_HINT = `${PROMPT_UPLOAD_LIMITS.types}, at most 8 MB and ${PROMPT_UPLOAD_LIMITS.maxMinutes} minutes. It is converted for the phone system (8 kHz mono).`;

export function UploadPromptDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  return (
    <Dialog open={open} onClose={onClose} title="Upload a prompt" description="A recording of your own, played to callers by menus, queues and announcements.">
      <UploadPromptForm onDone={onClose} />
    </Dialog>
  );
}

function UploadPromptForm({ onDone }: { onDone: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const [name, setName] = useState("");
  const [file, setFile] = useState<File | null>(null);
  const [errors, setErrors] = useState<{ name?: string; file?: string; form?: string }>({});
  const [progress, setProgress] = useState<UploadPhase | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = ZPromptName.safeParse(name);
    const next = { name: parsed.success ? undefined : parsed.error.issues[0]?.message, file: file ? undefined : "Choose a file" };
    setErrors(next);
    if (!parsed.success || !file) return;
    if (file.size > PROMPT_UPLOAD_LIMITS.maxBytes) return setErrors({ file: "The file is larger than 8 MB, the most a prompt can be." });
    setProgress({ phase: "uploading", percent: 0 });
    const result = await uploadPrompt(parsed.data, file, setProgress);
    setProgress(null);
    if (!result.ok) return setErrors(result.field ? { [result.field]: result.message } : { form: result.message });
    await queryClient.invalidateQueries({ queryKey: trpc.voicePrompt.find.queryKey() });
    toast({ variant: "success", description: `${parsed.data} was added.` });
    onDone();
  }

  return (
    <form noValidate onSubmit={submit} className="space-y-4">
      <TextField label="Name" autoComplete="off" value={name} onChange={(e) => setName(e.target.value)} error={errors.name} />
      <FormField label="Audio file" hint={FILE_HINT} error={errors.file}>
        {(control) => (
          <input
            {...control}
            type="file"
            accept=".wav,.mp3,.ogg,audio/wav,audio/mpeg,audio/ogg"
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
            className="block w-full text-sm text-gray-900 file:mr-3 file:rounded-md file:border-0 file:bg-indigo-50 file:px-3 file:py-2 file:text-sm file:font-medium file:text-indigo-800 hover:file:bg-indigo-100"
          />
        )}
      </FormField>
      {progress && <UploadProgress progress={progress} />}
      {errors.form && (
        <p role="alert" className="text-sm text-red-700">
          {errors.form}
        </p>
      )}
      <FormDialogFooter onCancel={onDone} isPending={progress !== null} submitLabel="Upload" />
    </form>
  );
}

function UploadProgress({ progress }: { progress: UploadPhase }) {
  const percent = progress.phase === "uploading" ? progress.percent : 100;
  return (
    <div className="space-y-1.5" role="status" aria-live="polite">
      <div className="flex items-center gap-2 text-sm text-gray-700">
        <Spinner />
        {progress.phase === "uploading" ? `Uploading… ${percent}%` : "Converting for the phone system…"}
      </div>
      <progress className="h-2 w-full accent-indigo-600" max={100} value={percent} aria-label="Upload progress" />
    </div>
  );
}
