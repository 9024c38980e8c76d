"use client";

import { PromptSelect, type PromptOption } from "@/components/ivr/prompt-select";
import type { FieldErrors } from "@/components/routing/field-errors";
import { RoutingDestinationPicker, type DestinationChoices } from "@/components/routing/routing-destination-picker";
import { TextField } from "@/components/ui/form-field";
import { formatWait, WHEN_NO_MEMBERS_LABELS } from "@/server/modules/queues/domain";
import { WHEN_NO_MEMBERS, type TUpdateCallQueueInput } from "@/server/modules/queues/schema";

type Fields = Pick<
  TUpdateCallQueueInput,
  "maxWaitSec" | "timeoutDestination" | "holdPromptId" | "announcePosition" | "announceWaitTime" | "announceEverySec" | "whenNoMembers" | "noMembersDestination"
>;
type Props = { draft: Fields; onChange: (patch: Partial<Fields>) => void; errors: FieldErrors; prompts: readonly PromptOption[]; choices: DestinationChoices };

const numberOf = (value: string) => (value === "" ? Number.NaN : Number(value));
const shown = (n: number) => (Number.isNaN(n) ? "" : n);

/** What waiting callers hear, how long they wait, and where they go when the wait ends or nobody is there. */
export function QueueWaitingFields({ draft, onChange, errors, prompts, choices }: Props) {
  const isAnnouncing = draft.announcePosition || draft.announceWaitTime;
  return (
    <div className="space-y-4">
      <PromptSelect label="While waiting, callers hear" noneLabel="Music on hold" hint="Played in a loop." value={draft.holdPromptId} options={prompts} onChange={(id) => onChange({ holdPromptId: id })} error={errors.holdPromptId} />
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-gray-900">Announcements</legend>
        <label className="flex items-center gap-2 text-sm text-gray-900">
          <input type="checkbox" className="size-4" checked={draft.announcePosition} onChange={(e) => onChange({ announcePosition: e.target.checked })} />
          Tell callers their place in the queue
        </label>
        <label className="flex items-center gap-2 text-sm text-gray-900">
          <input type="checkbox" className="size-4" checked={draft.announceWaitTime} onChange={(e) => onChange({ announceWaitTime: e.target.checked })} />
          Tell callers how long they can expect to wait
        </label>
      </fieldset>
      {isAnnouncing && (
        <TextField label="Announce every (seconds)" hint="15–600 seconds." className="max-w-xs" type="number" inputMode="numeric" min={15} max={600} value={shown(draft.announceEverySec)} error={errors.announceEverySec} onChange={(e) => onChange({ announceEverySec: numberOf(e.target.value) })} />
      )}
      <TextField
        label="Longest wait (seconds)"
        hint={Number.isNaN(draft.maxWaitSec) ? "10 seconds to 2 hours." : `10 seconds to 2 hours; now ${formatWait(Math.max(0, Math.floor(draft.maxWaitSec)))}.`}
        className="max-w-xs"
        type="number"
        inputMode="numeric"
        min={10}
        max={7200}
        value={shown(draft.maxWaitSec)}
        error={errors.maxWaitSec}
        onChange={(e) => onChange({ maxWaitSec: numberOf(e.target.value) })}
      />
      <RoutingDestinationPicker label="After the longest wait, send callers to" noneLabel="Hang up" choices={choices} value={draft.timeoutDestination} onChange={(d) => onChange({ timeoutDestination: d })} error={errors.timeoutDestination} numberError={errors["timeoutDestination.number"]} />
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-gray-900">When no member is logged in</legend>
        {WHEN_NO_MEMBERS.map((option) => (
          <label key={option} className="flex items-center gap-2 text-sm text-gray-900">
            <input type="radio" name="queue-when-no-members" className="size-4" checked={draft.whenNoMembers === option} onChange={() => onChange({ whenNoMembers: option })} />
            {WHEN_NO_MEMBERS_LABELS[option]}
          </label>
        ))}
      </fieldset>
      {draft.whenNoMembers === "leave" && (
        <RoutingDestinationPicker label="Callers who find nobody logged in go to" noneLabel="Hang up" choices={choices} value={draft.noMembersDestination} onChange={(d) => onChange({ noMembersDestination: d })} error={errors.noMembersDestination} numberError={errors["noMembersDestination.number"]} />
      )}
    </div>
  );
}
