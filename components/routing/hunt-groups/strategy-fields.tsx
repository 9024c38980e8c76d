"use client";

import { TextField } from "@/components/ui/form-field";
import { LEAST_USED_LABELS, STRATEGY_EXPLANATIONS, STRATEGY_LABELS } from "@/server/modules/routing/hunt-groups/domain";
import { HUNT_STRATEGIES, LEAST_USED_MEASURES, type TUpdateHuntGroupInput } from "@/server/modules/routing/hunt-groups/schema";
import type { FieldErrors } from "../field-errors";

type Fields = Pick<TUpdateHuntGroupInput, "strategy" | "leastUsedBy" | "ringSec" | "allowCallWaiting">;

/** The strategy, each explained in words, with the settings that go with it. */
export function StrategyFields({ draft, onChange, errors }: { draft: Fields; onChange: (patch: Partial<Fields>) => void; errors: FieldErrors }) {
  return (
    <div className="space-y-4">
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-gray-900">Strategy</legend>
        {HUNT_STRATEGIES.map((strategy) => (
          <label key={strategy} className="flex items-start gap-2 text-sm text-gray-900">
            <input type="radio" name="hunt-strategy" className="mt-0.5 size-4" checked={draft.strategy === strategy} onChange={() => onChange({ strategy })} />
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
              <input type="radio" name="least-used-by" className="size-4" checked={draft.leastUsedBy === measure} onChange={() => onChange({ leastUsedBy: measure })} />
              {LEAST_USED_LABELS[measure]}
            </label>
          ))}
        </fieldset>
      )}
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          label="Ring the group for (seconds)"
          hint="In all, before unanswered calls move on."
          type="number"
          inputMode="numeric"
          min={5}
          max={600}
          value={draft.ringSec || ""}
          error={errors.ringSec}
          onChange={(e) => onChange({ ringSec: Number(e.target.value) })}
        />
        <label className="flex items-start gap-2 self-center text-sm text-gray-900">
          <input type="checkbox" className="mt-0.5 size-4" checked={draft.allowCallWaiting} onChange={(e) => onChange({ allowCallWaiting: e.target.checked })} />
          <span>
            Ring members who are already on a call
            <span className="block text-xs text-gray-600">Off: a member on a call is skipped.</span>
          </span>
        </label>
      </div>
    </div>
  );
}
