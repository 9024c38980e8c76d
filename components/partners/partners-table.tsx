import { Button } from "@/components/ui/button";
import { LocalTime } from "@/components/ui/local-time";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";

export type PartnerRow = {
  id: string;
  name: string;
  createdAt: Date;
  _count: { tenants: number };
  users: { id: string; name: string; email: string }[];
};

export function PartnersTable({ partners, onAddAdmin }: { partners: readonly PartnerRow[]; onAddAdmin: (partner: PartnerRow) => void }) {
  return (
    <Table caption="Partners">
      <THead>
        <Th>Partner</Th>
        <Th>Administrators</Th>
        <Th className="text-right">Customers</Th>
        <Th>Created</Th>
        <Th className="text-right">
          <span className="sr-only">Actions</span>
        </Th>
      </THead>
      <TBody>
        {partners.map((partner) => (
          <Tr key={partner.id}>
            <Td card="title" className="align-top font-medium whitespace-nowrap text-gray-900">
              {partner.name}
            </Td>
            <Td label="Administrators" className="align-top">
              {partner.users.length === 0 ? (
                <span className="text-gray-600">None</span>
              ) : (
                <ul className="space-y-1">
                  {partner.users.map((admin) => (
                    <li key={admin.id} className="whitespace-nowrap max-md:whitespace-normal">
                      <span className="text-gray-900">{admin.name}</span> <span className="text-gray-600">· {admin.email}</span>
                    </li>
                  ))}
                </ul>
              )}
            </Td>
            <Td label="Customers" className="text-right align-top tabular-nums">
              {partner._count.tenants}
            </Td>
            <Td label="Created" className="align-top whitespace-nowrap">
              <LocalTime value={partner.createdAt} isDateOnly />
            </Td>
            <Td card="actions" className="text-right align-top">
              <Button variant="secondary" size="sm" onClick={() => onAddAdmin(partner)} aria-label={`Add admin to ${partner.name}`}>
                Add admin
              </Button>
            </Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}
