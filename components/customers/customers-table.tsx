import Link from "next/link";
import type { TenantStatus } from "@/server/generated/prisma/enums";
import { LocalTime } from "@/components/ui/local-time";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { CustomerStatusBadge } from "./customer-status-badge";

export type CustomerRow = { id: string; name: string; status: TenantStatus; createdAt: Date; _count: { users: number } };

export function CustomersTable({ customers }: { customers: readonly CustomerRow[] }) {
  return (
    <Table caption="Customers">
      <THead>
        <Th>Company</Th>
        <Th>Status</Th>
        <Th className="text-right">Users</Th>
        <Th>Created</Th>
      </THead>
      <TBody>
        {customers.map((customer) => (
          <Tr key={customer.id}>
            <Td card="title" className="font-medium whitespace-nowrap">
              <Link
                href={`/admin/customers/${customer.id}`}
                className="rounded text-indigo-700 hover:text-indigo-900 hover:underline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600"
              >
                {customer.name}
              </Link>
            </Td>
            <Td label="Status">
              <CustomerStatusBadge status={customer.status} />
            </Td>
            <Td label="Users" className="text-right tabular-nums">
              {customer._count.users}
            </Td>
            <Td label="Created" className="whitespace-nowrap">
              <LocalTime value={customer.createdAt} isDateOnly />
            </Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}
