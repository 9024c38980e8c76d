"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useId, useState, type FormEvent } from "react";
import { useTRPC } from "@/components/providers/trpc-react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { errorMessage } from "@/components/ui/errors";
import { Skeleton } from "@/components/ui/skeleton";
import { useToast } from "@/components/ui/toast";
import type { OptionalNumberType } from "@/server/modules/callbacks/intake/destination-policy";
import { parseList } from "./parse-list";

const TYPE_WORDS: Record<string, string> = {
  FIXED_LINE: "Landlines",
  MOBILE: "Mobiles",
  FIXED_LINE_OR_MOBILE: "Landline or mobile",
  TOLL_FREE: "Freephone",
  VOIP: "Internet telephony (VoIP)",
  PERSONAL_NUMBER: "Personal (follow-me) numbers",
  UAN: "Company-wide (UAN) numbers",
  PAGER: "Pagers",
  VOICEMAIL: "Voicemail access",
  SHARED_COST: "Shared cost",
  PREMIUM_RATE: "Premium rate",
};

type Policy = { allowedNumberTypes: string[]; blockedPrefixes: string[]; safeTypes: readonly string[]; optionalTypes: readonly OptionalNumberType[] };

/** Which number types every customer's callbacks may ring beyond ordinary phones, and the prefixes none may. */
export function PartnerCallbackPolicyCard() {
  const trpc = useTRPC();
  const policy = useQuery(trpc.admin.callbackPolicy.getPartner.queryOptions());
  return (
    <Card title="Callback number policy" description="Applies to every customer's click-to-call, widgets and API callbacks. Landlines and mobiles are always allowed; satellite numbers never are.">
      {policy.isPending ? <Skeleton className="h-40 w-full" /> : policy.isError ? <p role="alert" className="text-sm text-red-700">{errorMessage(policy.error)}</p> : <PolicyForm saved={policy.data} />}
    </Card>
  );
}

function PolicyForm({ saved }: { saved: Policy }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const prefixesId = useId();
  const [types, setTypes] = useState(new Set(saved.allowedNumberTypes));
  const [prefixes, setPrefixes] = useState(saved.blockedPrefixes.join("\n"));
  const save = useMutation(
    trpc.admin.callbackPolicy.setPartner.mutationOptions({
      onSuccess: async (next) => {
        setPrefixes(next.blockedPrefixes.join("\n"));
        await queryClient.invalidateQueries(trpc.admin.callbackPolicy.getPartner.pathFilter());
        toast({ variant: "success", description: "Callback number policy saved." });
      },
      onError: (err) => toast({ variant: "error", description: errorMessage(err) }),
    }),
  );
  const toggle = (type: string, isOn: boolean) => setTypes((prev) => {
    const next = new Set(prev);
    if (isOn) next.add(type);
    else next.delete(type);
    return next;
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate({ allowedNumberTypes: saved.optionalTypes.filter((t) => types.has(t)), blockedPrefixes: parseList(prefixes).map((p) => p.replace(/^\+/, "")) });
  };
  return (
    <form noValidate onSubmit={submit} className="space-y-5">
      <fieldset>
        <legend className="text-sm font-medium text-gray-900">Number types callbacks may ring</legend>
        <ul className="mt-2 grid gap-2 sm:grid-cols-2">
          {saved.safeTypes.map((type) => (
            <li key={type} className="flex items-center gap-2 text-sm text-gray-600">
              <input type="checkbox" checked disabled aria-describedby={`${prefixesId}-safe`} className="size-4 rounded border-gray-300" id={`${prefixesId}-${type}`} />
              <label htmlFor={`${prefixesId}-${type}`}>{TYPE_WORDS[type] ?? type} (always)</label>
            </li>
          ))}
          {saved.optionalTypes.map((type) => (
            <li key={type} className="flex items-center gap-2 text-sm text-gray-900">
              <input
                type="checkbox"
                id={`${prefixesId}-${type}`}
                checked={types.has(type)}
                onChange={(e) => toggle(type, e.target.checked)}
                className="size-4 rounded border-gray-300 text-indigo-600 focus-visible:outline-2 focus-visible:outline-indigo-600"
              />
              <label htmlFor={`${prefixesId}-${type}`}>
                {TYPE_WORDS[type] ?? type}
                {(type === "PREMIUM_RATE" || type === "SHARED_COST") && <span className="ml-1 text-xs text-red-700">(toll-fraud risk)</span>}
              </label>
            </li>
          ))}
        </ul>
        <p id={`${prefixesId}-safe`} className="mt-2 text-xs text-gray-600">Ordinary phones are always allowed.</p>
      </fieldset>
      <div className="space-y-1.5">
        <label htmlFor={prefixesId} className="block text-sm font-medium text-gray-900">Blocked prefixes</label>
        <textarea
          id={prefixesId}
          rows={4}
          value={prefixes}
          onChange={(e) => setPrefixes(e.target.value)}
          aria-describedby={`${prefixesId}-hint`}
          className="block w-full rounded-md border border-gray-300 px-3 py-2 font-mono text-sm text-gray-900 shadow-sm focus-visible:outline-2 focus-visible:outline-indigo-600"
        />
        <p id={`${prefixesId}-hint`} className="text-xs text-gray-600">One per line, international digits without + (e.g. 4470 for UK personal numbers). No callback may ring a number starting with one.</p>
      </div>
      <Button type="submit" isLoading={save.isPending}>Save policy</Button>
    </form>
  );
}
