"use client";

import { useId, useState } from "react";
import type { MemberOption } from "@/components/routing/hunt-groups/member-list";
import { moveItem } from "@/components/routing/move-item";
import { TrashIcon } from "@/components/routing/routing-icons";
import { SortableList } from "@/components/routing/sortable-list";
import { Button } from "@/components/ui/button";
import { CONTROL_CLASSES } from "@/components/ui/input";
import type { FieldErrors } from "@/components/routing/field-errors";
import { MemberLoginButton } from "./member-login-button";

type Props = {
  queueId: string;
  /** Extension ids in ringing order. */
  members: string[];
  options: readonly MemberOption[];
  /** Saved members' login state by extension id; a member added since has none until saved. */
  loggedIn: ReadonlyMap<string, boolean>;
  onChange: (members: string[]) => void;
  /** Errors under "members.", prefix stripped ("1"). */
  errors: FieldErrors;
  isOrdered: boolean;
};

const nameOf = (m: MemberOption | undefined) => (m ? `${m.displayName} (${m.number})` : "A deleted extension");

/**
 * The queue's members in ringing order, reordered by drag and drop, keyboard or the arrows
 * (SortableList). Logging in or out acts at once on a saved member; the order is saved with
 * the form.
 */
export function QueueMemberList({ queueId, members, options, loggedIn, onChange, errors, isOrdered }: Props) {
  const addId = useId();
  const byId = new Map(options.map((o) => [o.id, o]));
  const available = options.filter((o) => !members.includes(o.id));
  const [toAdd, setToAdd] = useState("");
  const chosen = available.some((o) => o.id === toAdd) ? toAdd : (available[0]?.id ?? "");

  return (
    <div className="space-y-3">
      {members.length === 0 ? (
        <p className="rounded-md border border-dashed border-gray-300 p-4 text-center text-sm text-gray-600">No members yet: callers wait, or leave, as set below when nobody is logged in.</p>
      ) : (
        <SortableList
          label="Queue members"
          items={members}
          getId={(id) => id}
          getName={(id) => nameOf(byId.get(id))}
          onMove={(from, to) => onChange(moveItem(members, from, to))}
          renderItem={(id, index) => {
            const option = byId.get(id);
            const state = loggedIn.get(id);
            return (
              <div className="flex flex-wrap items-center gap-3">
                <div className="min-w-0 flex-1">
                  <p className="text-sm font-semibold text-gray-900">
                    {isOrdered && `${index + 1}. `}
                    {nameOf(option)}
                  </p>
                  {option && !option.hasPhone && <p className="text-xs text-amber-800">No phone yet: skipped until it has one.</p>}
                  {state === undefined && <p className="text-xs text-gray-600">Logged in once the queue is saved.</p>}
                  {errors[String(index)] && <p className="text-sm text-red-700">{errors[String(index)]}</p>}
                </div>
                {state !== undefined && <MemberLoginButton queueId={queueId} extensionId={id} name={nameOf(option)} isLoggedIn={state} />}
                <Button variant="ghost" size="sm" className="text-red-700" aria-label={`Remove ${nameOf(option)}`} onClick={() => onChange(members.filter((_, i) => i !== index))}>
                  <TrashIcon />
                </Button>
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
          <Button variant="secondary" onClick={() => chosen && onChange([...members, chosen])}>
            Add
          </Button>
        </div>
      )}
    </div>
  );
}
