"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { useFormat } from "@/components/format/format-provider";
import { countryName } from "@/components/format/phone-display";
import { Dialog } from "@/components/ui/dialog";
import { FormDialogFooter } from "@/components/ui/form-dialog-footer";
import { SelectField, TextField } from "@/components/ui/form-field";
import { ZUpsertDidPriceInput } from "@/server/modules/numbers/partner/schema";
import { useCountryOptions } from "./country-options";
import type { DidPriceRow } from "./types";
import { useDialogSubmit } from "./use-dialog-submit";

type PriceValues = z.output<typeof ZUpsertDidPriceInput>;
type PriceFormDialogProps = {
  open: boolean;
  onClose: () => void;
  currency: string;
  /** The country's price being changed; absent to price a new country. */
  price?: DidPriceRow;
  submit: (values: PriceValues) => Promise<unknown>;
};

export function PriceFormDialog({ open, onClose, price, ...rest }: PriceFormDialogProps) {
  const format = useFormat();
  return (
    <Dialog open={open} onClose={onClose} title={price ? `Price for ${countryName(price.countryIso, format.locale)}` : "Price a country"} description="Supplier numbers are offered only in countries with a price.">
      <PriceForm price={price} onDone={onClose} {...rest} />
    </Dialog>
  );
}

const CHOOSE_COUNTRY = [{ value: "", label: "Choose a country" }];

function PriceForm({ price, currency, submit, onDone }: Omit<PriceFormDialogProps, "open" | "onClose"> & { onDone: () => void }) {
  const format = useFormat();
  const submitDialog = useDialogSubmit(onDone);
  // A saved price keeps its country (another country is another price), so editing offers only that one.
  const allCountries = useCountryOptions(format.locale, CHOOSE_COUNTRY);
  const countries = price ? [{ value: price.countryIso, label: countryName(price.countryIso, format.locale) }] : allCountries;
  const form = useForm({
    resolver: zodResolver(ZUpsertDidPriceInput),
    defaultValues: { countryIso: price?.countryIso ?? "", setupPrice: price?.setupPrice ?? "0", monthlyPrice: price?.monthlyPrice ?? "" },
  });
  const { errors, isSubmitting } = form.formState;
  const onSubmit = form.handleSubmit((values) => submitDialog(() => submit(values), `Saved the price for ${countryName(values.countryIso, format.locale)}.`, form.setError));
  return (
    <form noValidate onSubmit={onSubmit} className="space-y-4">
      <SelectField label="Country" options={countries} error={errors.countryIso?.message} {...form.register("countryIso")} />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField label={`Setup price (${currency})`} inputMode="decimal" autoComplete="off" error={errors.setupPrice?.message} {...form.register("setupPrice")} />
        <TextField label={`Monthly price (${currency})`} inputMode="decimal" autoComplete="off" error={errors.monthlyPrice?.message} {...form.register("monthlyPrice")} />
      </div>
      <FormDialogFooter onCancel={onDone} isPending={isSubmitting} submitLabel="Save price" />
    </form>
  );
}
