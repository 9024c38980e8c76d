"use client";

import { TextField } from "@/components/ui/form-field";
import type { FieldErrors } from "@/components/routing/field-errors";
import { LEAST_USED_LABELS, STRATEGY_EXPLANATIONS, STRATEGY_LABELS } from "@/server/modules/routing/hunt-groups/domain";
import { HUNT_STRATEGIES, LEAST_USED_MEASURES, type TUpdateCallQueueInput } from "@/server/modules/queues/schema";

type Fields = Pick<TUpdateCallQueueInput, "strategy" | "leastUsedBy" | "memberRingSec" | "retrySec">;

const numberOf = (value: string) => (value === "" ? Number.NaN : Number(value));
const shown = (n: number) => (Number.isNaN(n) ? "" : n);

/** How members are rung: the hunt groups' strategies, each attempt's ring time and the pause between attempts. */
export function QueueStrategyFields({ draft, onChange, errors }: { draft: Fields; onChange: (patch: Partial<Fields>) => void; errors: FieldErrors }) {
  return (
    <div className="space-y-4">
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-gray-900">Strategy</legend>
        {HUNT_STRATEGIES.map((strategy) => (
          <label key={strategy} className="flex items-start gap-2 text-sm text-gray-900">
            <input type="radio" name="queue-strategy" className="mt-0.5 size-4" checked={draft.strategy === strategy} onChange={() => onChange({ strategy })} />
            <span>
              {STRATEGY_LABELS[strategy]}
              <span className="block text-xs text-gray-600">{STRATEGY_EXPLANATIONS[strategy]}</span>
            </span>
          </label>
        ))}
      </fieldset>
      {draft.strategy === "leastUsed" && (
        <fieldset className="space-y-2 border-l-2 border-indigo-200 pl-4">
          <legend className="text-sm font-medium text-gray-900">Least used means</legend>
          {LEAST_USED_MEASURES.map((measure) => (
            <label key={measure} className="flex items-center gap-2 text-sm text-gray-900">
              <input type="radio" name="queue-least-used-by" className="size-4" checked={draft.leastUsedBy === measure} onChange={() => onChange({ leastUsedBy: measure })} />
              {LEAST_USED_LABELS[measure]}
            </label>
          ))}
        </fieldset>
      )}
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField label="Ring members for (seconds)" hint="Each attempt, 5–300 seconds." type="number" inputMode="numeric" min={5} max={300} value={shown(draft.memberRingSec)} error={errors.memberRingSec} onChange={(e) => onChange({ memberRingSec: numberOf(e.target.value) })} />
        <TextField label="Pause between attempts (seconds)" hint="0–60 seconds." type="number" inputMode="numeric" min={0} max={60} value={shown(draft.retrySec)} error={errors.retrySec} onChange={(e) => onChange({ retrySec: numberOf(e.target.value) })} />
      </div>
    </div>
  );
}
