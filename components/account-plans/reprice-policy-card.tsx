"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useId } from "react";
import { useTRPC } from "@/components/providers/trpc-react";
import { Card } from "@/components/ui/card";
import { errorMessage } from "@/components/ui/errors";
import { Spinner } from "@/components/ui/spinner";
import { useToast } from "@/components/ui/toast";

/** The partner-wide re-pricing switch. It changes what customers pay, so it says exactly how. */
export function RepricePolicyCard() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const labelId = useId();
  const descriptionId = useId();
  const policy = useQuery(trpc.accountPlan.getPolicy.queryOptions());
  const save = useMutation(
    trpc.accountPlan.setPolicy.mutationOptions({
      onSuccess: async (saved) => {
        await queryClient.invalidateQueries(trpc.accountPlan.getPolicy.pathFilter());
        toast({ variant: "success", description: saved.repriceExistingOnBandChange ? "Existing accounts will now be re-priced when a band is reached." : "Existing accounts now keep their price." });
      },
      onError: (err) => toast({ variant: "error", description: errorMessage(err) }),
    }),
  );
  const isOn = policy.data?.repriceExistingOnBandChange ?? false;

  return (
    <Card>
      <div className="flex items-start justify-between gap-4">
        <div>
          <h2 id={labelId} className="text-base font-semibold text-gray-900">
            Re-price existing accounts when a band is reached
          </h2>
          <p id={descriptionId} className="mt-1 max-w-2xl text-sm text-gray-600">
            When on, a purchase that takes a customer into a cheaper band moves all their accounts of that type to the new price from the next monthly
            charge (owning 4 at £5.99 and buying 2 makes all 6 cost £4.99). When off, existing accounts keep the price they were bought at. Customers see
            which applies before they confirm.
          </p>
          {policy.isError && <p role="alert" className="mt-2 text-sm text-red-700">{errorMessage(policy.error)}</p>}
        </div>
        <div className="flex shrink-0 items-center gap-2">
          {save.isPending && <Spinner />}
          <button
            type="button"
            role="switch"
            aria-checked={isOn}
            aria-labelledby={labelId}
            aria-describedby={descriptionId}
            disabled={policy.isPending || save.isPending}
            onClick={() => save.mutate({ repriceExistingOnBandChange: !isOn })}
            className={`relative inline-flex h-6 w-11 items-center rounded-full transition-colors focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 disabled:opacity-60 ${isOn ? "bg-indigo-600" : "bg-gray-400"}`}
          >
            <span aria-hidden="true" className={`inline-block size-5 rounded-full bg-white shadow transition-transform ${isOn ? "translate-x-5" : "translate-x-0.5"}`} />
          </button>
          <span className="w-7 text-sm font-medium text-gray-900" aria-hidden="true">
            {isOn ? "On" : "Off"}
          </span>
        </div>
      </div>
    </Card>
  );
}
