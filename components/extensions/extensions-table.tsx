import type { inferRouterOutputs } from "@trpc/server";
import Link from "next/link";
import type { AppRouter } from "@/server/api/root";
import { Badge } from "@/components/ui/badge";
import { Button, buttonClasses } from "@/components/ui/button";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { PhoneNumberText } from "@/components/format/phone-number-text";

export type ExtensionRow = inferRouterOutputs<AppRouter>["extension"]["find"][number];

type ExtensionsTableProps = {
  extensions: readonly ExtensionRow[];
  /** What "company default" resolves to today; null when the company has no number. */
  defaultCli: string | null;
  onEdit: (row: ExtensionRow) => void;
  onRegenerate: (row: ExtensionRow) => void;
  onDelete: (row: ExtensionRow) => void;
};

export function ExtensionsTable({ extensions, defaultCli, onEdit, onRegenerate, onDelete }: ExtensionsTableProps) {
  return (
    <Table caption="Extensions">
      <THead>
        <Th>Number</Th>
        <Th>Name</Th>
        <Th>Owner</Th>
        <Th>Voicemail</Th>
        <Th>Outbound number</Th>
        <Th className="text-right">
          <span className="sr-only">Actions</span>
        </Th>
      </THead>
      <TBody>
        {extensions.map((e) => (
          <Tr key={e.id}>
            <Td card="title" className="font-semibold text-gray-900 tabular-nums">
              {e.number}
            </Td>
            <Td card="title" className="whitespace-nowrap">
              <div className="font-medium text-gray-900">{e.displayName}</div>
              {/* The SIP username sits under the name: it is what support asks for, rarely what people scan. */}
              <div className="font-mono text-xs text-gray-600">{e.sipAccount?.username ?? "No SIP account"}</div>
            </Td>
            <Td label="Owner" className="whitespace-nowrap">{e.owner?.name ?? <span className="text-gray-500">Nobody</span>}</Td>
            <Td label="Voicemail">{e.voicemailEnabled ? <Badge tone="success">On</Badge> : <Badge>Off</Badge>}</Td>
            <Td label="Outbound number" className="whitespace-nowrap tabular-nums">{e.outboundCli ? <PhoneNumberText e164={e.outboundCli} /> : <CompanyDefault cli={defaultCli} />}</Td>
            <Td card="actions" className="text-right whitespace-nowrap">
              <div className="inline-flex flex-wrap gap-1">
                <Button variant="ghost" size="sm" onClick={() => onEdit(e)} aria-label={`Edit extension ${e.number}`}>
                  Edit
                </Button>
                <Link href={`/extensions/${e.id}/forwarding`} className={buttonClasses({ variant: "ghost", size: "sm" })} aria-label={`Forwarding of extension ${e.number}`}>
                  Forwarding
                </Link>
                {e.sipAccount && (
                  <Button variant="ghost" size="sm" onClick={() => onRegenerate(e)} aria-label={`New credentials for extension ${e.number}`}>
                    Credentials
                  </Button>
                )}
                <Button
                  variant="ghost"
                  size="sm"
                  className="text-red-700 hover:bg-red-50 hover:text-red-800"
                  onClick={() => onDelete(e)}
                  aria-label={`Delete extension ${e.number}`}
                >
                  Delete
                </Button>
              </div>
            </Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}

/** Says what the default is, not just that there is one; it changes when the numbers do. */
function CompanyDefault({ cli }: { cli: string | null }) {
  if (!cli) return <span className="text-gray-600">None (no company number)</span>;
  return (
    <span>
      <PhoneNumberText e164={cli} /> <span className="text-gray-600">(company default)</span>
    </span>
  );
}
