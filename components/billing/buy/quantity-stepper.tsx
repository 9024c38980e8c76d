"use client";

import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { MinusIcon, PlusIcon } from "@/components/ui/icons";
import { Input } from "@/components/ui/input";
import { MAX_PURCHASE_QUANTITY } from "@/server/modules/billing/schema";

type QuantityStepperProps = { value: string; onChange: (value: string) => void; error?: string };

/** The typed text is kept as is (an empty box while retyping is fine); the page parses it. */
export function QuantityStepper({ value, onChange, error }: QuantityStepperProps) {
  const current = Number.parseInt(value, 10);
  const step = (delta: number) => {
    const base = Number.isFinite(current) ? current : 0;
    onChange(String(Math.min(MAX_PURCHASE_QUANTITY, Math.max(1, base + delta))));
  };
  return (
    <FormField label="Quantity" hint={`From 1 to ${MAX_PURCHASE_QUANTITY} at once`} error={error}>
      {(control) => (
        <div className="flex items-center gap-2">
          <Button variant="secondary" aria-label="One fewer" onClick={() => step(-1)} disabled={Number.isFinite(current) && current <= 1} className="w-10 shrink-0 px-0!">
            <MinusIcon className="size-4" />
          </Button>
          <Input
            {...control}
            type="number"
            inputMode="numeric"
            min={1}
            max={MAX_PURCHASE_QUANTITY}
            step={1}
            value={value}
            onChange={(e) => onChange(e.target.value)}
            className="w-24 text-center tabular-nums"
          />
          <Button variant="secondary" aria-label="One more" onClick={() => step(1)} disabled={Number.isFinite(current) && current >= MAX_PURCHASE_QUANTITY} className="w-10 shrink-0 px-0!">
            <PlusIcon className="size-4" />
          </Button>
        </div>
      )}
    </FormField>
  );
}
