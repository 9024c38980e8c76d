"use client";

import { PhoneIcon } from "@/components/ui/icons";
import { StreamStatusBadge } from "@/components/extensions/stream-status";
import { isBusy, lineStatus } from "@/components/extensions/presence-model";
import type { PresenceRow } from "@/components/extensions/presence-model";
import type { StreamStatus } from "@/components/extensions/use-presence-stream";
import { Figure, HomeCard } from "./home-card";

/**
 * Phones registered, offline and on a call, live: the same presence rows and event stream as
 * Live status, so a phone registering changes the count without a reload.
 */
export function PhonesCard({ rows, status }: { rows: readonly PresenceRow[] | undefined; status: StreamStatus }) {
  const lines = rows?.filter((r) => r.sipAccountId !== null) ?? [];
  const registered = lines.filter((r) => lineStatus(r) === "REGISTERED").length;
  const onCall = (rows ?? []).filter(isBusy).length;
  return (
    <HomeCard title="Phones" icon={<PhoneIcon className="size-5" />} href="/extensions/summary" linkLabel="Live status" isLoading={!rows} testId="home-phones">
      {lines.length === 0 ? (
        <p className="text-sm text-gray-700">No extension has a line yet, so no phone can register.</p>
      ) : (
        <>
          <Figure value={registered} testId="home-phones-registered">
            registered
          </Figure>
          <p className="mt-1 text-sm text-gray-700">
            <span data-testid="home-phones-offline">{lines.length - registered}</span> offline ·{" "}
            <span data-testid="home-phones-on-call">{onCall}</span> on a call now
          </p>
          <div className="mt-2">
            <StreamStatusBadge status={status} />
          </div>
        </>
      )}
    </HomeCard>
  );
}
