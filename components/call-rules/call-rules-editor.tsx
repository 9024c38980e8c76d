"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { QueryError } from "@/components/layout/query-error";
import { useTRPC } from "@/components/providers/trpc-react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { errorMessage, serverFieldErrors } from "@/components/ui/errors";
import { TableSkeleton } from "@/components/ui/skeleton";
import { useToast } from "@/components/ui/toast";
import type { TCallRuleInput, TRuleOwner } from "@/server/modules/routing/rules/schema";
import type { CallRuleView } from "@/server/modules/routing/rules/service";
import type { TRoutingDestination } from "@/server/modules/routing/stored";
import { destinationKey } from "./rule-draft";
import { RuleDialog } from "./rule-dialog";
import { RuleRow } from "./rule-row";

const toInput = ({ id: _id, ...rule }: CallRuleView): TCallRuleInput => rule;

/** "rules.2.action.destination" → "action.destination", for the rule being edited (index 2). */
function errorsOfRule(err: unknown, index: number): Record<string, string> {
  const prefix = `rules.${index}.`;
  return Object.fromEntries(Object.entries(serverFieldErrors(err)).filter(([k]) => k.startsWith(prefix)).map(([k, v]) => [k.slice(prefix.length), v]));
}

/**
 * The ordered rules of a number or an extension: the first enabled rule that matches decides.
 * Every change (add, edit, delete, move) saves the whole list, as the server keeps it.
 */
export function CallRulesEditor({ owner }: { owner: TRuleOwner }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const list = useQuery(trpc.callRules.list.queryOptions({ owner }));
  const choices = useQuery(trpc.callRules.destinations.queryOptions());
  const [editing, setEditing] = useState<{ index: number | null; rule: TCallRuleInput | null } | null>(null);
  const [deleting, setDeleting] = useState<number | null>(null);
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const [announcement, setAnnouncement] = useState("");
  const save = useMutation(trpc.callRules.save.mutationOptions());

  if (list.isPending || choices.isPending) return <TableSkeleton label="Loading rules" rows={3} />;
  if (list.isError) return <QueryError error={list.error} onRetry={() => list.refetch()} />;
  if (choices.isError) return <QueryError error={choices.error} onRetry={() => choices.refetch()} />;
  const rules = list.data.rules;
  const labels = new Map(choices.data.groups.flatMap((g) => g.options.map((o) => [destinationKey(o.destination), o.label] as const)));
  const nameOf = (d: TRoutingDestination) => labels.get(destinationKey(d)) ?? "a destination that no longer exists";

  function persist(next: TCallRuleInput[], done: string, errorIndex: number | null) {
    save.mutate({ owner, rules: next }, {
      onSuccess: async (saved) => {
        queryClient.setQueryData(trpc.callRules.list.queryKey({ owner }), saved);
        // The call flow and any answer shown were drawn from the old rules.
        await queryClient.invalidateQueries(trpc.routing.pathFilter());
        setEditing(null);
        setDeleting(null);
        setServerErrors({});
        setAnnouncement(done);
        toast({ description: done });
      },
      onError: (err) => {
        const fields = errorIndex === null ? {} : errorsOfRule(err, errorIndex);
        setServerErrors(fields);
        if (Object.keys(fields).length === 0) toast({ variant: "error", description: errorMessage(err) });
      },
    });
  }

  const current = rules.map(toInput);
  function submitRule(rule: TCallRuleInput) {
    const index = editing?.index ?? null;
    const next = index === null ? [...current, rule] : current.map((r, i) => (i === index ? rule : r));
    persist(next, index === null ? `Added rule “${rule.name}”.` : `Saved rule “${rule.name}”.`, index ?? next.length - 1);
  }
  function move(from: number, to: number) {
    const next = [...current];
    const [moved] = next.splice(from, 1);
    next.splice(to, 0, moved!);
    persist(next, `Moved “${moved!.name}” to position ${to + 1} of ${next.length}.`, null);
  }

  return (
    <Card title="Call rules" description="Checked in order; the first rule that matches decides. Calls no rule matches ring as usual." actions={<Button size="sm" onClick={() => { setServerErrors({}); setEditing({ index: null, rule: null }); }}>Add rule</Button>}>
      <p className="sr-only" aria-live="polite">{announcement}</p>
      {rules.length === 0 ? (
        <EmptyState title="No rules yet" description="Calls ring as usual. Add a rule to send some calls elsewhere, e.g. calls from the USA in office hours." />
      ) : (
        <ol className="divide-y divide-gray-200 rounded-md border border-gray-200" aria-label="Rules, in the order they are checked">
          {rules.map((rule, index) => (
            <RuleRow key={rule.id} rule={rule} index={index} count={rules.length} nameOf={nameOf} isBusy={save.isPending} onMove={move}
              onEdit={() => { setServerErrors({}); setEditing({ index, rule: toInput(rule) }); }} onDelete={() => setDeleting(index)} />
          ))}
        </ol>
      )}
      <RuleDialog editing={editing} choices={choices.data} serverErrors={serverErrors} isPending={save.isPending} onSubmit={submitRule} onClose={() => setEditing(null)} />
      <ConfirmDialog
        open={deleting !== null}
        onClose={() => setDeleting(null)}
        onConfirm={() => deleting !== null && persist(current.filter((_, i) => i !== deleting), `Deleted rule “${rules[deleting]?.name ?? ""}”.`, null)}
        title="Delete this rule?"
        description={deleting !== null ? `“${rules[deleting]?.name}” stops applying to calls at once.` : ""}
        confirmLabel="Delete rule"
        isDanger
        isPending={save.isPending}
      />
    </Card>
  );
}
