import type { ReactNode } from "react";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { ActivityCell, LineBadge } from "./presence-badges";
import type { PresenceRow } from "./presence-model";

/** One row per extension: who, the line's registration and the call in progress (on a phone, one card each). */
export function PresenceTable({ rows, action }: { rows: readonly PresenceRow[]; action?: (row: PresenceRow) => ReactNode }) {
  return (
    <Table caption="Extensions, live">
      <THead>
        <Th>Extension</Th>
        <Th>Name</Th>
        <Th>Line</Th>
        <Th>Call</Th>
        <Th>Phone</Th>
        {action && <Th className="text-right">Actions</Th>}
      </THead>
      <TBody>
        {rows.map((row) => (
          <Tr key={row.id}>
            <Td card="title" className="font-semibold whitespace-nowrap text-gray-900 tabular-nums">
              {row.number}
            </Td>
            <Td card="title" className="whitespace-nowrap">
              {row.displayName}
            </Td>
            <Td label="Line" data-testid={`line-${row.number}`}>
              <LineBadge row={row} />
            </Td>
            <Td label="Call" data-testid={`call-${row.number}`}>
              <ActivityCell row={row} />
            </Td>
            <Td label="Phone" className="text-xs text-gray-600">
              {row.registration?.userAgent || row.registration?.address ? (
                <>
                  <div>{row.registration.userAgent ?? "Unknown phone"}</div>
                  {row.registration.address && <div className="font-mono">{row.registration.address}</div>}
                </>
              ) : (
                <span aria-label="Unknown">—</span>
              )}
            </Td>
            {action && (
              <Td label="Actions" card="actions" className="text-right whitespace-nowrap">
                {action(row)}
              </Td>
            )}
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}
