"use client";

import { Input } from "@/components/ui/input";
import { SearchIcon } from "@/components/ui/icons";
import { FILTER_LABELS, FILTERS, type PresenceFilterKey } from "./presence-model";

type PresenceFiltersProps = {
  search: string;
  onSearch: (value: string) => void;
  filter: PresenceFilterKey;
  onFilter: (value: PresenceFilterKey) => void;
  counts: Record<PresenceFilterKey, number>;
};

/** A search box and one chip per state; chips are toggle buttons with their counts. */
export function PresenceFilters({ search, onSearch, filter, onFilter, counts }: PresenceFiltersProps) {
  return (
    <div className="mb-4 flex flex-col gap-3 lg:flex-row lg:items-center">
      <div className="relative lg:w-72">
        <SearchIcon className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-gray-500" />
        <Input
          type="search"
          value={search}
          onChange={(e) => onSearch(e.target.value)}
          placeholder="Number, name or caller"
          aria-label="Search extensions"
          className="pl-9"
        />
      </div>
      <div role="group" aria-label="Show" className="flex flex-wrap gap-2">
        {FILTERS.map((key) => {
          const isActive = key === filter;
          return (
            <button
              key={key}
              type="button"
              aria-pressed={isActive}
              onClick={() => onFilter(key)}
              className={`inline-flex h-8 items-center gap-1.5 rounded-full border px-3 text-sm font-medium focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 ${
                isActive ? "border-indigo-600 bg-indigo-600 text-white" : "border-gray-300 bg-white text-gray-800 hover:bg-gray-50"
              }`}
            >
              {FILTER_LABELS[key]}
              <span className={`tabular-nums ${isActive ? "text-indigo-100" : "text-gray-500"}`}>{counts[key]}</span>
            </button>
          );
        })}
      </div>
    </div>
  );
}
