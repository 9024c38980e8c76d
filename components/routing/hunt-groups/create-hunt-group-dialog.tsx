"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { useTRPC } from "@/components/providers/trpc-react";
import { Dialog } from "@/components/ui/dialog";
import { errorMessage, serverFieldErrors } from "@/components/ui/errors";
import { FormDialogFooter } from "@/components/ui/form-dialog-footer";
import { TextField } from "@/components/ui/form-field";
import { useToast } from "@/components/ui/toast";
import { ZCreateHuntGroupInput } from "@/server/modules/routing/hunt-groups/schema";
import { zodFieldErrors, type FieldErrors } from "../field-errors";

/** What a new group starts as: ring everyone, a minute in all, no members until the next page. */
const NEW_GROUP = { strategy: "ringAll", leastUsedBy: "answeredToday", ringSec: 60, allowCallWaiting: false, overflow: null, members: [] } as const;

/** Names and numbers a new group, then opens it to add members. */
export function CreateHuntGroupDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  return (
    <Dialog open={open} onClose={onClose} title="New hunt group" description="A number that rings a group of extensions. You add the members next.">
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
    trpc.huntGroups.create.mutationOptions({
      onSuccess: async (group) => {
        await queryClient.invalidateQueries(trpc.huntGroups.list.queryFilter());
        toast({ description: `Hunt group ${group.number} created. Add its members.` });
        router.push(`/routing/hunt-groups/${group.id}`);
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
    const parsed = ZCreateHuntGroupInput.safeParse({ ...NEW_GROUP, name, number });
    if (!parsed.success) return setErrors(zodFieldErrors(parsed.error));
    setErrors({});
    create.mutate(parsed.data);
  }

  return (
    <form onSubmit={submit} noValidate className="space-y-4">
      <TextField label="Name" value={name} onChange={(e) => setName(e.target.value)} error={errors.name} autoComplete="off" placeholder="Sales" />
      <TextField label="Number" hint="2–6 digits, dialled like an extension." inputMode="numeric" value={number} onChange={(e) => setNumber(e.target.value)} error={errors.number} autoComplete="off" placeholder="600" />
      <FormDialogFooter onCancel={onClose} isPending={create.isPending} submitLabel="Create hunt group" />
    </form>
  );
}
