"use client";

import { useMemo } from "react";
import { countryName } from "@/components/format/phone-display";
import { FormField } from "@/components/ui/form-field";
import { Select } from "@/components/ui/select";
import { countryOptions } from "@/components/numbers-shop/countries";

type Props = { value: string[]; onChange: (countries: string[]) => void; error?: string };

/** Countries chosen by name; stored as ISO codes, matched by the engine through libphonenumber. */
export function CountryPicker({ value, onChange, error }: Props) {
  const options = useMemo(() => countryOptions("en-GB").filter((o) => !value.includes(o.value)), [value]);
  return (
    <FormField label="Calls from these countries" error={error}>
      {(control) => (
        <div className="space-y-2">
          <Select
            {...control}
            value=""
            onChange={(e) => e.target.value && onChange([...value, e.target.value])}
            options={[{ value: "", label: "Add a country…" }, ...options]}
          />
          {value.length > 0 && (
            <ul className="flex flex-wrap gap-2" aria-label="Chosen countries">
              {value.map((iso) => (
                <li key={iso} className="flex items-center gap-1 rounded-full bg-gray-100 px-3 py-1 text-sm">
                  {countryName(iso, "en-GB")}
                  <button type="button" className="rounded px-1 text-gray-600 hover:text-gray-900" aria-label={`Remove ${countryName(iso, "en-GB")}`} onClick={() => onChange(value.filter((c) => c !== iso))}>
                    ×
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </FormField>
  );
}
