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
import { ZCreateIvrMenuInput } from "@/server/modules/ivr/schema";

/** What a new menu starts as: no prompts, no keys, five seconds and three tries, then hang up. */
const NEW_MENU = {
  prompts: { intro: null, menu: null, invalid: null, timeout: null, postSelection: null, inactive: null },
  activePeriod: null, inactiveAction: null, digitTimeoutSec: 5, maxRetries: 3, afterRetries: null, directDial: false, faxDestination: null, options: [],
} as const;

/** Names a new menu, then opens it to choose its prompts and keys. */
export function CreateIvrMenuDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  return (
    <Dialog open={open} onClose={onClose} title="New IVR menu" description="An automated answer: callers hear a prompt and press a key. You choose the prompts and keys next.">
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
  const [errors, setErrors] = useState<FieldErrors>({});
  const create = useMutation(
    trpc.ivrMenus.create.mutationOptions({
      onSuccess: async (menu) => {
        await queryClient.invalidateQueries(trpc.ivrMenus.list.queryFilter());
        await queryClient.invalidateQueries(trpc.numbers.destinations.queryFilter());
        toast({ description: `IVR menu ${menu.name} created. Choose its prompts and keys.` });
        router.push(`/routing/ivr/${menu.id}`);
      },
      onError: (err) => {
        const fields = serverFieldErrors(err);
        if (fields.name) setErrors(fields);
        else toast({ variant: "error", description: errorMessage(err) });
      },
    }),
  );

  function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = ZCreateIvrMenuInput.safeParse({ ...NEW_MENU, name });
    if (!parsed.success) return setErrors(zodFieldErrors(parsed.error));
    setErrors({});
    create.mutate(parsed.data);
  }

  return (
    <form onSubmit={submit} noValidate className="space-y-4">
      <TextField label="Name" value={name} onChange={(e) => setName(e.target.value)} error={errors.name} autoComplete="off" placeholder="Main menu" />
      <FormDialogFooter onCancel={onClose} isPending={create.isPending} submitLabel="Create menu" />
    </form>
  );
}
