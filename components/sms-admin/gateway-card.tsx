"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useForm } from "react-hook-form";
import { useTRPC } from "@/components/providers/trpc-react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { applyServerFieldErrors, errorMessage } from "@/components/ui/errors";
import { TextField } from "@/components/ui/form-field";
import { Skeleton } from "@/components/ui/skeleton";
import { useToast } from "@/components/ui/toast";
import { ZGatewayInput } from "@/server/modules/sms/schema";

const FIELDS = ["baseUrl", "accountSid", "authToken", "fromNumber"] as const;

/** The partner's Twilio account; without one, texts stay in the outbox below. */
export function GatewayCard() {
  const trpc = useTRPC();
  const gateway = useQuery(trpc.sms.gateway.get.queryOptions());
  return (
    <Card title="SMS gateway (Twilio)" description="Set up your Twilio account to really send texts. Until then they stay in the outbox below, where you can read them.">
      {gateway.isPending ? <Skeleton className="h-40 w-full" /> : gateway.isError ? <p role="alert" className="text-sm text-red-700">{errorMessage(gateway.error)}</p> : <GatewayForm gateway={gateway.data} />}
    </Card>
  );
}

type Gateway = { baseUrl: string; accountSid: string; fromNumber: string; tokenHint: string | null } | null;

function GatewayForm({ gateway }: { gateway: Gateway }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const form = useForm({
    resolver: zodResolver(ZGatewayInput),
    defaultValues: { baseUrl: gateway?.baseUrl ?? "https://api.twilio.com", accountSid: gateway?.accountSid ?? "", authToken: "", fromNumber: gateway?.fromNumber ?? "" },
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.sms.gateway.get.queryKey() });
  const save = useMutation(
    trpc.sms.gateway.set.mutationOptions({
      onSuccess: async () => {
        await refresh();
        form.setValue("authToken", "");
        toast({ variant: "success", description: "SMS gateway saved. Texts now go through Twilio." });
      },
      onError: (err) => applyServerFieldErrors(err, form.setError, [...FIELDS]),
    }),
  );
  const remove = useMutation(
    trpc.sms.gateway.remove.mutationOptions({
      onSuccess: async () => {
        await refresh();
        toast({ variant: "success", description: "SMS gateway removed. Texts go to the outbox." });
      },
      onError: (err) => toast({ variant: "error", description: errorMessage(err) }),
    }),
  );
  const { errors } = form.formState;
  const tokenHint = gateway ? (gateway.tokenHint ? `Stored: ${gateway.tokenHint}. Leave empty to keep it.` : "The stored token can no longer be read: enter it again.") : "From your Twilio console.";
  return (
    <form noValidate onSubmit={form.handleSubmit((values) => save.mutate(values))} className="grid gap-4 sm:grid-cols-2">
      <TextField label="API address" autoComplete="off" error={errors.baseUrl?.message} {...form.register("baseUrl")} />
      <TextField label="Account SID" autoComplete="off" spellCheck={false} error={errors.accountSid?.message} {...form.register("accountSid")} />
      <TextField label="Auth token" type="password" autoComplete="new-password" hint={tokenHint} error={errors.authToken?.message} {...form.register("authToken")} />
      <TextField label="Sending number" type="tel" autoComplete="off" hint="International format, a number of your Twilio account" error={errors.fromNumber?.message} {...form.register("fromNumber")} />
      {save.isError && !FIELDS.some((f) => errors[f]) && <p role="alert" className="text-sm text-red-700 sm:col-span-2">{errorMessage(save.error)}</p>}
      <div className="flex flex-wrap gap-3 sm:col-span-2">
        <Button type="submit" isLoading={save.isPending}>
          Save gateway
        </Button>
        {gateway && (
          <Button variant="danger" isLoading={remove.isPending} onClick={() => remove.mutate()}>
            Remove gateway
          </Button>
        )}
      </div>
    </form>
  );
}
