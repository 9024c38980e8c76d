"use client";

import { useQuery } from "@tanstack/react-query";
import { CallFlowPanel } from "@/components/call-flow/call-flow-panel";
import { CallRulesEditor } from "@/components/call-rules/call-rules-editor";
import { useTRPC } from "@/components/providers/trpc-react";
import { PageHeader } from "@/components/ui/page-header";

export function ExtensionRulesPageClient({ extensionId }: { extensionId: string }) {
  const trpc = useTRPC();
  const owner = useQuery(trpc.callRules.list.queryOptions({ owner: { extensionId } }));
  return (
    <div className="space-y-6">
      <PageHeader title={owner.data ? `Rules of ${owner.data.owner.label}` : "Extension rules"} description="Rules decide what happens to calls for this extension before its phone rings." />
      <CallRulesEditor owner={{ extensionId }} />
      <CallFlowPanel entry={{ extensionId }} />
    </div>
  );
}
