import { useFormat } from "@/components/format/format-provider";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { LocalTime } from "@/components/ui/local-time";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";

export type TariffRow = {
  id: string;
  name: string;
  currency: string;
  isDefault: boolean;
  updatedAt: Date;
  _count: { rates: number; tenants: number };
};

export function TariffsTable({ tariffs }: { tariffs: readonly TariffRow[] }) {
  const format = useFormat();
  return (
    <Table caption="Tariffs">
      <THead>
        <Th>Tariff</Th>
        <Th>Currency</Th>
        <Th className="text-right">Rates</Th>
        <Th className="text-right">Assigned customers</Th>
        <Th>Last changed</Th>
      </THead>
      <TBody>
        {tariffs.map((tariff) => (
          <Tr key={tariff.id}>
            <Td card="title" className="font-medium whitespace-nowrap">
              <span className="flex items-center gap-2">
                <Link
                  href={`/admin/tariffs/${tariff.id}`}
                  className="rounded text-indigo-700 hover:text-indigo-900 hover:underline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600"
                >
                  {tariff.name}
                </Link>
                {tariff.isDefault && <Badge tone="accent">Default</Badge>}
              </span>
            </Td>
            <Td label="Currency" className="tabular-nums">
              {tariff.currency}
            </Td>
            <Td label="Rates" className="text-right tabular-nums">
              {format.number(tariff._count.rates)}
            </Td>
            <Td label="Assigned customers" className="text-right tabular-nums">
              {tariff._count.tenants}
            </Td>
            <Td label="Last changed" className="whitespace-nowrap">
              <LocalTime value={tariff.updatedAt} isDateOnly />
            </Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}
