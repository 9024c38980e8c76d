"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/components/providers/trpc-react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { errorMessage } from "@/components/ui/errors";
import { PhoneIcon } from "@/components/ui/icons";
import { Spinner } from "@/components/ui/spinner";
import { isFinalCallbackState } from "@/server/modules/callbacks/contract";

const POLL_MS = 2_000;

/**
 * "Place a test call": rings the admin's own extension, then connects it to the widget's
 * destination, so they hear what a visitor gets. Progress is polled until the call ends.
 */
export function TestCallPanel({ widgetId }: { widgetId: string }) {
  const trpc = useTRPC();
  const [requestId, setRequestId] = useState<string | null>(null);
  const place = useMutation(trpc.callbackWidgets.testCall.mutationOptions({ onSuccess: ({ requestId }) => setRequestId(requestId) }));
  const status = useQuery({
    ...trpc.callbackWidgets.testStatus.queryOptions({ requestId: requestId ?? "" }),
    enabled: requestId !== null,
    refetchInterval: (query) => (query.state.data && isFinalCallbackState(query.state.data.state) ? false : POLL_MS),
  });
  const isRunning = place.isPending || (requestId !== null && (!status.data || !isFinalCallbackState(status.data.state)));

  return (
    <Card
      title="Try it"
      description="Your own extension rings first; answer it and you are connected to this widget’s destination, as a visitor would be. Opening hours are ignored for the test."
      actions={
        <Button variant="secondary" onClick={() => { setRequestId(null); place.mutate({ id: widgetId }); }} isLoading={place.isPending} disabled={isRunning}>
          <PhoneIcon className="size-4" /> Place a test call
        </Button>
      }
    >
      <div aria-live="polite" data-testid="test-call-status" className="text-sm">
        {place.isError ? (
          <p className="text-red-700">{errorMessage(place.error)}</p>
        ) : requestId === null ? (
          <p className="text-gray-600">No test call yet.</p>
        ) : status.isError ? (
          <p className="text-red-700">{errorMessage(status.error)}</p>
        ) : !status.data ? (
          <p className="flex items-center gap-2 text-gray-700"><Spinner /> Placing the call…</p>
        ) : (
          <p className={`flex items-center gap-2 ${status.data.state === "FAILED" ? "text-red-700" : "text-gray-900"}`}>
            {!isFinalCallbackState(status.data.state) && <Spinner />}
            {status.data.message}
          </p>
        )}
      </div>
    </Card>
  );
}
