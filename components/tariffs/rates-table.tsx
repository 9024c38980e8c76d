import { Button } from "@/components/ui/button";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import type { RateRow } from "./rate-form-dialog";

type RatesTableProps = {
  rates: readonly RateRow[];
  currency: string;
  onEdit: (rate: RateRow) => void;
  onDelete: (rate: RateRow) => void;
};

/** Seconds as people read billing terms: "60 s" or "1 s", minimum "none" when 0. */
const seconds = (n: number) => (n === 0 ? "none" : `${n} s`);

export function RatesTable({ rates, currency, onEdit, onDelete }: RatesTableProps) {
  return (
    <Table caption="Rates">
      <THead>
        <Th>Prefix</Th>
        <Th>Description</Th>
        <Th className="text-right">Per minute ({currency})</Th>
        <Th className="text-right">Connect fee</Th>
        <Th className="text-right">Increment</Th>
        <Th className="text-right">Minimum</Th>
        <Th>
          <span className="sr-only">Actions</span>
        </Th>
      </THead>
      <TBody>
        {rates.map((rate) => (
          <Tr key={rate.id}>
            <Td card="title" className="font-mono font-medium">
              {rate.prefix}
            </Td>
            <Td card="title" className="max-w-64 truncate">{rate.description ?? <span className="text-gray-500">—</span>}</Td>
            <Td label={`Per minute (${currency})`} className="text-right tabular-nums">
              {rate.ratePerMinute}
            </Td>
            <Td label="Connect fee" className="text-right tabular-nums">
              {rate.connectFee}
            </Td>
            <Td label="Increment" className="text-right tabular-nums">
              {seconds(rate.incrementSec)}
            </Td>
            <Td label="Minimum" className="text-right tabular-nums">
              {seconds(rate.minimumSec)}
            </Td>
            <Td card="actions" className="text-right whitespace-nowrap">
              <Button variant="ghost" size="sm" onClick={() => onEdit(rate)} aria-label={`Edit rate ${rate.prefix}`}>
                Edit
              </Button>
              <Button variant="ghost" size="sm" onClick={() => onDelete(rate)} aria-label={`Delete rate ${rate.prefix}`} className="text-red-700 hover:text-red-800">
                Delete
              </Button>
            </Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}
