"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useFieldArray, useForm } from "react-hook-form";
import { useTRPC } from "@/components/providers/trpc-react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { applyServerFieldErrors, errorMessage } from "@/components/ui/errors";
import { FormDialogFooter } from "@/components/ui/form-dialog-footer";
import { SelectField, TextField } from "@/components/ui/form-field";
import { MAX_NUMBERS_PER_CONTACT, NUMBER_LABELS, ZCreateContactInput, type TCreateContactInput } from "@/server/modules/phone-book/schema";

/** What the form starts from: a contact to edit (with id), or a new one, maybe prefilled from a call. */
export type ContactDraft = Partial<TCreateContactInput> & { id?: string };

type Props = { draft: ContactDraft | null; onClose: () => void; canEditCompanyBook: boolean };

const LABEL_OPTIONS = NUMBER_LABELS.map((l) => ({ value: l, label: l }));

/** Create or edit a contact; the book is chosen only for a new one. */
export function ContactFormDialog({ draft, onClose, canEditCompanyBook }: Props) {
  return (
    <Dialog open={draft !== null} onClose={onClose} title={draft?.id ? "Edit contact" : "Add to phone book"}>
      {draft && <ContactForm draft={draft} onDone={onClose} canEditCompanyBook={canEditCompanyBook} />}
    </Dialog>
  );
}

function ContactForm({ draft, onDone, canEditCompanyBook }: { draft: ContactDraft; onDone: () => void; canEditCompanyBook: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const form = useForm<TCreateContactInput>({
    resolver: zodResolver(ZCreateContactInput),
    defaultValues: {
      book: draft.book ?? (canEditCompanyBook ? "company" : "personal"),
      name: draft.name ?? "",
      company: draft.company ?? "",
      email: draft.email ?? "",
      numbers: draft.numbers?.length ? draft.numbers : [{ label: "Mobile", number: "" }],
    },
  });
  const numbers = useFieldArray({ control: form.control, name: "numbers" });
  const options = {
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: trpc.phoneBook.find.pathKey() }),
        queryClient.invalidateQueries({ queryKey: trpc.calls.recent.pathKey() }),
      ]);
      onDone();
    },
    onError: (err: unknown) => applyServerFieldErrors(err, form.setError),
  };
  const create = useMutation(trpc.phoneBook.create.mutationOptions(options));
  const update = useMutation(trpc.phoneBook.update.mutationOptions(options));
  const save = draft.id ? update : create;
  const submit = form.handleSubmit(({ book, ...values }) => (draft.id ? update.mutate({ id: draft.id, ...values }) : create.mutate({ book, ...values })));
  const { errors } = form.formState;
  return (
    <form noValidate onSubmit={submit} className="space-y-4">
      {!draft.id && (
        <SelectField
          label="Phone book"
          options={[...(canEditCompanyBook ? [{ value: "company", label: "Company (everyone sees it)" }] : []), { value: "personal", label: "Personal (only you see it)" }]}
          {...form.register("book")}
        />
      )}
      <TextField label="Name" autoComplete="off" error={errors.name?.message} {...form.register("name")} />
      <TextField label="Company" autoComplete="off" error={errors.company?.message} {...form.register("company")} />
      <TextField label="Email" type="email" autoComplete="off" error={errors.email?.message} {...form.register("email")} />
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-gray-900">Numbers</legend>
        {numbers.fields.map((field, i) => (
          <div key={field.id} className="flex items-end gap-2">
            <SelectField label={`Label of number ${i + 1}`} className="w-32" options={LABEL_OPTIONS} {...form.register(`numbers.${i}.label`)} />
            <TextField
              label={`Number ${i + 1}`}
              type="tel"
              className="flex-1"
              error={errors.numbers?.[i]?.number?.message ?? (errors as Record<string, { message?: string }>)[`numbers.${i}.number`]?.message}
              {...form.register(`numbers.${i}.number`)}
            />
            {numbers.fields.length > 1 && (
              <Button variant="ghost" size="sm" onClick={() => numbers.remove(i)} aria-label={`Remove number ${i + 1}`}>
                Remove
              </Button>
            )}
          </div>
        ))}
        {errors.numbers?.message && <p className="text-sm text-red-700">{errors.numbers.message}</p>}
        {numbers.fields.length < MAX_NUMBERS_PER_CONTACT && (
          <Button variant="secondary" size="sm" onClick={() => numbers.append({ label: "Work", number: "" })}>
            Add another number
          </Button>
        )}
      </fieldset>
      {save.isError && <p role="alert" className="text-sm text-red-700">{errorMessage(save.error)}</p>}
      <FormDialogFooter onCancel={onDone} isPending={save.isPending} submitLabel={draft.id ? "Save contact" : "Add contact"} />
    </form>
  );
}
