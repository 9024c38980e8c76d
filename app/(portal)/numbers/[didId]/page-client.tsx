"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { CallFlowPanel } from "@/components/call-flow/call-flow-panel";
import { CallRulesEditor } from "@/components/call-rules/call-rules-editor";
import { formatInternational } from "@/components/format/phone-display";
import { useTRPC } from "@/components/providers/trpc-react";
import { PageHeader } from "@/components/ui/page-header";

export function NumberPageClient({ didId }: { didId: string }) {
  const trpc = useTRPC();
  const owner = useQuery(trpc.callRules.list.queryOptions({ owner: { didId } }));
  const title = owner.data ? formatInternational(owner.data.owner.label) : "Number";
  return (
    <div className="space-y-6">
      <PageHeader title={title} description="Rules decide what happens to this number’s calls before they ring its destination." back={<Link href="/numbers" className="text-sm text-indigo-700 hover:underline">← All numbers</Link>} />
      <CallRulesEditor owner={{ didId }} />
      <CallFlowPanel entry={{ didId }} fixedDialled={owner.data?.owner.label ?? null} />
    </div>
  );
}
