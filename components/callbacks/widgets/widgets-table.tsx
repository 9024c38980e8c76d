import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { buttonClasses } from "@/components/ui/button";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import type { CallbackWidgetView } from "@/server/modules/callbacks/widgets/service";

/** The company's widgets: name, on or off, where calls go, and the websites that may use it. */
export function WidgetsTable({ widgets }: { widgets: readonly CallbackWidgetView[] }) {
  return (
    <Table caption="Callback widgets">
      <THead>
        <Th>Name</Th>
        <Th>State</Th>
        <Th>Destination</Th>
        <Th>Websites</Th>
        <Th className="text-right">
          <span className="sr-only">Actions</span>
        </Th>
      </THead>
      <TBody>
        {widgets.map((w) => (
          <Tr key={w.id}>
            <Td card="title" className="font-medium text-gray-900">
              {w.name}
            </Td>
            <Td label="State">{w.isEnabled ? <Badge tone="success">On</Badge> : <Badge>Off</Badge>}</Td>
            <Td label="Destination">{w.destinationLabel}</Td>
            <Td label="Websites" className="break-all">
              {w.allowedOrigins.slice(0, 2).join(", ")}
              {w.allowedOrigins.length > 2 && ` and ${w.allowedOrigins.length - 2} more`}
            </Td>
            <Td card="actions" className="text-right">
              <Link href={`/callbacks/widgets/${w.id}`} className={buttonClasses({ variant: "ghost", size: "sm" })} aria-label={`Edit widget ${w.name}`}>
                Edit
              </Link>
            </Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}
