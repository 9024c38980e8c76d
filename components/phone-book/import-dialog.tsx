"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/components/providers/trpc-react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogFooter } from "@/components/ui/dialog";
import { errorMessage } from "@/components/ui/errors";
import { SelectField } from "@/components/ui/form-field";
import { CONTACT_IMPORT_MODES, type PhoneBook } from "@/server/modules/phone-book/schema";

const MODE_LABELS: Record<(typeof CONTACT_IMPORT_MODES)[number], string> = {
  validRowsOnly: "Import the valid rows, skip the others",
  allOrNothing: "Import nothing unless every row is valid",
};

/** CSV import: check first (a dry run with the per-row report), then import in the chosen mode. */
export function ImportDialog({ open, onClose, canEditCompanyBook }: { open: boolean; onClose: () => void; canEditCompanyBook: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [csv, setCsv] = useState("");
  const [book, setBook] = useState<PhoneBook>(canEditCompanyBook ? "company" : "personal");
  const [mode, setMode] = useState<(typeof CONTACT_IMPORT_MODES)[number]>("validRowsOnly");
  const run = useMutation(trpc.phoneBook.import.mutationOptions({
    onSuccess: async (report) => {
      if (report.imported > 0) await queryClient.invalidateQueries({ queryKey: trpc.phoneBook.find.pathKey() });
    },
  }));
  const report = run.data;
  const close = () => {
    run.reset();
    setCsv("");
    onClose();
  };
  return (
    <Dialog open={open} onClose={close} title="Import contacts" description="A CSV file with the columns name, company, email, mobile, work, home, fax, other. Several numbers of one kind go in one cell, separated by ;.">
      <div className="space-y-4">
        <input
          type="file"
          accept=".csv,text/csv"
          aria-label="CSV file"
          className="block text-sm"
          onChange={async (e) => {
            run.reset();
            setCsv((await e.target.files?.[0]?.text()) ?? "");
          }}
        />
        {canEditCompanyBook && (
          <SelectField label="Into" value={book} onChange={(e) => setBook(e.target.value as PhoneBook)} options={[{ value: "company", label: "The company phone book" }, { value: "personal", label: "My personal phone book" }]} />
        )}
        <SelectField label="If some rows are wrong" value={mode} onChange={(e) => setMode(e.target.value as typeof mode)} options={CONTACT_IMPORT_MODES.map((m) => ({ value: m, label: MODE_LABELS[m] }))} />
        {run.isError && <p role="alert" className="text-sm text-red-700">{errorMessage(run.error)}</p>}
        {report && (
          <div role="status" className="space-y-2 rounded-md bg-gray-50 p-3 text-sm">
            <p>
              {report.imported > 0 ? `Imported ${report.imported} contacts.` : report.isRefused ? "Nothing was imported: some rows are wrong." : `${report.validCount} contacts can be imported.`}
              {report.rejected.length > 0 && ` ${report.rejected.length} rows were refused:`}
            </p>
            {report.rejected.length > 0 && (
              <ul className="max-h-40 list-disc overflow-y-auto pl-5">
                {report.rejected.map((r) => <li key={r.line}>Line {r.line}{r.name ? ` (${r.name})` : ""}: {r.reason}</li>)}
              </ul>
            )}
          </div>
        )}
        <DialogFooter>
          <Button variant="secondary" onClick={close}>{report?.imported ? "Close" : "Cancel"}</Button>
          <Button variant="secondary" disabled={!csv} isLoading={run.isPending && run.variables?.isDryRun} onClick={() => run.mutate({ csv, book, mode, isDryRun: true })}>Check file</Button>
          <Button disabled={!csv || (report?.imported ?? 0) > 0} isLoading={run.isPending && !run.variables?.isDryRun} onClick={() => run.mutate({ csv, book, mode, isDryRun: false })}>Import</Button>
        </DialogFooter>
      </div>
    </Dialog>
  );
}
