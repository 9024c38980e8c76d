import { useFormat } from "@/components/format/format-provider";
import { LocalTime } from "@/components/ui/local-time";
import { TBody, THead, Table, Td, Th, Tr } from "@/components/ui/table";
import { accountTypePlural } from "./format";

export type PurchaseRow = {
  id: string;
  accountType: string;
  quantity: number;
  unitPrice: string;
  setupFee: string;
  total: string;
  currency: string;
  bandLabel: string;
  createdAt: Date;
};

/** Buy Accounts orders: what was bought, at which band's price, and what it charged. */
export function PurchasesTable({ purchases, caption }: { purchases: readonly PurchaseRow[]; caption: string }) {
  const format = useFormat();
  return (
    <Table caption={caption}>
      <THead>
        <Th>Date</Th>
        <Th>Accounts</Th>
        <Th>Band</Th>
        <Th className="text-right">Each, monthly</Th>
        <Th className="text-right">Setup, each</Th>
        <Th className="text-right">Charged</Th>
      </THead>
      <TBody>
        {purchases.map((p) => (
          <Tr key={p.id}>
            <Td label="Date" className="whitespace-nowrap text-gray-700">
              <LocalTime value={p.createdAt} />
            </Td>
            <Td card="title" className="font-medium whitespace-nowrap text-gray-900">
              {p.quantity} × {accountTypePlural(p.accountType, p.quantity)}
            </Td>
            <Td label="Band" className="whitespace-nowrap">
              {p.bandLabel}
            </Td>
            <Td label="Each, monthly" className="text-right tabular-nums">
              {format.money(p.unitPrice, p.currency)}
            </Td>
            <Td label="Setup, each" className="text-right tabular-nums">
              {format.money(p.setupFee, p.currency)}
            </Td>
            <Td label="Charged" className="text-right font-medium tabular-nums">
              {format.money(p.total, p.currency)}
            </Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}
