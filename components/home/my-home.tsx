"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useFormat } from "@/components/format/format-provider";
import { QueryError } from "@/components/layout/query-error";
import { useTRPC } from "@/components/providers/trpc-react";
import { ActivityCell, LineBadge } from "@/components/extensions/presence-badges";
import { StreamStatusBadge } from "@/components/extensions/stream-status";
import { EmptyState } from "@/components/ui/empty-state";
import { PhoneIcon, UserCircleIcon } from "@/components/ui/icons";
import { Skeleton } from "@/components/ui/skeleton";
import { Figure, HomeCard } from "./home-card";
import type { LivePresence } from "./home-page-client";
import { PhoneNumberText } from "@/components/format/phone-number-text";

/**
 * Anyone's own phone: their extension, its registration and current call (live, from the
 * presence stream), voicemail, the caller ID people see, and today's calls.
 */
export function MyHome({ isAdmin, presence }: { isAdmin: boolean; presence: LivePresence }) {
  const trpc = useTRPC();
  const format = useFormat();
  const home = useQuery(trpc.home.mine.queryOptions());
  const { rows } = presence;
  if (home.isError) return <QueryError error={home.error} onRetry={() => home.refetch()} />;
  if (!home.data) {
    return (
      <div className="space-y-2 rounded-lg border border-gray-200 bg-white p-5" role="status" aria-label="Loading your extension">
        <Skeleton className="h-6 w-48" />
        <Skeleton className="h-4 w-64" />
      </div>
    );
  }
  const { extensions, callsToday } = home.data;
  if (extensions.length === 0) {
    // Admins mostly have no extension of their own: their home has the company's figures.
    if (isAdmin) return null;
    return (
      <EmptyState
        icon={<PhoneIcon className="size-6" />}
        title="No extension is yours yet"
        description="When your company's administrator gives you an extension, its phone, calls and voicemail show here."
      />
    );
  }
  return (
    <div className="space-y-4">
      {isAdmin && <h2 className="text-base font-semibold text-gray-900">Your {extensions.length === 1 ? "extension" : "extensions"}</h2>}
      <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-3">
        {extensions.map((extension) => {
          const row = rows?.find((r) => r.id === extension.id);
          return (
            <HomeCard key={extension.id} title={`Extension ${extension.number}`} icon={<PhoneIcon className="size-5" />} href="/extensions/summary" linkLabel="Live status" testId={`home-extension-${extension.number}`}>
              <p className="text-lg font-semibold break-words text-gray-900">{extension.displayName}</p>
              <dl className="mt-3 space-y-2 text-sm">
                <div className="flex flex-wrap items-center justify-between gap-2">
                  <dt className="text-gray-600">Phone</dt>
                  <dd data-testid="home-extension-line">{row ? <LineBadge row={row} /> : <Skeleton className="h-5 w-24" />}</dd>
                </div>
                <div className="flex flex-wrap items-center justify-between gap-2">
                  <dt className="text-gray-600">Call</dt>
                  <dd data-testid="home-extension-call">{row ? <ActivityCell row={row} /> : <Skeleton className="h-5 w-16" />}</dd>
                </div>
                <div className="flex flex-wrap items-center justify-between gap-2">
                  <dt className="text-gray-600">Voicemail</dt>
                  <dd className="text-gray-900">{extension.voicemailEnabled ? "On: unanswered calls go to voicemail" : "Off"}</dd>
                </div>
                <div className="flex flex-wrap items-center justify-between gap-2">
                  <dt className="text-gray-600">Forwarding</dt>
                  <dd>
                    <Link href={`/extensions/${extension.id}/forwarding`} className="font-medium text-indigo-700 underline" aria-label={`Forwarding and follow-me of extension ${extension.number}`}>
                      Forwarding and follow-me
                    </Link>
                  </dd>
                </div>
                <div className="flex flex-wrap items-center justify-between gap-2">
                  <dt className="text-gray-600">Callers see</dt>
                  <dd className="text-gray-900 tabular-nums">
                    {extension.callerId ? <PhoneNumberText e164={extension.callerId} locale={format.locale} /> : "No number yet"}
                    {extension.isCompanyCallerId && extension.callerId && <span className="text-gray-600"> (company number)</span>}
                  </dd>
                </div>
              </dl>
              {/* Admins see whether the page is live on the phones card. */}
              {!isAdmin && (
                <div className="mt-3">
                  <StreamStatusBadge status={presence.status} />
                </div>
              )}
            </HomeCard>
          );
        })}
        <HomeCard title="Your calls today" icon={<UserCircleIcon className="size-5" />} href="/account" linkLabel="My account" testId="home-my-calls">
          <Figure value={format.number(callsToday)} testId="home-my-calls-today">
            {callsToday === 1 ? "call" : "calls"} since midnight
          </Figure>
          <p className="mt-1 text-sm text-gray-700">
            On {extensions.length === 1 ? "your extension" : "your extensions"}. Change your password on <Link href="/account" className="font-medium text-indigo-700 underline">My account</Link>.
          </p>
        </HomeCard>
      </div>
    </div>
  );
}
