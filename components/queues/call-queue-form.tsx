"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import type { PromptOption } from "@/components/ivr/prompt-select";
import { useTRPC } from "@/components/providers/trpc-react";
import { errorsUnder } from "@/components/routing/field-errors";
import type { MemberOption } from "@/components/routing/hunt-groups/member-list";
import type { DestinationChoices } from "@/components/routing/routing-destination-picker";
import { SaveBar } from "@/components/routing/save-bar";
import { useFormErrors } from "@/components/routing/use-form-errors";
import { Card } from "@/components/ui/card";
import { TextField } from "@/components/ui/form-field";
import { useToast } from "@/components/ui/toast";
import { ZUpdateCallQueueInput, type TUpdateCallQueueInput } from "@/server/modules/queues/schema";
import type { CallQueueView } from "@/server/modules/queues/service";
import { QueueMemberList } from "./queue-member-list";
import { QueueStrategyFields } from "./queue-strategy-fields";
import { QueueWaitingFields } from "./queue-waiting-fields";

type Props = { queue: CallQueueView; memberOptions: readonly MemberOption[]; prompts: readonly PromptOption[]; choices: DestinationChoices };

function draftOf(q: CallQueueView): TUpdateCallQueueInput {
  const { numbers: _numbers, members, ...rest } = q;
  return { ...rest, members: members.map((m) => m.extensionId) };
}

/** Everything about one queue on one form, saved at once (members and their order included). */
export function CallQueueForm({ queue, memberOptions, prompts, choices }: Props) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const [draft, setDraft] = useState(() => draftOf(queue));
  const { errors, check, onServerError } = useFormErrors();
  const patch = (p: Partial<TUpdateCallQueueInput>) => setDraft((d) => ({ ...d, ...p }));
  // A queue cannot send its callers back into itself: the server refuses it, so it is not offered.
  const exitChoices = { ...choices, groups: choices.groups.map((g) => (g.kind === "queue" ? { ...g, options: g.options.filter((o) => o.value !== queue.id) } : g)).filter((g) => g.options.length > 0) };
  // Login state comes from the saved queue (it changes at once, outside the form).
  const loggedIn = new Map(queue.members.map((m) => [m.extensionId, m.isLoggedIn]));

  const save = useMutation(
    trpc.callQueues.update.mutationOptions({
      onSuccess: async (saved) => {
        queryClient.setQueryData(trpc.callQueues.find.queryKey({ id: saved.id }), saved);
        await queryClient.invalidateQueries(trpc.callQueues.list.queryFilter());
        await queryClient.invalidateQueries(trpc.numbers.destinations.queryFilter());
        toast({ description: `Call queue ${saved.number} saved.` });
      },
      onError: onServerError,
    }),
  );

  function submit(event: FormEvent) {
    event.preventDefault();
    const input = check(ZUpdateCallQueueInput, draft);
    if (input) save.mutate(input);
  }

  return (
    <form onSubmit={submit} noValidate className="space-y-6">
      <Card title="Queue">
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField label="Name" value={draft.name} onChange={(e) => patch({ name: e.target.value })} error={errors.name} autoComplete="off" />
          <TextField label="Number" hint="2–6 digits, dialled like an extension." inputMode="numeric" value={draft.number} onChange={(e) => patch({ number: e.target.value })} error={errors.number} autoComplete="off" />
        </div>
      </Card>
      <Card title="Members" description={draft.strategy === "ringAll" ? "Everyone logged in rings at once, so the order does not matter." : "Drag, use the keyboard on the handle, or the arrows to set the order."}>
        <QueueMemberList queueId={queue.id} members={draft.members} options={memberOptions} loggedIn={loggedIn} onChange={(members) => patch({ members })} errors={errorsUnder(errors, "members")} isOrdered={draft.strategy !== "ringAll"} />
        {errors.members && <p className="mt-2 text-sm text-red-700" role="alert">{errors.members}</p>}
      </Card>
      <Card title="How members ring">
        <QueueStrategyFields draft={draft} onChange={patch} errors={errors} />
      </Card>
      <Card title="Waiting callers">
        <QueueWaitingFields draft={draft} onChange={patch} errors={errors} prompts={prompts} choices={exitChoices} />
      </Card>
      <SaveBar errorCount={Object.keys(errors).length} isPending={save.isPending} label="Save queue" />
    </form>
  );
}
