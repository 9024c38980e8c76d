"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { AccessDenied } from "@/components/layout/access-denied";
import { QueryError } from "@/components/layout/query-error";
import { PromptsTable, type PromptRow } from "@/components/prompts/prompts-table";
import { RenamePromptDialog } from "@/components/prompts/rename-prompt-dialog";
import { SpeakPromptDialog } from "@/components/prompts/speak-prompt-dialog";
import { UploadPromptDialog } from "@/components/prompts/upload-prompt-dialog";
import { useTRPC } from "@/components/providers/trpc-react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { errorMessage } from "@/components/ui/errors";
import { MessageIcon, UploadIcon } from "@/components/ui/icons";
import { PageHeader } from "@/components/ui/page-header";
import { TableSkeleton } from "@/components/ui/skeleton";
import { useToast } from "@/components/ui/toast";

export function PromptsPageClient() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const prompts = useQuery(trpc.voicePrompt.find.queryOptions());
  const [dialog, setDialog] = useState<"upload" | "speak" | null>(null);
  const [renaming, setRenaming] = useState<PromptRow | null>(null);
  const [deleting, setDeleting] = useState<PromptRow | null>(null);
  const remove = useMutation(
    trpc.voicePrompt.delete.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries({ queryKey: trpc.voicePrompt.find.queryKey() });
        toast({ variant: "success", description: `${deleting?.name ?? "The prompt"} was deleted.` });
        setDeleting(null);
      },
      onError: (err) => toast({ variant: "error", description: errorMessage(err) }),
    }),
  );

  if (prompts.isPending) return <TableSkeleton label="Loading voice prompts" />;
  if (prompts.isError) {
    if (prompts.error.data?.code === "FORBIDDEN") return <AccessDenied />;
    return <QueryError error={prompts.error} onRetry={() => prompts.refetch()} />;
  }

  const actions = (
    <>
      <Button onClick={() => setDialog("upload")}>
        <UploadIcon className="size-4" /> Upload a prompt
      </Button>
      <Button variant="secondary" onClick={() => setDialog("speak")}>
        From text
      </Button>
    </>
  );

  return (
    <>
      <PageHeader title="Voice prompts" description="Recordings played to callers: menu greetings, hold messages and recording announcements." actions={prompts.data.length > 0 ? actions : undefined} />
      {prompts.data.length === 0 ? (
        <EmptyState icon={<MessageIcon className="size-6" />} title="No prompts yet" description="Upload a WAV, MP3 or OGG file, or type a text for a synthetic voice to read." action={<div className="flex gap-2">{actions}</div>} />
      ) : (
        <PromptsTable prompts={prompts.data} onRename={setRenaming} onDelete={setDeleting} />
      )}
      <UploadPromptDialog open={dialog === "upload"} onClose={() => setDialog(null)} />
      <SpeakPromptDialog open={dialog === "speak"} onClose={() => setDialog(null)} />
      <RenamePromptDialog prompt={renaming} onClose={() => setRenaming(null)} />
      <ConfirmDialog
        open={deleting !== null}
        onClose={() => setDeleting(null)}
        onConfirm={() => deleting && remove.mutate({ id: deleting.id })}
        isPending={remove.isPending}
        isDanger
        title="Delete prompt?"
        description={
          deleting && deleting.usedBy.length > 0 ? (
            <>
              <strong className="font-semibold text-gray-900">{deleting.name}</strong> is used by {deleting.usedBy.join(", ")}. They will play their default instead
              (a beep, music on hold or the built-in announcement). This cannot be undone.
            </>
          ) : (
            <>
              <strong className="font-semibold text-gray-900">{deleting?.name}</strong> is not used anywhere. This cannot be undone.
            </>
          )
        }
        confirmLabel="Delete prompt"
      />
    </>
  );
}
