"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { formatInternational } from "@/components/format/phone-display";
import { useTRPC } from "@/components/providers/trpc-react";
import { Dialog } from "@/components/ui/dialog";
import { errorMessage, serverFieldErrors } from "@/components/ui/errors";
import { FormDialogFooter } from "@/components/ui/form-dialog-footer";
import { Skeleton } from "@/components/ui/skeleton";
import { useToast } from "@/components/ui/toast";
import { ZSetDestinationInput, type TDestination } from "@/server/modules/numbers/tenant/schema";
import { DestinationPicker } from "./destination-picker";

type Props = { number: { id: string; number: string; destination: TDestination } | null; onClose: () => void };

/** Chooses where one number sends its calls; validated with the procedure's own schema. */
export function DestinationDialog({ number, onClose }: Props) {
  return (
    <Dialog open={number !== null} onClose={onClose} title={number ? `Destination of ${formatInternational(number.number)}` : "Destination"}>
      {number && <DestinationForm number={number} onClose={onClose} />}
    </Dialog>
  );
}

function DestinationForm({ number, onClose }: { number: NonNullable<Props["number"]>; onClose: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const options = useQuery(trpc.numbers.destinations.queryOptions());
  const [value, setValue] = useState<TDestination>(number.destination);
  const [errors, setErrors] = useState<{ choice?: string; number?: string }>({});
  const save = useMutation(
    trpc.numbers.setDestination.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries(trpc.numbers.find.queryFilter());
        toast({ description: `Calls to ${formatInternational(number.number)} now go to the new destination.` });
        onClose();
      },
      onError: (err) => {
        const fields = serverFieldErrors(err);
        const choice = fields["destination.extensionId"] ?? fields["destination.sipAccountId"] ?? fields["destination.huntGroupId"];
        if (fields["destination.number"] || choice) setErrors({ number: fields["destination.number"], choice });
        else toast({ variant: "error", description: errorMessage(err) });
      },
    }),
  );

  function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = ZSetDestinationInput.safeParse({ didId: number.id, destination: value });
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      setErrors(issue?.path.at(-1) === "number" ? { number: issue.message } : { choice: issue?.message });
      return;
    }
    setErrors({});
    save.mutate(parsed.data);
  }

  if (options.isPending) return <Skeleton className="h-10 w-full" />;
  if (options.isError) return <p role="alert">{errorMessage(options.error)}</p>;
  return (
    <form onSubmit={submit} noValidate className="space-y-4">
      <DestinationPicker groups={options.data.groups} isExternalAllowed={options.data.isExternalAllowed} value={value} onChange={setValue} errors={errors} />
      <FormDialogFooter onCancel={onClose} isPending={save.isPending} submitLabel="Save destination" />
    </form>
  );
}
