"use client";

import { Button } from "@/components/ui/button";
import { PlusIcon } from "@/components/ui/icons";
import { MAX_FOLLOW_ME_STEPS, type TFollowMeInput, type TFollowMeStepInput } from "@/server/modules/routing/forwarding/schema";
import { destinationName, errorsUnder, type FieldErrors } from "../field-errors";
import { moveItem } from "../move-item";
import type { DestinationChoices } from "../routing-destination-picker";
import { TrashIcon } from "../routing-icons";
import { SecondsInput } from "../seconds-input";
import { SortableList } from "../sortable-list";
import { FollowMeStepFields } from "./follow-me-step-fields";

/** A step with the key that keeps its row (and focus) stable while the list is reordered. */
export type DraftStep = TFollowMeStepInput & { key: string };
export type FollowMeDraft = Omit<TFollowMeInput, "steps"> & { steps: DraftStep[] };

type Props = {
  value: FollowMeDraft;
  onChange: (value: FollowMeDraft) => void;
  choices: DestinationChoices;
  /** Errors under "followMe.", prefix stripped. */
  errors: FieldErrors;
  newKey: () => string;
};

/** The first choice on offer, so a new entry starts valid where it can. */
function firstDestination(choices: DestinationChoices): TFollowMeStepInput["destination"] {
  const option = choices.groups.find((g) => g.kind === "extension")?.options[0];
  return option ? { kind: "extension", extensionId: option.value } : { kind: "external", number: "" };
}

/** Follow-me: on or off, in order or all at once, the own phone first, and the ordered list. */
export function FollowMeEditor({ value, onChange, choices, errors, newKey }: Props) {
  const setStep = (index: number, step: TFollowMeStepInput) => onChange({ ...value, steps: value.steps.map((s, i) => (i === index ? { ...step, key: s.key } : s)) });
  const addStep = () => onChange({ ...value, steps: [...value.steps, { key: newKey(), destination: firstDestination(choices), ringSec: 20, confirm: false, activePeriod: null }] });
  const isSequential = value.strategy === "sequential";
  return (
    <div className="space-y-4">
      <label className="flex items-center gap-2 text-sm font-medium text-gray-900">
        <input type="checkbox" className="size-4" checked={value.isEnabled} onChange={(e) => onChange({ ...value, isEnabled: e.target.checked })} />
        Follow me: when my phone is not answered, try these destinations
      </label>
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-gray-900">How the list rings</legend>
        {(
          [
            ["sequential", "In order", "Each destination rings for its own time, top of the list first."],
            ["simultaneous", "All at once", "Every active destination rings together; the first to answer takes the call."],
          ] as const
        ).map(([strategy, label, hint]) => (
          <label key={strategy} className="flex items-start gap-2 text-sm text-gray-900">
            <input type="radio" name="follow-me-strategy" className="mt-0.5 size-4" checked={value.strategy === strategy} onChange={() => onChange({ ...value, strategy })} />
            <span>
              {label}
              <span className="block text-xs text-gray-600">{hint}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <label className="flex items-center gap-2 text-gray-900">
          <input type="checkbox" className="size-4" checked={value.ringSelfFirstSec !== null} onChange={(e) => onChange({ ...value, ringSelfFirstSec: e.target.checked ? 15 : null })} />
          Ring my own phone first
        </label>
        {value.ringSelfFirstSec !== null && (
          <label className="flex items-center gap-2 text-gray-900">
            for
            <SecondsInput label="Ring my own phone first for (seconds)" value={value.ringSelfFirstSec} error={errors["ringSelfFirstSec"]} onChange={(ringSelfFirstSec) => onChange({ ...value, ringSelfFirstSec })} />
            seconds
          </label>
        )}
        {errors["ringSelfFirstSec"] && <p className="w-full text-sm text-red-700">{errors["ringSelfFirstSec"]}</p>}
      </div>
      {value.steps.length === 0 ? (
        <p className="rounded-md border border-dashed border-gray-300 p-4 text-center text-sm text-gray-600">No destinations yet. Add the phones to try, in the order to try them.</p>
      ) : (
        <SortableList
          label="Follow-me destinations"
          items={value.steps}
          getId={(s) => s.key}
          getName={(s) => destinationName(s.destination, choices.groups)}
          onMove={(from, to) => onChange({ ...value, steps: moveItem(value.steps, from, to) })}
          renderItem={(step, index) => (
            <div className="space-y-2">
              <div className="flex items-center justify-between gap-2">
                <span className="text-sm font-semibold text-gray-900">{isSequential ? `${index + 1}.` : "Together"} {destinationName(step.destination, choices.groups)}</span>
                <Button variant="ghost" size="sm" className="text-red-700" aria-label={`Remove destination ${index + 1}`} onClick={() => onChange({ ...value, steps: value.steps.filter((_, i) => i !== index) })}>
                  <TrashIcon />
                </Button>
              </div>
              <FollowMeStepFields position={index + 1} step={step} choices={choices} onChange={(s) => setStep(index, s)} errors={errorsUnder(errors, `steps.${index}`)} />
            </div>
          )}
        />
      )}
      {errors["steps"] && <p className="text-sm text-red-700" role="alert">{errors["steps"]}</p>}
      <Button variant="secondary" onClick={addStep} disabled={value.steps.length >= MAX_FOLLOW_ME_STEPS}>
        <PlusIcon className="size-4" /> Add a destination
      </Button>
    </div>
  );
}
