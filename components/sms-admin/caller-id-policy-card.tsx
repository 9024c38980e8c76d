"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useId } from "react";
import { useTRPC } from "@/components/providers/trpc-react";
import { Card } from "@/components/ui/card";
import { errorMessage } from "@/components/ui/errors";
import { Skeleton } from "@/components/ui/skeleton";
import { useToast } from "@/components/ui/toast";

/** Whether customers may show a mobile as caller ID without proving it by SMS code. */
export function CallerIdPolicyCard() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const id = useId();
  const policy = useQuery(trpc.sms.policy.get.queryOptions());
  const save = useMutation(
    trpc.sms.policy.set.mutationOptions({
      onSuccess: (saved) => {
        queryClient.setQueryData(trpc.sms.policy.get.queryKey(), saved);
        toast({ variant: "success", description: saved.allowUnverifiedMobileCli ? "Customers may now use mobiles without verifying them." : "Mobiles must now be verified before they are used." });
      },
      onError: (err) => toast({ variant: "error", description: errorMessage(err) }),
    }),
  );
  return (
    <Card title="Caller-ID policy" description="Carriers may reject calls showing a number the caller does not hold; verification by SMS code proves it.">
      {policy.isPending ? (
        <Skeleton className="h-6 w-64" />
      ) : policy.isError ? (
        <p role="alert" className="text-sm text-red-700">{errorMessage(policy.error)}</p>
      ) : (
        <div className="flex items-start gap-2">
          <input
            id={id}
            type="checkbox"
            className="mt-0.5 size-4 rounded border-gray-300 text-indigo-600 focus-visible:outline-2 focus-visible:outline-indigo-600"
            checked={policy.data.allowUnverifiedMobileCli}
            disabled={save.isPending}
            onChange={(e) => save.mutate({ allowUnverifiedMobileCli: e.target.checked })}
          />
          <label htmlFor={id} className="text-sm text-gray-900">
            Let customers use mobiles as caller ID without verification
            <span className="block text-xs text-gray-600">Turning this off stops unverified mobiles at once; calls then show the company number.</span>
          </label>
        </div>
      )}
    </Card>
  );
}
