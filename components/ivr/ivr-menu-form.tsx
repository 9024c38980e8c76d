"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTRPC } from "@/components/providers/trpc-react";
import { ActivePeriodEditor } from "@/components/routing/active-period-editor";
import { errorsUnder } from "@/components/routing/field-errors";
import { RoutingDestinationPicker, type DestinationChoices } from "@/components/routing/routing-destination-picker";
import { SaveBar } from "@/components/routing/save-bar";
import { useFormErrors } from "@/components/routing/use-form-errors";
import { Card } from "@/components/ui/card";
import { TextField } from "@/components/ui/form-field";
import { useToast } from "@/components/ui/toast";
import { ZUpdateIvrMenuInput, type TUpdateIvrMenuInput } from "@/server/modules/ivr/schema";
import type { IvrMenuView } from "@/server/modules/ivr/service";
import { FaxDetectionField } from "./fax-detection-field";
import { MenuOptionsEditor } from "./menu-options-editor";
import { MenuPromptFields } from "./menu-prompt-fields";
import type { PromptOption } from "./prompt-select";

type Props = { menu: IvrMenuView; prompts: readonly PromptOption[]; choices: DestinationChoices };

const draftOf = ({ numbers: _numbers, ...menu }: IvrMenuView): TUpdateIvrMenuInput => menu;

/** Everything about one menu on one form, saved at once; a menu callers could never leave is refused with its loop. */
export function IvrMenuForm({ menu, prompts, choices }: Props) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const [draft, setDraft] = useState(() => draftOf(menu));
  const { errors, check, onServerError } = useFormErrors();
  const set = <K extends keyof TUpdateIvrMenuInput>(key: K, value: TUpdateIvrMenuInput[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const number = (value: string) => (value === "" ? Number.NaN : Number(value));

  const save = useMutation(
    trpc.ivrMenus.update.mutationOptions({
      onSuccess: async (saved) => {
        queryClient.setQueryData(trpc.ivrMenus.find.queryKey({ id: saved.id }), saved);
        await queryClient.invalidateQueries(trpc.ivrMenus.list.queryFilter());
        await queryClient.invalidateQueries(trpc.numbers.destinations.queryFilter());
        toast({ description: `IVR menu ${saved.name} saved.` });
      },
      onError: onServerError,
    }),
  );

  function submit(event: FormEvent) {
    event.preventDefault();
    const input = check(ZUpdateIvrMenuInput, draft);
    if (input) save.mutate(input);
  }

  return (
    <form onSubmit={submit} noValidate className="space-y-6">
      <Card title="Menu">
        <TextField label="Name" className="max-w-sm" value={draft.name} onChange={(e) => set("name", e.target.value)} error={errors.name} autoComplete="off" />
      </Card>
      <Card title="Prompts" description="Choose from your company’s voice prompts. A menu without a menu prompt plays a beep.">
        <MenuPromptFields value={draft.prompts} options={prompts} onChange={(p) => set("prompts", p)} errors={errorsUnder(errors, "prompts")} />
      </Card>
      <Card title="Keys" description="What each key on the caller’s keypad does. A key may lead to another menu, or back to this one.">
        {errors.options && (
          <p role="alert" className="mb-3 rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-800">
            {errors.options}
          </p>
        )}
        <MenuOptionsEditor options={draft.options} choices={choices} onChange={(o) => set("options", o)} errors={errorsUnder(errors, "options")} />
        <label className="mt-4 flex items-start gap-2 text-sm text-gray-900">
          <input type="checkbox" className="mt-0.5 size-4" checked={draft.directDial} onChange={(e) => set("directDial", e.target.checked)} />
          <span>
            Callers may dial an extension’s number directly
            <span className="block text-xs text-gray-600">Keys that start an extension number then wait for the rest of the number.</span>
          </span>
        </label>
      </Card>
      <Card title="Callers who do not choose">
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField label="Wait for a key (seconds)" hint="1–30 seconds after the menu prompt." type="number" inputMode="numeric" min={1} max={30} value={Number.isNaN(draft.digitTimeoutSec) ? "" : draft.digitTimeoutSec} onChange={(e) => set("digitTimeoutSec", number(e.target.value))} error={errors.digitTimeoutSec} />
          <TextField label="Offer the menu again (times)" hint="0–10, after no key or a wrong one." type="number" inputMode="numeric" min={0} max={10} value={Number.isNaN(draft.maxRetries) ? "" : draft.maxRetries} onChange={(e) => set("maxRetries", number(e.target.value))} error={errors.maxRetries} />
        </div>
        <div className="mt-4">
          <RoutingDestinationPicker label="Then send them to" noneLabel="Hang up" choices={choices} value={draft.afterRetries} onChange={(d) => set("afterRetries", d)} error={errors.afterRetries} numberError={errors["afterRetries.number"]} />
        </div>
      </Card>
      <Card title="Opening hours" description="Outside these hours callers hear the inactive prompt, then go to the destination below. Times are in your company’s time zone.">
        <ActivePeriodEditor owner="the menu" value={draft.activePeriod} onChange={(p) => set("activePeriod", p)} error={errors.activePeriod} />
        {draft.activePeriod && (
          <div className="mt-4">
            <RoutingDestinationPicker label="Outside these hours, send callers to" noneLabel="Hang up" choices={choices} value={draft.inactiveAction} onChange={(d) => set("inactiveAction", d)} error={errors.inactiveAction} numberError={errors["inactiveAction.number"]} />
          </div>
        )}
      </Card>
      <Card title="Faxes">
        <FaxDetectionField choices={choices} value={draft.faxDestination} onChange={(f) => set("faxDestination", f)} error={errors.faxDestination ?? errors["faxDestination.sipAccountId"]} />
      </Card>
      <SaveBar errorCount={Object.keys(errors).length} isPending={save.isPending} label="Save menu" />
    </form>
  );
}
