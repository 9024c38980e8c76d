"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { formatInternational } from "@/components/format/phone-display";
import { useTRPC } from "@/components/providers/trpc-react";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { errorMessage } from "@/components/ui/errors";
import { useToast } from "@/components/ui/toast";
import type { NumberView } from "@/server/modules/numbers/tenant/service";

/** Gives a number up: its monthly charge stops and its calls no longer reach the company. */
export function CancelNumberDialog({ number, onClose }: { number: NumberView | null; onClose: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const cancel = useMutation(
    trpc.numberShop.cancel.mutationOptions({
      onSuccess: async (result) => {
        toast({ variant: "success", description: `${formatInternational(result.number)} is cancelled.` });
        onClose();
        await Promise.all([trpc.numbers.find, trpc.extension.find, trpc.home.admin].map((p) => queryClient.invalidateQueries(p.pathFilter())));
      },
      onError: (err) => toast({ variant: "error", description: errorMessage(err) }),
    }),
  );
  const shown = number ? formatInternational(number.number) : "";
  return (
    <ConfirmDialog
      open={number !== null}
      onClose={onClose}
      onConfirm={() => number && cancel.mutate({ didId: number.id })}
      title={`Cancel ${shown}?`}
      description={
        <div className="space-y-2">
          <p>Calls to this number stop reaching your company at once, and it is no longer charged from next month. The month already paid is not refunded.</p>
          <p>Extensions that show it as their caller ID go back to the company number. You may not be able to get this number back.</p>
        </div>
      }
      confirmLabel="Cancel the number"
      isDanger
      isPending={cancel.isPending}
    />
  );
}
