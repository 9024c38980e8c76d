"use client";

import { useQuery } from "@tanstack/react-query";
import { QueryError } from "@/components/layout/query-error";
import { useTRPC } from "@/components/providers/trpc-react";
import { RecordingSettingsForm } from "@/components/recordings/recording-settings-form";
import { Card } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";

export function ExtensionRecordingPageClient({ extensionId }: { extensionId: string }) {
  const trpc = useTRPC();
  const query = useQuery(trpc.recording.settings.queryOptions({ extensionId }));
  if (query.isPending) return <Skeleton className="h-48 w-full" />;
  if (query.isError) return <QueryError error={query.error} onRetry={() => query.refetch()} />;
  const { settings, canEdit } = query.data;
  return (
    <Card title="Call recording" description="Recordings are listed on the Recordings page and kept for the company's retention period.">
      {settings ? <RecordingSettingsForm extensionId={extensionId} settings={settings} canEdit={canEdit} /> : <p className="text-sm text-gray-700">This extension has no SIP account, so there is nothing to record.</p>}
    </Card>
  );
}
