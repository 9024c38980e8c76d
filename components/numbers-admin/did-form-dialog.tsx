"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { useFormat } from "@/components/format/format-provider";
import { formatInternational } from "@/components/format/phone-display";
import { Dialog } from "@/components/ui/dialog";
import { FormDialogFooter } from "@/components/ui/form-dialog-footer";
import { SelectField, TextField } from "@/components/ui/form-field";
import { ZCreateDidInput, ZUpdateDidInput } from "@/server/modules/numbers/partner/schema";
import { useCountryOptions } from "./country-options";
import type { DidRow } from "./types";
import { useDialogSubmit } from "./use-dialog-submit";

type CreateValues = z.output<typeof ZCreateDidInput>;
type UpdateValues = z.output<typeof ZUpdateDidInput>;

type DidFormDialogProps = {
  open: boolean;
  onClose: () => void;
  currency: string;
  /** The number being changed; absent to add one. */
  did?: DidRow;
  create: (values: CreateValues) => Promise<unknown>;
  update: (values: UpdateValues) => Promise<unknown>;
};

export function DidFormDialog({ open, onClose, did, ...rest }: DidFormDialogProps) {
  return (
    <Dialog open={open} onClose={onClose} title={did ? `Edit ${formatInternational(did.number)}` : "Add a number"}>
      {did ? <EditForm did={did} onDone={onClose} {...rest} /> : <AddForm onDone={onClose} {...rest} />}
    </Dialog>
  );
}

const DETECT_COUNTRY = [{ value: "", label: "United Kingdom, or as the + says" }];

type FormProps = Omit<DidFormDialogProps, "open" | "onClose" | "did"> & { onDone: () => void };

function PriceFields({ currency, register, errors }: { currency: string; register: (name: "area" | "setupPrice" | "monthlyPrice") => object; errors: Record<string, { message?: string } | undefined> }) {
  return (
    <>
      <TextField label="Area" hint="Optional, e.g. London" autoComplete="off" error={errors.area?.message} {...register("area")} className="sm:col-span-2" />
      <TextField label={`Setup price (${currency})`} hint="Before any tier premium" inputMode="decimal" autoComplete="off" error={errors.setupPrice?.message} {...register("setupPrice")} />
      <TextField label={`Monthly price (${currency})`} hint="Before any tier premium" inputMode="decimal" autoComplete="off" error={errors.monthlyPrice?.message} {...register("monthlyPrice")} />
    </>
  );
}

function AddForm({ currency, create, onDone }: FormProps) {
  const format = useFormat();
  const countries = useCountryOptions(format.locale, DETECT_COUNTRY);
  const form = useForm({ resolver: zodResolver(ZCreateDidInput), defaultValues: { number: "", countryIso: "", area: "", setupPrice: "0", monthlyPrice: "" } });
  const { errors, isSubmitting } = form.formState;
  const submit = useDialogSubmit(onDone);
  const onSubmit = form.handleSubmit((values) => submit(() => create(values), `Added ${values.number} to stock.`, form.setError));
  return (
    <form noValidate onSubmit={onSubmit} className="space-y-4">
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField label="Number" hint="National (020 7946 0000) or international (+44 20 7946 0000)" inputMode="tel" autoComplete="off" error={errors.number?.message} {...form.register("number")} className="sm:col-span-2" />
        <SelectField label="Country" hint="Where a national number is read" options={countries} error={errors.countryIso?.message} {...form.register("countryIso")} className="sm:col-span-2" />
        <PriceFields currency={currency} register={form.register} errors={errors} />
      </div>
      <FormDialogFooter onCancel={onDone} isPending={isSubmitting} submitLabel="Add number" />
    </form>
  );
}

function EditForm({ did, currency, update, onDone }: FormProps & { did: DidRow }) {
  const form = useForm({ resolver: zodResolver(ZUpdateDidInput), defaultValues: { id: did.id, area: did.area ?? "", setupPrice: did.setupPrice, monthlyPrice: did.monthlyPrice } });
  const { errors, isSubmitting } = form.formState;
  const submit = useDialogSubmit(onDone);
  const onSubmit = form.handleSubmit((values) => submit(() => update(values), `Saved ${formatInternational(did.number)}.`, form.setError));
  return (
    <form noValidate onSubmit={onSubmit} className="space-y-4">
      <div className="grid gap-4 sm:grid-cols-2">
        <PriceFields currency={currency} register={form.register} errors={errors} />
      </div>
      <FormDialogFooter onCancel={onDone} isPending={isSubmitting} submitLabel="Save" />
    </form>
  );
}
