import { useFormat } from "@/components/format/format-provider";
import { LocalTime } from "@/components/ui/local-time";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { DIRECTION_LABELS, DISPOSITION_LABELS, formatMinutes } from "./usage-model";

export type RecentCall = {
  id: string;
  direction: string;
  callerNumber: string;
  calledNumber: string;
  startedAt: Date;
  billableSec: number;
  disposition: string;
  cost: string | null;
  currency: string | null;
};

/** The latest call records, newest first, as the worker rated them. */
export function RecentCallsTable({ calls, caption }: { calls: readonly RecentCall[]; caption: string }) {
  const format = useFormat();
  return (
    <Table caption={caption}>
      <THead>
        <Th>Started</Th>
        <Th>Direction</Th>
        <Th>From</Th>
        <Th>To</Th>
        <Th>Result</Th>
        <Th className="text-right">Billed</Th>
        <Th className="text-right">Charge</Th>
      </THead>
      <TBody>
        {calls.map((call) => (
          <Tr key={call.id}>
            <Td card="title" className="whitespace-nowrap">
              <LocalTime value={call.startedAt} />
            </Td>
            <Td label="Direction">{DIRECTION_LABELS[call.direction] ?? call.direction}</Td>
            <Td label="From" className="font-mono text-xs whitespace-nowrap">{call.callerNumber}</Td>
            <Td label="To" className="font-mono text-xs whitespace-nowrap">{call.calledNumber}</Td>
            <Td label="Result">{DISPOSITION_LABELS[call.disposition] ?? call.disposition}</Td>
            <Td label="Billed" className="text-right whitespace-nowrap tabular-nums">{formatMinutes(call.billableSec)}</Td>
            <Td label="Charge" className="text-right whitespace-nowrap tabular-nums">{call.cost !== null && call.currency ? format.money(call.cost, call.currency) : "—"}</Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}
