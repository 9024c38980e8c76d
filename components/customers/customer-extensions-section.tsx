"use client";

import { useQuery } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import { BillingSection } from "@/components/billing/billing-section";
import { ActivityCell, LineBadge } from "@/components/extensions/presence-badges";
import { useTRPC } from "@/components/providers/trpc-react";
import { LocalTime } from "@/components/ui/local-time";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import type { AppRouter } from "@/server/api/root";
import { PhoneNumberText } from "@/components/format/phone-number-text";

type ExtensionRow = inferRouterOutputs<AppRouter>["admin"]["customer"]["extensions"][number];

/** Often enough to follow a support call, rarely enough to cost nothing. */
const REFRESH_MS = 15_000;

const none = <span className="text-gray-600">—</span>;

/**
 * A partner's read-only view of one customer's extensions: who uses each, its SIP account and
 * caller ID, and whether its phone is registered and on a call. Nothing here changes them.
 */
export function CustomerExtensionsSection({ customer }: { customer: { id: string; name: string } }) {
  const trpc = useTRPC();
  const extensions = useQuery({ ...trpc.admin.customer.extensions.queryOptions({ id: customer.id }), refetchInterval: REFRESH_MS });
  return (
    <BillingSection
      id="customer-extensions"
      title="Extensions"
      description="View only: the customer's admins manage these. Line and call states refresh every 15 seconds."
      query={extensions}
      isEmpty={(rows) => rows.length === 0}
      empty="This customer has no extensions yet."
    >
      {(rows) => <CustomerExtensionsTable rows={rows} caption={`Extensions of ${customer.name}`} />}
    </BillingSection>
  );
}

function CustomerExtensionsTable({ rows, caption }: { rows: readonly ExtensionRow[]; caption: string }) {
  return (
    <Table caption={caption}>
      <THead>
        <Th>Extension</Th>
        <Th>Name</Th>
        <Th>User</Th>
        <Th>SIP account</Th>
        <Th>Caller ID</Th>
        <Th>Line</Th>
        <Th>Call</Th>
        <Th>Phone</Th>
      </THead>
      <TBody>
        {rows.map((row) => (
          <Tr key={row.id}>
            <Td card="title" className="font-semibold whitespace-nowrap text-gray-900 tabular-nums">{row.number}</Td>
            <Td card="title" className="whitespace-nowrap">{row.displayName}</Td>
            <Td label="User" className="whitespace-nowrap">{row.owner ? row.owner.name : none}</Td>
            <Td label="SIP account" className="font-mono text-xs whitespace-nowrap">{row.sipUsername ?? none}</Td>
            <Td label="Caller ID" className="whitespace-nowrap">{row.outboundCli ? <PhoneNumberText e164={row.outboundCli} /> : none}</Td>
            <Td label="Line" data-testid={`customer-line-${row.number}`}>
              <LineBadge row={row} />
            </Td>
            <Td label="Call" data-testid={`customer-call-${row.number}`}>
              <ActivityCell row={row} />
            </Td>
            <Td label="Phone" className="min-w-40 text-xs text-gray-600">
              {row.registration?.userAgent && <div>{row.registration.userAgent}</div>}
              {row.registration?.address && <div className="font-mono">{row.registration.address}</div>}
              <div>
                {row.registration ? (
                  <>
                    Line changed <LocalTime value={row.registration.updatedAt} />
                  </>
                ) : (
                  "Never registered"
                )}
              </div>
            </Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}
