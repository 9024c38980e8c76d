"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTRPC } from "@/components/providers/trpc-react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { errorMessage, serverFieldErrors } from "@/components/ui/errors";
import { TextField } from "@/components/ui/form-field";
import { Skeleton } from "@/components/ui/skeleton";
import { useToast } from "@/components/ui/toast";
import { parseList } from "./parse-list";

type Limits = { countries: string[]; maxConcurrent: number; dailySpendLimit: string };

/** The customer's web-callback limits: where callbacks may ring, how many at once, what they may cost a day. */
export function CustomerCallbackLimitsCard({ tenantId }: { tenantId: string }) {
  const trpc = useTRPC();
  const limits = useQuery(trpc.admin.callbackPolicy.getCustomer.queryOptions({ tenantId }));
  return (
    <Card title="Web callback limits" description="Toll-fraud limits for this customer's click-to-call, website widgets and callback API. Refused requests are listed to the customer's admins.">
      {limits.isPending ? (
        <Skeleton className="h-24 w-full" />
      ) : limits.isError ? (
        <p role="alert" className="text-sm text-red-700">{errorMessage(limits.error)}</p>
      ) : (
        <LimitsForm tenantId={tenantId} saved={limits.data} currency={limits.data.currency} homeCallingCode={limits.data.homeCallingCode} />
      )}
    </Card>
  );
}

function LimitsForm({ tenantId, saved, currency, homeCallingCode }: { tenantId: string; saved: Limits; currency: string; homeCallingCode: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const [countries, setCountries] = useState(saved.countries.join(", "));
  const [maxConcurrent, setMaxConcurrent] = useState(String(saved.maxConcurrent));
  const [dailySpendLimit, setDailySpendLimit] = useState(saved.dailySpendLimit);
  const save = useMutation(
    trpc.admin.callbackPolicy.setCustomer.mutationOptions({
      onSuccess: async (next) => {
        setCountries(next.countries.join(", "));
        await Promise.all([
          queryClient.invalidateQueries(trpc.admin.callbackPolicy.getCustomer.pathFilter()),
          queryClient.invalidateQueries(trpc.admin.audit.find.pathFilter()),
        ]);
        toast({ variant: "success", description: "Web callback limits saved." });
      },
      onError: (err) => toast({ variant: "error", description: errorMessage(err) }),
    }),
  );
  const fieldErrors = save.isError ? serverFieldErrors(save.error) : {};
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate({ tenantId, countries: parseList(countries), maxConcurrent: Number(maxConcurrent), dailySpendLimit: dailySpendLimit.trim() });
  };
  const firstCountryError = Object.entries(fieldErrors).find(([k]) => k.startsWith("countries"))?.[1];
  return (
    <form noValidate onSubmit={submit} className="grid gap-4 sm:grid-cols-3">
      <TextField
        label="Countries callbacks may ring"
        hint={`ISO codes such as GB, IE. Empty: the customer's own country (+${homeCallingCode}) only.`}
        value={countries}
        onChange={(e) => setCountries(e.target.value)}
        error={firstCountryError}
        autoComplete="off"
      />
      <TextField label="Callbacks at once" type="number" min={0} max={1000} step={1} value={maxConcurrent} onChange={(e) => setMaxConcurrent(e.target.value)} error={fieldErrors.maxConcurrent} hint="Queued or in progress. 0 turns callbacks off." />
      <TextField label={`Daily spend limit (${currency})`} inputMode="decimal" value={dailySpendLimit} onChange={(e) => setDailySpendLimit(e.target.value)} error={fieldErrors.dailySpendLimit} hint="Rated callback calls per local day." />
      <div className="sm:col-span-3">
        <Button type="submit" isLoading={save.isPending}>Save limits</Button>
      </div>
    </form>
  );
}
