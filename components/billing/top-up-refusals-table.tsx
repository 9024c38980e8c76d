import { useFormat } from "@/components/format/format-provider";
import type { Formatter } from "@/components/format/formatter";
import type { ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import { LocalTime } from "@/components/ui/local-time";
import { TBody, THead, Table, Td, Th, Tr } from "@/components/ui/table";
import { refusalReasonText } from "./top-up-labels";

export type TopUpRefusalRow = {
  id: string;
  createdAt: Date;
  reason: string;
  stripeSessionId: string;
  isVerified: boolean;
  reported: { amount: string | null; amountMinor: string | null; currency: string | null };
  expected: { amount: string; currency: string } | null;
};

type TopUpRefusalsTableProps<T extends TopUpRefusalRow> = {
  refusals: readonly T[];
  caption: string;
  /** An extra first column (the platform view names the customer). */
  customerColumn?: { title: string; render: (row: T) => ReactNode };
};

/** What Stripe said was paid, as text that never trusts its currency code to be money. */
function reportedText({ amount, amountMinor, currency }: TopUpRefusalRow["reported"], format: Formatter) {
  if (amount !== null && currency) return format.money(amount, currency);
  if (amountMinor !== null) return `${amountMinor} minor units${currency ? ` of ${currency}` : ""}`;
  return "No amount";
}

/**
 * Paid Stripe notices that credited nothing. A session unknown to us is marked unverified:
 * the customer it names is a claim anyone with a payment link could make.
 */
export function TopUpRefusalsTable<T extends TopUpRefusalRow>({ refusals, caption, customerColumn }: TopUpRefusalsTableProps<T>) {
  const format = useFormat();
  return (
    <Table caption={caption}>
      <THead>
        <Th>Received</Th>
        {customerColumn && <Th>{customerColumn.title}</Th>}
        <Th className="text-right">Paid</Th>
        <Th className="text-right">Top-up asked</Th>
        <Th>Why not credited</Th>
        <Th>Stripe session</Th>
      </THead>
      <TBody>
        {refusals.map((r) => (
          <Tr key={r.id}>
            <Td label="Received" className="whitespace-nowrap text-gray-700">
              <LocalTime value={r.createdAt} />
            </Td>
            {customerColumn && (
              <Td label={customerColumn.title} className="whitespace-nowrap">
                {customerColumn.render(r)}
              </Td>
            )}
            <Td card="title" className="text-right font-medium whitespace-nowrap tabular-nums">
              {reportedText(r.reported, format)}
            </Td>
            <Td label="Top-up asked" className="text-right whitespace-nowrap tabular-nums">{r.expected ? format.money(r.expected.amount, r.expected.currency) : "—"}</Td>
            <Td label="Why not credited" className="min-w-72 text-gray-700">
              <span className="flex flex-wrap items-center gap-2">
                {!r.isVerified && <Badge tone="warning">Unverified</Badge>}
                <span>{refusalReasonText(r.reason)}</span>
              </span>
            </Td>
            <Td label="Stripe session" className="font-mono text-xs break-all text-gray-700">
              {r.stripeSessionId}
            </Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}
