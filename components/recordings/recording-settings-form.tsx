"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useForm, useWatch } from "react-hook-form";
import { useTRPC } from "@/components/providers/trpc-react";
import { Button } from "@/components/ui/button";
import { applyServerFieldErrors, errorMessage } from "@/components/ui/errors";
import { SelectField } from "@/components/ui/form-field";
import { useToast } from "@/components/ui/toast";
import { ZRecordingSettingsInput, type TRecordingSettingsInput } from "@/server/modules/recordings/schema";

type Flags = Omit<TRecordingSettingsInput, "extensionId" | "recordAnnouncementPromptId"> & { recordAnnouncementPromptId: string | null };

const KINDS = [
  ["recordIncomingExternal", "Incoming calls from outside", "Calls over your numbers that this extension answers."],
  ["recordIncomingInternal", "Incoming calls from colleagues", "Calls from other extensions."],
  ["recordOutgoingExternal", "Outgoing calls to outside numbers", "Calls this extension places over the phone network."],
  ["recordOutgoingInternal", "Outgoing calls to colleagues", "Calls this extension places to other extensions."],
] as const;

/** The four kinds of call an extension's line records, and the announcement; read-only for non-admins. */
export function RecordingSettingsForm({ extensionId, settings, canEdit }: { extensionId: string; settings: Flags; canEdit: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const prompts = useQuery({ ...trpc.voicePrompt.find.queryOptions(), enabled: canEdit });
  const form = useForm<TRecordingSettingsInput>({
    resolver: zodResolver(ZRecordingSettingsInput),
    defaultValues: { ...settings, extensionId, recordAnnouncementPromptId: settings.recordAnnouncementPromptId ?? "" },
  });
  const save = useMutation(
    trpc.recording.updateSettings.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries({ queryKey: trpc.recording.settings.queryKey({ extensionId }) });
        toast({ variant: "success", description: "Recording settings were saved." });
      },
      onError: (err) => {
        if (!applyServerFieldErrors(err, form.setError)) toast({ variant: "error", description: errorMessage(err) });
      },
    }),
  );
  const isAnnouncing = useWatch({ control: form.control, name: "recordAnnouncement" });
  const promptOptions = [{ value: "", label: "Built-in: “This call may be recorded”" }, ...(prompts.data ?? []).map((p) => ({ value: p.id, label: p.name }))];

  return (
    <form noValidate onSubmit={form.handleSubmit((values) => save.mutate(values))} className="space-y-5">
      <fieldset disabled={!canEdit} className="space-y-3">
        <legend className="text-sm font-medium text-gray-900">Record</legend>
        {KINDS.map(([field, label, hint]) => (
          <label key={field} className="flex items-start gap-3">
            <input type="checkbox" className="mt-0.5 size-4 accent-indigo-600" {...form.register(field)} />
            <span>
              <span className="block text-sm text-gray-900">{label}</span>
              <span className="block text-xs text-gray-600">{hint}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <fieldset disabled={!canEdit} className="space-y-3">
        <legend className="text-sm font-medium text-gray-900">Announcement</legend>
        <label className="flex items-start gap-3">
          <input type="checkbox" className="mt-0.5 size-4 accent-indigo-600" {...form.register("recordAnnouncement")} />
          <span className="text-sm text-gray-900">Tell both parties the call is recorded when recording starts</span>
        </label>
        {isAnnouncing && canEdit && (
          <SelectField label="Announcement prompt" options={promptOptions} error={form.formState.errors.recordAnnouncementPromptId?.message} {...form.register("recordAnnouncementPromptId")} className="max-w-md" />
        )}
      </fieldset>
      {canEdit ? (
        <Button type="submit" isLoading={save.isPending}>Save recording settings</Button>
      ) : (
        <p className="text-sm text-gray-600">Only your company&apos;s administrators can change these settings.</p>
      )}
    </form>
  );
}
