import { useFormat } from "@/components/format/format-provider";
import { LocalTime } from "@/components/ui/local-time";
import { TBody, THead, Table, Td, Th, Tr } from "@/components/ui/table";
import { isNegativeAmount, ledgerKindLabel } from "./format";

export type LedgerRow = { id: string; kind: string; amount: string; currency: string; description: string; createdAt: Date };

/**
 * Ledger entries, newest first. Amounts carry their sign in the text ("+£50.00", "-£9.98")
 * and a word for screen readers, so colour only reinforces what the text already says.
 */
export function LedgerTable({ entries, caption }: { entries: readonly LedgerRow[]; caption: string }) {
  const format = useFormat();
  return (
    <Table caption={caption}>
      <THead>
        <Th>Date</Th>
        <Th>Type</Th>
        <Th>Details</Th>
        <Th className="text-right">Amount</Th>
      </THead>
      <TBody>
        {entries.map((entry) => {
          const isDebit = isNegativeAmount(entry.amount);
          return (
            <Tr key={entry.id}>
              <Td label="Date" className="whitespace-nowrap text-gray-700">
                <LocalTime value={entry.createdAt} />
              </Td>
              <Td card="title" className="font-medium whitespace-nowrap text-gray-900">
                {ledgerKindLabel(entry.kind)}
              </Td>
              <Td label="Details" className="min-w-64 text-gray-700">
                {entry.description}
              </Td>
              <Td label="Amount" className={`text-right font-medium whitespace-nowrap tabular-nums ${isDebit ? "text-red-700" : "text-green-700"}`}>
                <span className="sr-only">{isDebit ? "Debit " : "Credit "}</span>
                {format.signedMoney(entry.amount, entry.currency)}
              </Td>
            </Tr>
          );
        })}
      </TBody>
    </Table>
  );
}
