"use client";

import { ACCOUNT_TYPES, ACCOUNT_TYPE_LABELS, type TAccountType } from "@/server/modules/billing/schema";

const DESCRIPTIONS: Record<TAccountType, string> = {
  CENTREX_LINE: "A phone line for a desk phone, softphone or mobile app.",
  FAX: "Sends and receives faxes from a fax machine or adapter.",
  VOICEMAIL: "A mailbox without a phone, for a team or a department.",
};

type AccountTypePickerProps = { value: TAccountType; onChange: (type: TAccountType) => void; counts: Partial<Record<TAccountType, number>> };

/** Native radios styled as cards: arrow keys, labels and form semantics come for free. */
export function AccountTypePicker({ value, onChange, counts }: AccountTypePickerProps) {
  return (
    <fieldset>
      <legend className="text-sm font-medium text-gray-900">Account type</legend>
      <div className="mt-2 grid gap-3 sm:grid-cols-3">
        {ACCOUNT_TYPES.map((type) => {
          const isSelected = value === type;
          return (
            <label
              key={type}
              className={`relative flex cursor-pointer flex-col gap-1 rounded-lg border bg-white p-4 text-sm shadow-sm focus-within:outline-2 focus-within:outline-offset-2 focus-within:outline-indigo-600 ${
                isSelected ? "border-indigo-600 ring-1 ring-indigo-600" : "border-gray-300 hover:border-gray-400"
              }`}
            >
              <span className="flex items-center gap-2">
                <input
                  type="radio"
                  name="accountType"
                  value={type}
                  checked={isSelected}
                  onChange={() => onChange(type)}
                  className="size-4 accent-indigo-600"
                />
                <span className="font-semibold text-gray-900">{ACCOUNT_TYPE_LABELS[type]}</span>
              </span>
              <span className="text-gray-600">{DESCRIPTIONS[type]}</span>
              <span className="text-xs text-gray-600">You have {counts[type] ?? 0}</span>
            </label>
          );
        })}
      </div>
    </fieldset>
  );
}
