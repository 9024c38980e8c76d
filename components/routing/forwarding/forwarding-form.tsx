"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTRPC } from "@/components/providers/trpc-react";
import { Card } from "@/components/ui/card";
import { useToast } from "@/components/ui/toast";
import { FORWARD_FIELDS, ZSaveForwardingInput } from "@/server/modules/routing/forwarding/schema";
import type { ForwardingView } from "@/server/modules/routing/forwarding/service";
import { errorsUnder } from "../field-errors";
import { RoutingDestinationPicker, type DestinationChoices } from "../routing-destination-picker";
import { SaveBar } from "../save-bar";
import { useFormErrors } from "../use-form-errors";
import { DoNotDisturbToggle } from "./do-not-disturb-toggle";
import { FollowMeEditor, type FollowMeDraft } from "./follow-me-editor";

/** Keys for rows added in this browser; saved rows keep their ids as keys. */
let addedRows = 0;
const newKey = () => `new-${++addedRows}`;

const FORWARD_LABELS: Record<(typeof FORWARD_FIELDS)[number], { label: string; hint: string }> = {
  forwardAlways: { label: "Forward every call", hint: "Calls go straight there; your phone does not ring." },
  forwardBusy: { label: "When I am on a call", hint: "Instead of voicemail, when your line is busy." },
  forwardNoAnswer: { label: "When I do not answer", hint: "Instead of voicemail, after your phone (and follow-me) rang out." },
};

type Props = { forwarding: ForwardingView; choices: DestinationChoices };

/** The whole page's form: one Save for forwards and follow-me; do-not-disturb saves on its own at once. */
export function ForwardingForm({ forwarding, choices }: Props) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const [forwards, setForwards] = useState(() => ({ forwardAlways: forwarding.forwardAlways, forwardBusy: forwarding.forwardBusy, forwardNoAnswer: forwarding.forwardNoAnswer }));
  const [followMe, setFollowMe] = useState<FollowMeDraft>(() => ({ ...forwarding.followMe, steps: forwarding.followMe.steps.map(({ id, ...s }) => ({ ...s, key: id })) }));
  const { errors, check, onServerError } = useFormErrors();
  const extensionId = forwarding.extension.id;

  const save = useMutation(
    trpc.forwarding.save.mutationOptions({
      onSuccess: async (saved) => {
        queryClient.setQueryData(trpc.forwarding.find.queryKey({ extensionId }), saved);
        await queryClient.invalidateQueries(trpc.forwarding.find.queryFilter({ extensionId }));
        // The call-flow diagram and any "what happens if" answer describe the saved configuration.
        await queryClient.invalidateQueries(trpc.routing.pathFilter());
        toast({ description: "Forwarding saved." });
      },
      onError: onServerError,
    }),
  );

  function submit(event: FormEvent) {
    event.preventDefault();
    const doNotDisturb = queryClient.getQueryData(trpc.forwarding.find.queryKey({ extensionId }))?.doNotDisturb ?? forwarding.doNotDisturb;
    const input = check(ZSaveForwardingInput, { extensionId, doNotDisturb, ...forwards, followMe: { ...followMe, steps: followMe.steps.map(({ key: _key, ...s }) => s) } });
    if (input) save.mutate(input);
  }

  return (
    <form onSubmit={submit} noValidate className="space-y-6">
      <DoNotDisturbToggle extensionId={extensionId} isOn={forwarding.doNotDisturb} />
      <Card title="Forwarding" description="Where calls go instead of your phone. Leave a choice on “Don’t forward” to keep the usual handling.">
        <div className="grid gap-4 md:grid-cols-3">
          {FORWARD_FIELDS.map((field) => (
            <RoutingDestinationPicker
              key={field}
              label={FORWARD_LABELS[field].label}
              hint={FORWARD_LABELS[field].hint}
              noneLabel="Don’t forward"
              choices={choices}
              value={forwards[field]}
              onChange={(d) => setForwards((f) => ({ ...f, [field]: d }))}
              error={errors[field]}
              numberError={errors[`${field}.number`]}
            />
          ))}
        </div>
      </Card>
      <Card title="Follow me" description="Calls you do not answer try your other phones, in the company’s time zone.">
        <FollowMeEditor value={followMe} onChange={setFollowMe} choices={choices} errors={errorsUnder(errors, "followMe")} newKey={newKey} />
      </Card>
      <SaveBar errorCount={Object.keys(errors).length} isPending={save.isPending} label="Save forwarding" />
    </form>
  );
}
