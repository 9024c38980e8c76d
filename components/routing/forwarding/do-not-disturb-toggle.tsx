"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/components/providers/trpc-react";
import { Badge } from "@/components/ui/badge";
import { errorMessage } from "@/components/ui/errors";
import { useToast } from "@/components/ui/toast";

/**
 * Do not disturb as a switch that saves at once (people flip it on the way into a meeting),
 * independent of the page's Save. It shows the new state only once the server has it.
 */
export function DoNotDisturbToggle({ extensionId, isOn: initial }: { extensionId: string; isOn: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const [isOn, setIsOn] = useState(initial);
  const toggle = useMutation(
    trpc.forwarding.setDoNotDisturb.mutationOptions({
      onSuccess: async (result) => {
        setIsOn(result.doNotDisturb);
        await queryClient.invalidateQueries(trpc.forwarding.find.queryFilter({ extensionId }));
        await queryClient.invalidateQueries(trpc.routing.pathFilter());
        toast({ description: result.doNotDisturb ? "Do not disturb is on: callers go to voicemail." : "Do not disturb is off." });
      },
      onError: (err) => toast({ variant: "error", description: errorMessage(err) }),
    }),
  );
  return (
    <div className="flex flex-wrap items-center justify-between gap-3 rounded-lg border border-gray-200 bg-white p-4 shadow-sm">
      <div>
        <p className="flex items-center gap-2 text-sm font-semibold text-gray-900">
          Do not disturb {isOn && <Badge tone="danger">On</Badge>}
        </p>
        <p className="text-sm text-gray-600">Your phone does not ring; callers get voicemail (or busy), and hunt groups skip you.</p>
      </div>
      <button
        type="button"
        role="switch"
        aria-checked={isOn}
        aria-label="Do not disturb"
        disabled={toggle.isPending}
        onClick={() => toggle.mutate({ extensionId, doNotDisturb: !isOn })}
        className={`relative inline-flex h-7 w-12 shrink-0 items-center rounded-full transition-colors focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 disabled:opacity-60 ${isOn ? "bg-red-600" : "bg-gray-400"}`}
      >
        <span className={`inline-block size-5 rounded-full bg-white shadow transition-transform ${isOn ? "translate-x-6" : "translate-x-1"}`} />
      </button>
    </div>
  );
}
