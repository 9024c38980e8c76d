"use client";

import { TextField } from "@/components/ui/form-field";
import type { TFollowMeStepInput } from "@/server/modules/routing/forwarding/schema";
import { ActivePeriodEditor } from "../active-period-editor";
import type { FieldErrors } from "../field-errors";
import { RoutingDestinationPicker, type DestinationChoices } from "../routing-destination-picker";

type Props = {
  /** 1-based, for labels: "Destination 2". */
  position: number;
  step: TFollowMeStepInput;
  choices: DestinationChoices;
  onChange: (step: TFollowMeStepInput) => void;
  /** This step's errors, paths relative to it ("ringSec", "destination"). */
  errors: FieldErrors;
};

/** One follow-me entry: where, how long, press-1 (outside numbers only) and when it is active. */
export function FollowMeStepFields({ position, step, choices, onChange, errors }: Props) {
  const owner = `Destination ${position}`;
  const isExternal = step.destination.kind === "external";
  return (
    <div className="grid gap-3 sm:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
      <RoutingDestinationPicker
        label={owner}
        choices={choices}
        value={step.destination}
        // Press-1 only means something on an outside line; switching away drops it.
        onChange={(destination) => destination && onChange({ ...step, destination, confirm: destination.kind === "external" && step.confirm })}
        error={errors["destination"]}
        numberError={errors["destination.number"]}
      />
      <TextField
        label={`${owner}: ring for (seconds)`}
        type="number"
        inputMode="numeric"
        min={5}
        max={300}
        value={Number.isFinite(step.ringSec) ? step.ringSec : ""}
        error={errors["ringSec"]}
        onChange={(e) => onChange({ ...step, ringSec: e.target.value === "" ? 0 : Number(e.target.value) })}
      />
      {isExternal && (
        <label className="flex items-start gap-2 text-sm text-gray-900 sm:col-span-2">
          <input type="checkbox" className="mt-0.5 size-4" checked={step.confirm} onChange={(e) => onChange({ ...step, confirm: e.target.checked })} />
          <span>
            Ask them to press 1 to take the call
            <span className="block text-xs text-gray-600">So a mobile’s voicemail cannot answer and end the search.</span>
          </span>
        </label>
      )}
      {errors["confirm"] && <p className="text-sm text-red-700 sm:col-span-2">{errors["confirm"]}</p>}
      <div className="sm:col-span-2">
        <ActivePeriodEditor owner={owner} value={step.activePeriod} onChange={(activePeriod) => onChange({ ...step, activePeriod })} error={firstUnder(errors, "activePeriod")} />
      </div>
    </div>
  );
}

/** A period's problems read as one line under it ("Use a 24-hour time such as 09:00"). */
function firstUnder(errors: FieldErrors, prefix: string) {
  return Object.entries(errors).find(([path]) => path === prefix || path.startsWith(`${prefix}.`))?.[1];
}
