"use client";

import { useFormat } from "@/components/format/format-provider";
import { PhoneNumberText } from "@/components/format/phone-number-text";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { TierBadge } from "./did-badges";
import type { DidImportReport } from "./types";

/** What a sheet would import and what it cannot, row by row with the file's line numbers. */
export function ImportReport({ report, currency }: { report: DidImportReport; currency: string }) {
  const format = useFormat();
  const shown = report.preview.length;
  return (
    <div className="space-y-4">
      <p role="status" className="text-sm text-gray-900">
        <strong>{format.number(report.validCount)}</strong> {report.validCount === 1 ? "number is" : "numbers are"} ready to import;{" "}
        <strong className={report.rejected.length > 0 ? "text-red-700" : undefined}>{format.number(report.rejected.length)}</strong>{" "}
        {report.rejected.length === 1 ? "row was" : "rows were"} rejected.
      </p>
      {report.rejected.length > 0 && (
        <section aria-label="Rejected rows" className="max-h-56 overflow-y-auto">
          <Table caption="Rejected rows">
            <THead>
              <Th>Row</Th>
              <Th>Number</Th>
              <Th>Reason</Th>
            </THead>
            <TBody>
              {report.rejected.map((r) => (
                <Tr key={r.line}>
                  <Td card="title" className="font-mono">Line {r.line}</Td>
                  <Td label="Number" className="font-mono">{r.number || "—"}</Td>
                  <Td label="Reason" className="text-red-800">{r.reason}</Td>
                </Tr>
              ))}
            </TBody>
          </Table>
        </section>
      )}
      {shown > 0 && (
        <details className="text-sm">
          <summary className="cursor-pointer font-medium text-gray-900">
            Preview {shown < report.validCount ? `the first ${format.number(shown)} of ` : ""}the numbers to import, with tier and price
          </summary>
          <div className="mt-2 max-h-56 overflow-y-auto">
            <Table caption="Numbers to import">
              <THead>
                <Th>Row</Th>
                <Th>Number</Th>
                <Th>Tier</Th>
                <Th className="text-right">Setup</Th>
                <Th className="text-right">Monthly</Th>
              </THead>
              <TBody>
                {report.preview.map((row) => (
                  <Tr key={row.line}>
                    <Td card="title" className="font-mono">Line {row.line}</Td>
                    <Td label="Number"><PhoneNumberText e164={row.number} locale={format.locale} /></Td>
                    <Td label="Tier"><TierBadge name={row.tierName} /></Td>
                    <Td label="Setup" className="text-right tabular-nums">{format.money(row.setupFee, currency)}</Td>
                    <Td label="Monthly" className="text-right tabular-nums">{format.money(row.monthlyFee, currency)}</Td>
                  </Tr>
                ))}
              </TBody>
            </Table>
          </div>
        </details>
      )}
    </div>
  );
}
