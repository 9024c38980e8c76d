"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { PeriodFields } from "@/components/call-rules/period-fields";
import { useTRPC } from "@/components/providers/trpc-react";
import { errorsUnder } from "@/components/routing/field-errors";
import { RoutingDestinationPicker, type DestinationChoices } from "@/components/routing/routing-destination-picker";
import { SaveBar } from "@/components/routing/save-bar";
import { useFormErrors } from "@/components/routing/use-form-errors";
import { Card } from "@/components/ui/card";
import { SelectField, TextField } from "@/components/ui/form-field";
import { useToast } from "@/components/ui/toast";
import type { TRoutingDestination, TTimePeriod } from "@/server/modules/routing/stored";
import {
  NEW_WIDGET_DEFAULTS,
  WIDGET_DESTINATION_KINDS,
  ZCreateCallbackWidgetInput,
  ZUpdateCallbackWidgetInput,
  type TCallbackWidgetDraft,
} from "@/server/modules/callbacks/widgets/schema";
import type { CallbackWidgetView } from "@/server/modules/callbacks/widgets/service";
import { ColourField } from "./colour-field";
import { OriginsField } from "./origins-field";
import { WidgetPreview } from "./widget-preview";

/** The form's state: a new widget has no destination until one is chosen. */
type Draft = Omit<TCallbackWidgetDraft, "destination"> & { destination: TRoutingDestination | null };

const OFFICE_HOURS: TTimePeriod = { weekdays: [1, 2, 3, 4, 5], timeRanges: [{ start: "09:00", end: "17:00" }], dateRanges: [], holidays: "except" };

const ORDER_CHOICES = [
  { value: "VISITOR_FIRST", label: "Call the visitor first, then connect them to us" },
  { value: "COMPANY_FIRST", label: "Call us first, then the visitor once someone answers" },
] as const;

const OUTSIDE_CHOICES = [
  { value: "CLOSED", label: "Show the closed message and take no requests" },
  { value: "NEXT_OPENING", label: "Take the request and call back when we open" },
  { value: "ALTERNATE_DESTINATION", label: "Connect visitors to another destination" },
] as const;

function draftOf(widget: CallbackWidgetView | undefined): Draft {
  if (!widget) return { ...NEW_WIDGET_DEFAULTS, allowedOrigins: [...NEW_WIDGET_DEFAULTS.allowedOrigins], destination: null };
  const { id: _id, destinationLabel: _label, createdAt: _c, updatedAt: _u, ...rest } = widget;
  return rest;
}

type Props = {
  widget?: CallbackWidgetView;
  choices: DestinationChoices;
  isCaptchaAvailable: boolean;
};

/** Everything about one widget on one form, checked with the server's own schema before sending. */
export function WidgetForm({ widget, choices, isCaptchaAvailable }: Props) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const toast = useToast();
  const [draft, setDraft] = useState<Draft>(() => draftOf(widget));
  const { errors, check, onServerError } = useFormErrors();
  const patch = (p: Partial<Draft>) => setDraft((d) => ({ ...d, ...p }));

  const onSaved = async (saved: CallbackWidgetView) => {
    queryClient.setQueryData(trpc.callbackWidgets.get.queryKey({ id: saved.id }), saved);
    await queryClient.invalidateQueries(trpc.callbackWidgets.list.queryFilter());
  };
  const create = useMutation(
    trpc.callbackWidgets.create.mutationOptions({
      onSuccess: async (saved) => {
        await onSaved(saved);
        toast({ description: `Widget “${saved.name}” created. Copy its snippet into your website.` });
        router.push(`/callbacks/widgets/${saved.id}`);
      },
      onError: onServerError,
    }),
  );
  const update = useMutation(
    trpc.callbackWidgets.update.mutationOptions({
      onSuccess: async (saved) => {
        await onSaved(saved);
        setDraft(draftOf(saved));
        toast({ description: `Widget “${saved.name}” saved.` });
      },
      onError: onServerError,
    }),
  );

  function submit(event: FormEvent) {
    event.preventDefault();
    if (widget) {
      const input = check(ZUpdateCallbackWidgetInput, { id: widget.id, ...draft });
      if (input) update.mutate(input);
    } else {
      const input = check(ZCreateCallbackWidgetInput, draft);
      if (input) create.mutate(input);
    }
  }

  const periodErrors = Object.fromEntries(Object.entries(errorsUnder(errors, "openHours")).map(([k, v]) => [`period.${k}`, v]));
  const isCompanyFirst = draft.order === "COMPANY_FIRST";

  return (
    <form onSubmit={submit} noValidate className="space-y-6" aria-label={widget ? `Edit widget ${widget.name}` : "New widget"}>
      <Card title="Widget">
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField label="Name" hint="For you only; visitors never see it." value={draft.name} onChange={(e) => patch({ name: e.target.value })} error={errors.name} autoComplete="off" />
          <div className="flex items-end pb-2">
            <label className="flex items-center gap-2 text-sm text-gray-900">
              <input type="checkbox" className="size-4 rounded border-gray-400" checked={draft.isEnabled} onChange={(e) => patch({ isEnabled: e.target.checked })} />
              Switched on (off: the snippet shows nothing and takes no requests)
            </label>
          </div>
        </div>
      </Card>

      <Card title="Where calls go">
        <div className="grid gap-4 sm:grid-cols-2">
          <RoutingDestinationPicker
            label="Destination"
            hint={isCompanyFirst ? "When we are called first: an extension or a hunt group." : "An extension, a hunt group, an IVR menu or a call queue."}
            choices={choices}
            kinds={WIDGET_DESTINATION_KINDS}
            value={draft.destination}
            onChange={(destination) => patch({ destination })}
            error={errors.destination}
          />
          <SelectField label="Who is called first" options={ORDER_CHOICES} value={draft.order} onChange={(e) => patch({ order: e.target.value as Draft["order"] })} error={errors.order} />
        </div>
      </Card>

      <Card title="Websites">
        <OriginsField origins={draft.allowedOrigins} onChange={(allowedOrigins) => patch({ allowedOrigins })} errors={errors} />
      </Card>

      <Card title="Opening hours" description="In the company’s time zone. Holidays are the ones on the Call routing → Holidays page.">
        <div className="space-y-4">
          <label className="flex items-center gap-2 text-sm text-gray-900">
            <input type="checkbox" className="size-4 rounded border-gray-400" checked={draft.openHours === null} onChange={(e) => patch({ openHours: e.target.checked ? null : OFFICE_HOURS })} />
            Always open
          </label>
          {draft.openHours && <PeriodFields period={draft.openHours} onChange={(openHours) => patch({ openHours })} errors={periodErrors} />}
          {draft.openHours && (
            <div className="grid gap-4 sm:grid-cols-2">
              <SelectField
                label="Outside opening hours"
                options={OUTSIDE_CHOICES}
                value={draft.outsideHours}
                onChange={(e) => {
                  const outsideHours = e.target.value as Draft["outsideHours"];
                  patch({ outsideHours, outsideDestination: outsideHours === "ALTERNATE_DESTINATION" ? draft.outsideDestination : null });
                }}
                error={errors.outsideHours}
              />
              {draft.outsideHours === "ALTERNATE_DESTINATION" && (
                <RoutingDestinationPicker
                  label="Destination outside opening hours"
                  choices={choices}
                  kinds={WIDGET_DESTINATION_KINDS}
                  value={draft.outsideDestination}
                  onChange={(outsideDestination) => patch({ outsideDestination })}
                  error={errors.outsideDestination}
                />
              )}
            </div>
          )}
          {!draft.openHours && errors.outsideDestination && <p className="text-sm text-red-700" role="alert">{errors.outsideDestination}</p>}
        </div>
      </Card>

      <Card title="Words and colours">
        <div className="grid gap-6 lg:grid-cols-[1fr_20rem]">
          <div className="grid gap-4 sm:grid-cols-2">
            <TextField label="Title" value={draft.title} onChange={(e) => patch({ title: e.target.value })} error={errors.title} autoComplete="off" />
            <TextField label="Button label" value={draft.buttonLabel} onChange={(e) => patch({ buttonLabel: e.target.value })} error={errors.buttonLabel} autoComplete="off" />
            <TextField className="sm:col-span-2" label="Introduction" value={draft.introText} onChange={(e) => patch({ introText: e.target.value })} error={errors.introText} autoComplete="off" />
            <TextField className="sm:col-span-2" label="After a request" value={draft.successText} onChange={(e) => patch({ successText: e.target.value })} error={errors.successText} autoComplete="off" />
            <TextField className="sm:col-span-2" label="When closed" value={draft.closedText} onChange={(e) => patch({ closedText: e.target.value })} error={errors.closedText} autoComplete="off" />
            <ColourField label="Accent colour" value={draft.accentColor} onChange={(accentColor) => patch({ accentColor })} error={errors.accentColor} />
            <ColourField label="Text on the accent colour" value={draft.accentTextColor} onChange={(accentTextColor) => patch({ accentTextColor })} error={errors.accentTextColor} />
          </div>
          <WidgetPreview look={draft} />
        </div>
      </Card>

      <Card title="Spam protection">
        <label className="flex items-start gap-2 text-sm text-gray-900">
          <input
            type="checkbox"
            className="mt-0.5 size-4 rounded border-gray-400"
            checked={draft.requireCaptcha}
            disabled={!isCaptchaAvailable && !draft.requireCaptcha}
            onChange={(e) => patch({ requireCaptcha: e.target.checked })}
            aria-describedby="captcha-hint"
          />
          Visitors must pass a CAPTCHA
        </label>
        <p id="captcha-hint" className="mt-1 text-xs text-gray-600">
          {isCaptchaAvailable
            ? "Your page must provide the token: see How it works below."
            : "This portal has no CAPTCHA service configured (CAPTCHA_VERIFY_URL), so a widget cannot require one. Rate limits, the allowed websites and a hidden trap field still protect every widget."}
        </p>
        {errors.requireCaptcha && <p className="mt-1 text-sm text-red-700" role="alert">{errors.requireCaptcha}</p>}
      </Card>

      <SaveBar errorCount={Object.keys(errors).length} isPending={create.isPending || update.isPending} label={widget ? "Save widget" : "Create widget"} />
    </form>
  );
}
