"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTRPC } from "@/components/providers/trpc-react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { errorMessage } from "@/components/ui/errors";
import { TextField } from "@/components/ui/form-field";
import { Skeleton } from "@/components/ui/skeleton";
import { useToast } from "@/components/ui/toast";
import { MAX_RETENTION_DAYS, ZRetentionInput } from "@/server/modules/recordings/schema";

/** How long the company keeps recordings; the retention job deletes older ones every day. */
export function RetentionCard() {
  const trpc = useTRPC();
  const retention = useQuery(trpc.recording.retention.queryOptions());
  return (
    <Card title="Keep recordings" description="Older recordings are deleted automatically, with their files.">
      {retention.isPending ? <Skeleton className="h-9 w-64" /> : retention.isError ? <p className="text-sm text-red-700">{errorMessage(retention.error)}</p> : <RetentionForm days={retention.data.days} />}
    </Card>
  );
}

function RetentionForm({ days }: { days: number | null }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const [isForever, setForever] = useState(days === null);
  const [text, setText] = useState(String(days ?? 90));
  const [error, setError] = useState<string>();
  const save = useMutation(
    trpc.recording.setRetention.mutationOptions({
      onSuccess: async (saved) => {
        await queryClient.invalidateQueries({ queryKey: trpc.recording.retention.queryKey() });
        toast({ variant: "success", description: saved.days === null ? "Recordings are kept until deleted." : `Recordings are kept ${saved.days} days.` });
      },
      onError: (err) => toast({ variant: "error", description: errorMessage(err) }),
    }),
  );
  function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = ZRetentionInput.safeParse({ days: isForever ? null : Number(text) });
    setError(parsed.success ? undefined : parsed.error.issues[0]?.message);
    if (parsed.success) save.mutate(parsed.data);
  }
  return (
    <form noValidate onSubmit={submit} className="flex flex-wrap items-end gap-4">
      <fieldset className="space-y-2">
        <legend className="sr-only">Retention</legend>
        <label className="flex items-center gap-2 text-sm text-gray-900">
          <input type="radio" name="retention" checked={!isForever} onChange={() => setForever(false)} className="size-4 accent-indigo-600" /> For a number of days
        </label>
        <label className="flex items-center gap-2 text-sm text-gray-900">
          <input type="radio" name="retention" checked={isForever} onChange={() => setForever(true)} className="size-4 accent-indigo-600" /> Until someone deletes them
        </label>
      </fieldset>
      {!isForever && (
        <TextField label="Days" type="number" inputMode="numeric" min={1} max={MAX_RETENTION_DAYS} value={text} onChange={(e) => setText(e.target.value)} error={error} hint={`1–${MAX_RETENTION_DAYS}`} className="w-32" />
      )}
      <Button type="submit" isLoading={save.isPending}>Save</Button>
    </form>
  );
}
