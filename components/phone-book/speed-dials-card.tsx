"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { PhoneNumberText } from "@/components/format/phone-number-text";
import { useTRPC } from "@/components/providers/trpc-react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Dialog } from "@/components/ui/dialog";
import { applyServerFieldErrors, errorMessage } from "@/components/ui/errors";
import { FormDialogFooter } from "@/components/ui/form-dialog-footer";
import { TextField } from "@/components/ui/form-field";
import { useToast } from "@/components/ui/toast";
import { ZCreateSpeedDialInput, type TCreateSpeedDialInput } from "@/server/modules/speed-dials/schema";

type SpeedDial = { id: string; code: string; number: string; label: string };

/** Company short codes any phone can dial; admins add, change and remove them. */
export function SpeedDialsCard({ isAdmin }: { isAdmin: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const list = useQuery(trpc.speedDial.find.queryOptions());
  const [editing, setEditing] = useState<Partial<SpeedDial> | null>(null);
  const remove = useMutation(trpc.speedDial.delete.mutationOptions({
    onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.speedDial.find.queryKey() }),
    onError: (err) => toast({ variant: "error", description: errorMessage(err) }),
  }));
  return (
    <Card
      title="Speed dials"
      description="Short codes every phone in the company can dial, such as *21 for head office."
      actions={isAdmin ? <Button size="sm" onClick={() => setEditing({})}>Add speed dial</Button> : undefined}
    >
      {(list.data ?? []).length === 0 ? (
        <p className="text-sm text-gray-600">No speed dials yet.</p>
      ) : (
        <ul className="divide-y divide-gray-100" aria-label="Speed dials">
          {(list.data ?? []).map((s) => (
            <li key={s.id} className="flex items-center gap-3 py-2 text-sm">
              <span className="w-14 font-mono font-semibold">{s.code}</span>
              <span className="flex-1">{s.label}</span>
              <span>{s.number.startsWith("+") ? <PhoneNumberText e164={s.number} /> : `Internal ${s.number}`}</span>
              {isAdmin && (
                <>
                  <Button variant="ghost" size="sm" onClick={() => setEditing(s)} aria-label={`Edit speed dial ${s.code}`}>Edit</Button>
                  <Button variant="ghost" size="sm" onClick={() => remove.mutate({ id: s.id })} aria-label={`Delete speed dial ${s.code}`}>Delete</Button>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      <Dialog open={editing !== null} onClose={() => setEditing(null)} title={editing?.id ? "Edit speed dial" : "Add speed dial"}>
        {editing && <SpeedDialForm initial={editing} onDone={() => setEditing(null)} />}
      </Dialog>
    </Card>
  );
}

function SpeedDialForm({ initial, onDone }: { initial: Partial<SpeedDial>; onDone: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const form = useForm<TCreateSpeedDialInput>({ resolver: zodResolver(ZCreateSpeedDialInput), defaultValues: { code: initial.code ?? "", number: initial.number ?? "", label: initial.label ?? "" } });
  const options = {
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: trpc.speedDial.find.queryKey() });
      onDone();
    },
    onError: (err: unknown) => applyServerFieldErrors(err, form.setError, ["code", "number", "label"]),
  };
  const create = useMutation(trpc.speedDial.create.mutationOptions(options));
  const update = useMutation(trpc.speedDial.update.mutationOptions(options));
  const save = initial.id ? update : create;
  const { errors } = form.formState;
  return (
    <form noValidate className="space-y-4" onSubmit={form.handleSubmit((v) => (initial.id ? update.mutate({ id: initial.id, ...v }) : create.mutate(v)))}>
      <TextField label="Code" hint="1 to 4 digits, optionally after a star: *21 or 21" error={errors.code?.message} {...form.register("code")} />
      <TextField label="Name" error={errors.label?.message} {...form.register("label")} />
      <TextField label="Dials" type="tel" hint="A phone number, or an extension, hunt group or queue number" error={errors.number?.message} {...form.register("number")} />
      {save.isError && !errors.code && !errors.number && <p role="alert" className="text-sm text-red-700">{errorMessage(save.error)}</p>}
      <FormDialogFooter onCancel={onDone} isPending={save.isPending} submitLabel="Save speed dial" />
    </form>
  );
}
