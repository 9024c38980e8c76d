"use client";

import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { CONTROL_CLASSES } from "@/components/ui/input";
import type { FieldErrors } from "../field-errors";
import { moveItem } from "../move-item";
import { TrashIcon } from "../routing-icons";
import { SecondsInput } from "../seconds-input";
import { SortableList } from "../sortable-list";

export type MemberOption = { id: string; number: string; displayName: string; hasPhone: boolean };
export type DraftMember = { extensionId: string; ringSec: number };

type Props = {
  members: DraftMember[];
  options: readonly MemberOption[];
  onChange: (members: DraftMember[]) => void;
  /** Errors under "members.", prefix stripped ("1.ringSec"). */
  errors: FieldErrors;
  /** Whether members' order matters for the strategy (it does not for ring all). */
  isOrdered: boolean;
};

const nameOf = (m: MemberOption | undefined) => (m ? `${m.displayName} (${m.number})` : "A deleted extension");

/** The group's members in ringing order, each with a ring time; extensions are added from a list. */
export function MemberList({ members, options, onChange, errors, isOrdered }: Props) {
  const addId = useId();
  const byId = new Map(options.map((o) => [o.id, o]));
  const available = options.filter((o) => !members.some((m) => m.extensionId === o.id));
  const [toAdd, setToAdd] = useState("");
  const setRing = (index: number, ringSec: number) => onChange(members.map((m, i) => (i === index ? { ...m, ringSec } : m)));
  const chosen = available.some((o) => o.id === toAdd) ? toAdd : (available[0]?.id ?? "");

  return (
    <div className="space-y-3">
      {members.length === 0 ? (
        <p className="rounded-md border border-dashed border-gray-300 p-4 text-center text-sm text-gray-600">No members yet: calls to the group go straight to where unanswered calls go.</p>
      ) : (
        <SortableList
          label="Hunt group members"
          items={members}
          getId={(m) => m.extensionId}
          getName={(m) => nameOf(byId.get(m.extensionId))}
          onMove={(from, to) => onChange(moveItem(members, from, to))}
          renderItem={(m, index) => {
            const option = byId.get(m.extensionId);
            const ringError = errors[`${index}.ringSec`];
            return (
              <div className="flex flex-wrap items-center gap-3">
                <div className="min-w-0 flex-1">
                  <p className="text-sm font-semibold text-gray-900">
                    {isOrdered && `${index + 1}. `}
                    {nameOf(option)}
                  </p>
                  {option && !option.hasPhone && <p className="text-xs text-amber-800">No phone yet: skipped until it has one.</p>}
                  {errors[`${index}.extensionId`] && <p className="text-sm text-red-700">{errors[`${index}.extensionId`]}</p>}
                </div>
                <label className="flex items-center gap-2 text-sm text-gray-900">
                  Ring for
                  <SecondsInput label={`${nameOf(option)}: ring for (seconds)`} value={m.ringSec} error={ringError} onChange={(s) => setRing(index, s)} />
                  s
                </label>
                <Button variant="ghost" size="sm" className="text-red-700" aria-label={`Remove ${nameOf(option)}`} onClick={() => onChange(members.filter((_, i) => i !== index))}>
                  <TrashIcon />
                </Button>
                {ringError && <p className="w-full text-sm text-red-700">{ringError}</p>}
              </div>
            );
          }}
        />
      )}
      {available.length > 0 && (
        <div className="flex flex-wrap items-end gap-2">
          <div className="space-y-1.5">
            <label htmlFor={addId} className="block text-sm font-medium text-gray-900">
              Add a member
            </label>
            <select id={addId} className={`${CONTROL_CLASSES} h-10 pr-8`} value={chosen} onChange={(e) => setToAdd(e.target.value)}>
              {available.map((o) => (
                <option key={o.id} value={o.id}>
                  {nameOf(o)}
                  {o.hasPhone ? "" : " (no phone yet)"}
                </option>
              ))}
            </select>
          </div>
          <Button variant="secondary" onClick={() => chosen && onChange([...members, { extensionId: chosen, ringSec: 20 }])}>
            Add
          </Button>
        </div>
      )}
    </div>
  );
}
