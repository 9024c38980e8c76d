"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTRPC } from "@/components/providers/trpc-react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogFooter } from "@/components/ui/dialog";
import { errorMessage } from "@/components/ui/errors";
import { FormDialogFooter } from "@/components/ui/form-dialog-footer";
import { SelectField, TextField } from "@/components/ui/form-field";
import { Spinner } from "@/components/ui/spinner";
import { ZDialledNumber } from "@/server/modules/callbacks/schema";
import { CallProgress } from "./call-progress";
import { useCallbackProgress } from "./use-callback-progress";

type Props = { open: boolean; onClose: () => void; number: string; name?: string };

/** Click-to-call: your phone rings first; when you answer, the number is called and bridged. */
export function CallDialog({ open, onClose, number, name }: Props) {
  return (
    <Dialog open={open} onClose={onClose} title={name ? `Call ${name}` : "Call"} description="Your phone rings first. When you answer, we call the number and connect you.">
      <CallFlow initialNumber={number} onClose={onClose} />
    </Dialog>
  );
}

function CallFlow({ initialNumber, onClose }: { initialNumber: string; onClose: () => void }) {
  const [requestId, setRequestId] = useState<string | null>(null);
  if (requestId) return <Tracking requestId={requestId} onClose={onClose} onAgain={() => setRequestId(null)} />;
  return <StartForm initialNumber={initialNumber} onClose={onClose} onStarted={setRequestId} />;
}

/** The refusal code the server adds to a refused call (data.reason), shown beside its sentence. */
const reasonOf = (err: unknown) => ((err as { data?: { reason?: unknown } } | null)?.data?.reason as string | undefined) ?? null;

function StartForm({ initialNumber, onClose, onStarted }: { initialNumber: string; onClose: () => void; onStarted: (id: string) => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const accounts = useQuery(trpc.callbacks.fromAccounts.queryOptions());
  const [sipAccountId, setSipAccountId] = useState("");
  const [number, setNumber] = useState(initialNumber);
  const [numberError, setNumberError] = useState<string | undefined>();
  const start = useMutation(
    trpc.callbacks.clickToCall.mutationOptions({
      onSuccess: (status) => {
        void queryClient.invalidateQueries({ queryKey: trpc.callbacks.recent.pathKey() });
        onStarted(status.id);
      },
    }),
  );

  if (accounts.isPending) {
    return (
      <p className="flex items-center gap-2 text-sm text-gray-600">
        <Spinner /> Loading your phone lines…
      </p>
    );
  }
  if (accounts.isError) return <p role="alert" className="text-sm text-red-700">{errorMessage(accounts.error)}</p>;
  const options = accounts.data;
  if (options.length === 0) {
    return (
      <>
        <p className="text-sm text-gray-700">You have no phone line to call from. Ask your administrator to give you an extension with a phone.</p>
        <DialogFooter>
          <Button variant="secondary" onClick={onClose}>Close</Button>
        </DialogFooter>
      </>
    );
  }
  const chosen = sipAccountId || (options.find((o) => o.isOwn) ?? options[0]!).sipAccountId;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const parsed = ZDialledNumber.safeParse(number);
    if (!parsed.success) return setNumberError(parsed.error.issues[0]?.message);
    setNumberError(undefined);
    start.mutate({ sipAccountId: chosen, number: parsed.data });
  };
  const reason = start.isError ? reasonOf(start.error) : null;
  return (
    <form noValidate onSubmit={submit} className="space-y-4">
      {options.length === 1 ? (
        <p className="text-sm text-gray-700">
          From <span className="font-medium text-gray-900">{options[0]!.displayName} ({options[0]!.extensionNumber})</span>
        </p>
      ) : (
        <SelectField
          label="Call from"
          value={chosen}
          onChange={(e) => setSipAccountId(e.target.value)}
          options={options.map((o) => ({ value: o.sipAccountId, label: `${o.displayName} (${o.extensionNumber})${o.isOwn ? " — yours" : ""}` }))}
        />
      )}
      <TextField label="Number to call" value={number} onChange={(e) => setNumber(e.target.value)} error={numberError} inputMode="tel" autoComplete="off" />
      {start.isError && (
        <div role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
          {errorMessage(start.error)}
          {reason && <span className="mt-0.5 block text-xs text-red-700">Reason code: {reason}</span>}
        </div>
      )}
      <FormDialogFooter onCancel={onClose} isPending={start.isPending} submitLabel="Call" />
    </form>
  );
}

function Tracking({ requestId, onClose, onAgain }: { requestId: string; onClose: () => void; onAgain: () => void }) {
  const { query, isLive } = useCallbackProgress(requestId);
  if (query.isPending) {
    return (
      <p className="flex items-center gap-2 text-sm text-gray-600" role="status">
        <Spinner /> Placing the call…
      </p>
    );
  }
  if (query.isError) return <p role="alert" className="text-sm text-red-700">{errorMessage(query.error)}</p>;
  const status = query.data;
  const hasEnded = status.state === "COMPLETED" || status.state === "FAILED";
  return (
    <>
      <CallProgress status={status} />
      {!isLive && !hasEnded && <p className="mt-2 text-xs text-gray-600">Live updates are reconnecting; checking every few seconds.</p>}
      <DialogFooter>
        {status.state === "FAILED" && <Button variant="secondary" onClick={onAgain}>Try again</Button>}
        <Button variant={hasEnded ? "primary" : "secondary"} onClick={onClose}>Close</Button>
      </DialogFooter>
    </>
  );
}
