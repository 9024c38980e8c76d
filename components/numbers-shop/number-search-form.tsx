"use client";

import { useMemo, useState, type FormEvent } from "react";
import { useFormat } from "@/components/format/format-provider";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/form-field";
import { SearchIcon } from "@/components/ui/icons";
import { ZNumberSearchInput, type TNumberSearchInput } from "@/server/modules/numbers/shop/schema";
import { countryOptions } from "./countries";

type Props = { initial: TNumberSearchInput; isSearching: boolean; onSearch: (query: TNumberSearchInput) => void };

/** Country, area (a town or an area code) and digits; validated with the procedure's own schema. */
export function NumberSearchForm({ initial, isSearching, onSearch }: Props) {
  const format = useFormat();
  const countries = useMemo(() => countryOptions(format.locale), [format.locale]);
  const [countryIso, setCountryIso] = useState(initial.countryIso);
  const [area, setArea] = useState(initial.area ?? "");
  const [digits, setDigits] = useState(initial.digits ?? "");
  const [errors, setErrors] = useState<Partial<Record<keyof TNumberSearchInput, string>>>({});

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = ZNumberSearchInput.safeParse({ countryIso, area: area || undefined, digits: digits || undefined });
    if (!parsed.success) {
      setErrors(Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message])));
      return;
    }
    setErrors({});
    onSearch(parsed.data);
  };

  return (
    <form onSubmit={submit} className="grid gap-4 sm:grid-cols-[minmax(0,14rem)_minmax(0,1fr)_minmax(0,10rem)_auto] sm:items-end" role="search" aria-label="Find a number">
      <SelectField label="Country" options={countries} value={countryIso} onChange={(e) => setCountryIso(e.target.value)} error={errors.countryIso} />
      <TextField label="Area" hint="A town, or an area code such as 20" value={area} onChange={(e) => setArea(e.target.value)} error={errors.area} maxLength={40} />
      <TextField label="Digits" hint="Numbers containing…" inputMode="numeric" value={digits} onChange={(e) => setDigits(e.target.value)} error={errors.digits} maxLength={8} />
      <Button type="submit" isLoading={isSearching} className="sm:mb-6">
        <SearchIcon className="size-4" /> Search
      </Button>
    </form>
  );
}
