"use client";

import { Swatch } from "@/components/charts/chart-patterns";
import { seriesStyle } from "@/components/charts/palette";
import { MAX_COMPARED } from "./chart-selection";

export type PickableAccount = { id: string; label: string };


/**
 * Which extensions the chart compares: a checkbox per extension, with its chart colour and
 * pattern as a swatch so the list doubles as the chart's key.
 */
export function AccountPicker({ accounts, selected, onChange }: { accounts: readonly PickableAccount[]; selected: readonly string[]; onChange: (ids: string[]) => void }) {
  const chosen = new Set(selected);
  // Styles follow the order of the selection as the chart receives it (the accounts' order).
  const order = accounts.filter((a) => chosen.has(a.id)).map((a) => a.id);
  const toggle = (id: string) => onChange(accounts.filter((a) => (a.id === id ? !chosen.has(id) : chosen.has(a.id))).map((a) => a.id));
  const isFull = selected.length >= MAX_COMPARED;
  return (
    <fieldset className="min-w-0">
      <legend className="text-sm font-semibold text-gray-900">Extensions to compare</legend>
      <div className="mt-1 flex flex-wrap gap-3 text-sm">
        <button type="button" onClick={() => onChange(accounts.slice(0, MAX_COMPARED).map((a) => a.id))} className="rounded font-medium text-indigo-700 underline hover:text-indigo-900 focus-visible:outline-2 focus-visible:outline-indigo-600">
          Select {accounts.length > MAX_COMPARED ? `first ${MAX_COMPARED}` : "all"}
        </button>
        <button type="button" onClick={() => onChange([])} className="rounded font-medium text-indigo-700 underline hover:text-indigo-900 focus-visible:outline-2 focus-visible:outline-indigo-600">
          Clear
        </button>
        <span className="text-gray-600" aria-live="polite">
          {selected.length} of {accounts.length} chosen{isFull ? ` (at most ${MAX_COMPARED})` : ""}
        </span>
      </div>
      <ul className="mt-2 grid max-h-72 grid-cols-1 gap-1 overflow-y-auto sm:grid-cols-2 lg:grid-cols-1">
        {accounts.map((account) => {
          const isChosen = chosen.has(account.id);
          return (
            <li key={account.id}>
              <label className="flex cursor-pointer items-center gap-2 rounded px-1 py-1 text-sm text-gray-900 hover:bg-gray-50 has-focus-visible:outline-2 has-focus-visible:outline-indigo-600">
                <input type="checkbox" checked={isChosen} disabled={!isChosen && isFull} onChange={() => toggle(account.id)} className="size-4 accent-indigo-600" />
                {isChosen ? <Swatch style={seriesStyle(order.indexOf(account.id))} idPrefix={`pick-${account.id}`} /> : <span aria-hidden="true" className="size-3.5" />}
                <span className="truncate">{account.label}</span>
              </label>
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}
