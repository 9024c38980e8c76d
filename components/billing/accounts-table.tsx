import { useFormat } from "@/components/format/format-provider";
import { Badge } from "@/components/ui/badge";
import { TBody, THead, Table, Td, Th, Tr } from "@/components/ui/table";
import { ACCOUNT_TYPES } from "@/server/modules/billing/schema";
import { accountTypeLabel, accountTypePlural } from "./format";

export type AccountRow = {
  id: string;
  type: string;
  username: string;
  monthlyPrice: string | null;
  priceCurrency: string | null;
  extension: { id: string; number: string; displayName: string } | null;
};

/** How many accounts of each type, for the summary line above the table. */
export function countByType(accounts: readonly AccountRow[]) {
  return ACCOUNT_TYPES.map((type) => ({ type, count: accounts.filter((a) => a.type === type).length })).filter((c) => c.count > 0);
}

/** SIP accounts grouped by type (the API sorts them so), with price and the extension using each. */
export function AccountsTable({ accounts, caption }: { accounts: readonly AccountRow[]; caption: string }) {
  const format = useFormat();
  return (
    <div className="space-y-3">
      <p className="text-sm text-gray-700">
        {countByType(accounts)
          .map((c) => `${c.count} ${accountTypePlural(c.type, c.count).toLowerCase()}`)
          .join(" · ")}
      </p>
      <Table caption={caption}>
        <THead>
          <Th>Type</Th>
          <Th>SIP username</Th>
          <Th className="text-right">Monthly price</Th>
          <Th>Extension</Th>
        </THead>
        <TBody>
          {accounts.map((a) => (
            <Tr key={a.id}>
              <Td label="Type" className="whitespace-nowrap">
                {accountTypeLabel(a.type)}
              </Td>
              <Td card="title" className="font-mono text-xs whitespace-nowrap text-gray-900">
                {a.username}
              </Td>
              <Td label="Monthly price" className="text-right whitespace-nowrap tabular-nums">
                {a.monthlyPrice && a.priceCurrency ? format.money(a.monthlyPrice, a.priceCurrency) : <span className="text-gray-600">Not billed</span>}
              </Td>
              <Td label="Extension" className="whitespace-nowrap">
                {a.extension ? (
                  <span>
                    <span className="font-medium text-gray-900">{a.extension.number}</span> {a.extension.displayName}
                  </span>
                ) : (
                  <Badge>Not in use</Badge>
                )}
              </Td>
            </Tr>
          ))}
        </TBody>
      </Table>
    </div>
  );
}
