"use client";

import { useFormat } from "@/components/format/format-provider";
import { SearchIcon } from "@/components/ui/icons";
import { Input } from "@/components/ui/input";
import { SelectField } from "@/components/ui/form-field";
import { DID_SORTS, DID_STATES, STANDARD_TIER, type TDidState } from "@/server/modules/numbers/partner/schema";
import { useCountryOptions } from "./country-options";
import { DID_STATE_LABELS } from "./did-badges";
import type { TierRow } from "./types";

export type InventoryFilterValues = { search: string; state: TDidState | ""; countryIso: string; tierId: string; sort: (typeof DID_SORTS)[number] };
export const NO_FILTERS: InventoryFilterValues = { search: "", state: "", countryIso: "", tierId: "", sort: "newest" };

const ALL_COUNTRIES = [{ value: "", label: "All countries" }];

type InventoryFiltersProps = { value: InventoryFilterValues; onChange: (value: InventoryFilterValues) => void; tiers: readonly TierRow[] };

export function InventoryFilters({ value, onChange, tiers }: InventoryFiltersProps) {
  const format = useFormat();
  const set = <K extends keyof InventoryFilterValues>(key: K, v: InventoryFilterValues[K]) => onChange({ ...value, [key]: v });
  const countries = useCountryOptions(format.locale, ALL_COUNTRIES);
  return (
    <div className="mb-4 grid gap-3 sm:grid-cols-2 lg:grid-cols-5 lg:items-end">
      <div className="space-y-1.5 lg:col-span-1">
        <label htmlFor="did-search" className="block text-sm font-medium text-gray-900">
          Search
        </label>
        <div className="relative">
          <SearchIcon className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-gray-500" />
          <Input id="did-search" type="search" placeholder="Number or area" value={value.search} onChange={(e) => set("search", e.target.value)} className="pl-9" />
        </div>
      </div>
      <SelectField label="State" value={value.state} onChange={(e) => set("state", e.target.value as TDidState | "")} options={[{ value: "", label: "All states" }, ...DID_STATES.map((s) => ({ value: s, label: DID_STATE_LABELS[s] }))]} />
      <SelectField label="Country" value={value.countryIso} onChange={(e) => set("countryIso", e.target.value)} options={countries} />
      <SelectField
        label="Tier"
        value={value.tierId}
        onChange={(e) => set("tierId", e.target.value)}
        options={[{ value: "", label: "All tiers" }, ...tiers.map((t) => ({ value: t.id, label: t.name })), { value: STANDARD_TIER, label: "Standard (no tier)" }]}
      />
      <SelectField label="Order" value={value.sort} onChange={(e) => set("sort", e.target.value as InventoryFilterValues["sort"])} options={[{ value: "newest", label: "Newest first" }, { value: "number", label: "By number" }]} />
    </div>
  );
}
