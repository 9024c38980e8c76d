"use client";

import { useFieldArray, type Control, type FieldErrors, type UseFormGetValues, type UseFormRegister, type UseFormSetValue } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { PlusIcon, XIcon } from "@/components/ui/icons";
import { Input } from "@/components/ui/input";
import type { PlanFormValues } from "./plan-form";

type BandsEditorProps = {
  control: Control<PlanFormValues>;
  register: UseFormRegister<PlanFormValues>;
  getValues: UseFormGetValues<PlanFormValues>;
  setValue: UseFormSetValue<PlanFormValues>;
  errors: FieldErrors<PlanFormValues>["bands"];
  currency: string;
};

const toCount = (v: unknown) => (v === "" || v === null || v === undefined ? Number.NaN : Number(v));
/** An empty "to" box is the open-ended last band ("11 and above"). */
const toOptionalCount = (v: unknown) => (v === "" || v === null || v === undefined ? null : Number(v));

/**
 * Rows of from-to-price. The messages under each row come from validateBands (through the
 * schema), the same rules and words the server applies, so what saves here saves there.
 */
export function BandsEditor({ control, register, getValues, setValue, errors, currency }: BandsEditorProps) {
  const { fields, append, remove } = useFieldArray({ control, name: "bands" });
  const addBand = () => {
    const bands = getValues("bands");
    const last = bands[bands.length - 1];
    if (!last) return append({ minQuantity: 1, maxQuantity: null, monthlyPrice: "" });
    // Close the open-ended band to make room; the new one becomes the open-ended tail.
    const lastMax = Number.isFinite(last.maxQuantity ?? Number.NaN) ? (last.maxQuantity as number) : last.minQuantity + 4;
    if (last.maxQuantity === null) setValue(`bands.${bands.length - 1}.maxQuantity`, lastMax, { shouldValidate: false });
    append({ minQuantity: lastMax + 1, maxQuantity: null, monthlyPrice: last.monthlyPrice });
  };
  const listError = errors?.message ?? errors?.root?.message;

  return (
    <fieldset className="space-y-2">
      <legend className="text-sm font-medium text-gray-900">Price bands</legend>
      <p className="text-xs text-gray-600">
        By the total number of accounts of this type a customer has. Start at 1, no gaps, and leave the last band&apos;s &quot;to&quot; empty for &quot;and above&quot;.
      </p>
      <div className="hidden grid-cols-[1fr_1fr_1.4fr_2.5rem] gap-2 text-xs font-medium text-gray-700 sm:grid" aria-hidden="true">
        <span>From</span>
        <span>To</span>
        <span>Monthly price ({currency || "currency"})</span>
      </div>
      <ol className="space-y-3">
        {fields.map((field, i) => {
          const rowError = errors?.[i];
          const messages = [rowError?.message, rowError?.minQuantity?.message, rowError?.maxQuantity?.message, rowError?.monthlyPrice?.message].filter(Boolean);
          const errorId = `band-${field.id}-error`;
          const describedBy = messages.length ? errorId : undefined;
          const invalid = messages.length ? true : undefined;
          return (
            <li key={field.id}>
              <div className="grid grid-cols-[1fr_1fr_1.4fr_2.5rem] items-center gap-2">
                <Input aria-label={`Band ${i + 1} from`} type="number" min={1} inputMode="numeric" aria-invalid={invalid} aria-describedby={describedBy} {...register(`bands.${i}.minQuantity`, { setValueAs: toCount })} />
                <Input aria-label={`Band ${i + 1} to`} type="number" min={1} inputMode="numeric" placeholder="and above" aria-invalid={invalid} aria-describedby={describedBy} {...register(`bands.${i}.maxQuantity`, { setValueAs: toOptionalCount })} />
                <Input aria-label={`Band ${i + 1} monthly price`} inputMode="decimal" autoComplete="off" aria-invalid={invalid} aria-describedby={describedBy} {...register(`bands.${i}.monthlyPrice`)} />
                <Button variant="ghost" size="sm" className="w-10 px-0!" aria-label={`Remove band ${i + 1}`} onClick={() => remove(i)} disabled={fields.length === 1}>
                  <XIcon className="size-4" />
                </Button>
              </div>
              {messages.length > 0 && (
                <p id={errorId} className="mt-1 text-sm text-red-700">
                  {messages.join(" ")}
                </p>
              )}
            </li>
          );
        })}
      </ol>
      {listError && <p className="text-sm text-red-700">{listError}</p>}
      <Button variant="secondary" size="sm" onClick={addBand} disabled={fields.length >= 20}>
        <PlusIcon className="size-4" /> Add band
      </Button>
    </fieldset>
  );
}
