"use client";

import { useQuery } from "@tanstack/react-query";
import { QueryError } from "@/components/layout/query-error";
import { CallFlowPanel } from "@/components/call-flow/call-flow-panel";
import { useTRPC } from "@/components/providers/trpc-react";
import { ForwardingForm } from "@/components/routing/forwarding/forwarding-form";
import Loading from "./loading";

export function ForwardingPageClient({ extensionId }: { extensionId: string }) {
  const trpc = useTRPC();
  const forwarding = useQuery(trpc.forwarding.find.queryOptions({ extensionId }));
  const choices = useQuery(trpc.forwarding.destinations.queryOptions({ extensionId }));
  if (forwarding.isPending || choices.isPending) return <Loading />;
  if (forwarding.isError) return <QueryError error={forwarding.error} onRetry={() => forwarding.refetch()} />;
  if (choices.isError) return <QueryError error={choices.error} onRetry={() => choices.refetch()} />;
  return (
    <div className="space-y-6">
      <ForwardingForm forwarding={forwarding.data} choices={choices.data} />
      {/* The saved configuration, as the engine will run it: it updates after each save. */}
      <CallFlowPanel entry={{ extensionId }} />
    </div>
  );
}
