import { useFormat } from "@/components/format/format-provider";
import { Badge } from "@/components/ui/badge";
import { LocalTime } from "@/components/ui/local-time";
import { TBody, THead, Table, Td, Th, Tr } from "@/components/ui/table";
import { CUSTOMER_REFUSAL_TEXT, refusalReasonText, topUpStatus } from "./top-up-labels";

export type TopUpRow = {
  id: string;
  amount: string;
  currency: string;
  status: string;
  refusalReason: string | null;
  requestedByName: string | null;
  createdAt: Date;
  creditedAt: Date | null;
  refusedAt: Date | null;
};

type TopUpsTableProps = {
  topUps: readonly TopUpRow[];
  caption: string;
  /** Staff see the exact reason a top-up was refused; the customer sees what to expect. */
  audience: "customer" | "staff";
};

/** Card top-ups as they were asked for, newest first, with what became of each. */
export function TopUpsTable({ topUps, caption, audience }: TopUpsTableProps) {
  const format = useFormat();
  return (
    <Table caption={caption}>
      <THead>
        <Th>Asked</Th>
        <Th className="text-right">Amount</Th>
        <Th>Status</Th>
        <Th>Details</Th>
        <Th>Asked by</Th>
      </THead>
      <TBody>
        {topUps.map((t) => {
          const status = topUpStatus(t.status);
          return (
            <Tr key={t.id}>
              <Td label="Asked" className="whitespace-nowrap text-gray-700">
                <LocalTime value={t.createdAt} />
              </Td>
              <Td card="title" className="text-right font-medium whitespace-nowrap tabular-nums">
                {format.money(t.amount, t.currency)}
              </Td>
              <Td card="title">
                <Badge tone={status.tone}>{status.label}</Badge>
              </Td>
              <Td label="Details" className="min-w-64 text-gray-700">
                <TopUpDetails topUp={t} audience={audience} />
              </Td>
              <Td label="Asked by" className="whitespace-nowrap text-gray-700">
                {t.requestedByName ?? "A former user"}
              </Td>
            </Tr>
          );
        })}
      </TBody>
    </Table>
  );
}

function TopUpDetails({ topUp, audience }: { topUp: TopUpRow; audience: TopUpsTableProps["audience"] }) {
  if (topUp.status === "CREDITED" && topUp.creditedAt) {
    return (
      <>
        Added to the balance <LocalTime value={topUp.creditedAt} />
      </>
    );
  }
  if (topUp.status === "REFUSED") return <>{audience === "staff" && topUp.refusalReason ? refusalReasonText(topUp.refusalReason) : CUSTOMER_REFUSAL_TEXT}</>;
  return <>Not paid yet, or the payment is still being confirmed.</>;
}
