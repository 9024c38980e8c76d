"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { useTRPC } from "@/components/providers/trpc-react";
import { zodFieldErrors, type FieldErrors } from "@/components/routing/field-errors";
import { Dialog } from "@/components/ui/dialog";
import { errorMessage, serverFieldErrors } from "@/components/ui/errors";
import { FormDialogFooter } from "@/components/ui/form-dialog-footer";
import { TextField } from "@/components/ui/form-field";
import { useToast } from "@/components/ui/toast";
import { ZCreateCallQueueInput } from "@/server/modules/queues/schema";

/** What a new queue starts as: the database's defaults, music on hold, no members until the next page. */
const NEW_QUEUE = {
  strategy: "ringAll", leastUsedBy: "longestIdle", memberRingSec: 15, retrySec: 5, maxWaitSec: 300, timeoutDestination: null, holdPromptId: null,
  announcePosition: true, announceWaitTime: true, announceEverySec: 60, whenNoMembers: "wait", noMembersDestination: null, members: [],
} as const;

/** Names and numbers a new queue, then opens it to add members. */
export function CreateCallQueueDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  return (
    <Dialog open={open} onClose={onClose} title="New call queue" description="Callers wait in line, hearing music or a prompt, until a member answers. You add the members next.">
      {open && <CreateForm onClose={onClose} />}
    </Dialog>
  );
}

function CreateForm({ onClose }: { onClose: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const toast = useToast();
  const [name, setName] = useState("");
  const [number, setNumber] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});
  const create = useMutation(
    trpc.callQueues.create.mutationOptions({
      onSuccess: async (queue) => {
        await queryClient.invalidateQueries(trpc.callQueues.list.queryFilter());
        await queryClient.invalidateQueries(trpc.numbers.destinations.queryFilter());
        toast({ description: `Call queue ${queue.number} created. Add its members.` });
        router.push(`/routing/queues/${queue.id}`);
      },
      onError: (err) => {
        const fields = serverFieldErrors(err);
        if (fields.name || fields.number) setErrors(fields);
        else toast({ variant: "error", description: errorMessage(err) });
      },
    }),
  );

  function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = ZCreateCallQueueInput.safeParse({ ...NEW_QUEUE, name, number });
    if (!parsed.success) return setErrors(zodFieldErrors(parsed.error));
    setErrors({});
    create.mutate(parsed.data);
  }

  return (
    <form onSubmit={submit} noValidate className="space-y-4">
      <TextField label="Name" value={name} onChange={(e) => setName(e.target.value)} error={errors.name} autoComplete="off" placeholder="Support" />
      <TextField label="Number" hint="2–6 digits, dialled like an extension." inputMode="numeric" value={number} onChange={(e) => setNumber(e.target.value)} error={errors.number} autoComplete="off" placeholder="700" />
      <FormDialogFooter onCancel={onClose} isPending={create.isPending} submitLabel="Create queue" />
    </form>
  );
}
