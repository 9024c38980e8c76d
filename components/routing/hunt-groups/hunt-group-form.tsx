"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTRPC } from "@/components/providers/trpc-react";
import { Card } from "@/components/ui/card";
import { TextField } from "@/components/ui/form-field";
import { useToast } from "@/components/ui/toast";
import { ZUpdateHuntGroupInput, type TUpdateHuntGroupInput } from "@/server/modules/routing/hunt-groups/schema";
import type { HuntGroupView } from "@/server/modules/routing/hunt-groups/service";
import { errorsUnder } from "../field-errors";
import { RoutingDestinationPicker, type DestinationChoices } from "../routing-destination-picker";
import { SaveBar } from "../save-bar";
import { useFormErrors } from "../use-form-errors";
import { MemberList, type MemberOption } from "./member-list";
import { StrategyFields } from "./strategy-fields";

type Props = { group: HuntGroupView; memberOptions: readonly MemberOption[]; choices: DestinationChoices };

const draftOf = (g: HuntGroupView): TUpdateHuntGroupInput => ({
  id: g.id, name: g.name, number: g.number, strategy: g.strategy, leastUsedBy: g.leastUsedBy, ringSec: g.ringSec,
  allowCallWaiting: g.allowCallWaiting, overflow: g.overflow, members: g.members.map((m) => ({ extensionId: m.extensionId, ringSec: m.ringSec })),
});

/** Everything about one group on one form, saved at once (members and their order included). */
export function HuntGroupForm({ group, memberOptions, choices }: Props) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const [draft, setDraft] = useState(() => draftOf(group));
  const { errors, check, onServerError } = useFormErrors();
  const set = <K extends keyof TUpdateHuntGroupInput>(key: K, value: TUpdateHuntGroupInput[K]) => setDraft((d) => ({ ...d, [key]: value }));
  // A group cannot overflow into itself: the server refuses it, so it is not offered.
  const overflowChoices = { ...choices, groups: choices.groups.map((g) => (g.kind === "huntGroup" ? { ...g, options: g.options.filter((o) => o.value !== group.id) } : g)).filter((g) => g.options.length > 0) };

  const save = useMutation(
    trpc.huntGroups.update.mutationOptions({
      onSuccess: async (saved) => {
        queryClient.setQueryData(trpc.huntGroups.find.queryKey({ id: saved.id }), saved);
        await queryClient.invalidateQueries(trpc.huntGroups.list.queryFilter());
        await queryClient.invalidateQueries(trpc.routing.pathFilter());
        toast({ description: `Hunt group ${saved.number} saved.` });
      },
      onError: onServerError,
    }),
  );

  function submit(event: FormEvent) {
    event.preventDefault();
    const input = check(ZUpdateHuntGroupInput, draft);
    if (input) save.mutate(input);
  }

  return (
    <form onSubmit={submit} noValidate className="space-y-6">
      <Card title="Group">
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField label="Name" value={draft.name} onChange={(e) => set("name", e.target.value)} error={errors.name} autoComplete="off" />
          <TextField label="Number" hint="2–6 digits, dialled like an extension." inputMode="numeric" value={draft.number} onChange={(e) => set("number", e.target.value)} error={errors.number} autoComplete="off" />
        </div>
      </Card>
      <Card title="How it rings">
        <StrategyFields draft={draft} onChange={(patch) => setDraft((d) => ({ ...d, ...patch }))} errors={errors} />
      </Card>
      <Card title="Members" description={draft.strategy === "ringAll" ? "Everyone rings at once, so the order does not matter." : "Drag, use the keyboard on the handle, or the arrows to set the order."}>
        <MemberList members={draft.members} options={memberOptions} onChange={(members) => set("members", members)} errors={errorsUnder(errors, "members")} isOrdered={draft.strategy !== "ringAll"} />
        {errors.members && <p className="mt-2 text-sm text-red-700" role="alert">{errors.members}</p>}
      </Card>
      <Card title="Unanswered calls">
        <RoutingDestinationPicker
          label="When nobody answers"
          hint={`After the group has rung for ${draft.ringSec || "?"} seconds in all, or when every member is busy.`}
          noneLabel="Hang up"
          choices={overflowChoices}
          value={draft.overflow}
          onChange={(d) => set("overflow", d)}
          error={errors.overflow}
          numberError={errors["overflow.number"]}
        />
      </Card>
      <SaveBar errorCount={Object.keys(errors).length} isPending={save.isPending} label="Save hunt group" />
    </form>
  );
}
