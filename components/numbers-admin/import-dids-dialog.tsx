"use client";

import { useState, type ChangeEvent, type FormEvent } from "react";
import { useFormat } from "@/components/format/format-provider";
import { Button } from "@/components/ui/button";
import { Dialog, DialogFooter } from "@/components/ui/dialog";
import { errorMessage } from "@/components/ui/errors";
import { FormField } from "@/components/ui/form-field";
import { CONTROL_CLASSES } from "@/components/ui/input";
import { useToast } from "@/components/ui/toast";
import { DID_CSV_HEADER, MAX_DID_IMPORT_BYTES } from "@/server/modules/numbers/partner/csv-import";
import type { TImportDidsInput } from "@/server/modules/numbers/partner/schema";
import { ImportReport } from "./import-report";
import type { DidImportReport } from "./types";

type ImportDidsDialogProps = {
  open: boolean;
  onClose: () => void;
  currency: string;
  submit: (input: TImportDidsInput) => Promise<DidImportReport>;
};

const EXAMPLE = `${DID_CSV_HEADER}\n020 7946 0000,London,10,2\n+44 161 496 0123,Manchester,0,1.5,GB`;

/** Two steps: check the sheet (a dry run, nothing written), then import the good rows or nothing. */
export function ImportDidsDialog({ open, onClose, ...rest }: ImportDidsDialogProps) {
  return (
    <Dialog open={open} onClose={onClose} title="Import numbers from CSV" description="Check the file first: you see every rejected row and why before anything is stored.">
      <ImportSteps onDone={onClose} {...rest} />
    </Dialog>
  );
}

function ImportSteps({ submit, currency, onDone }: Omit<ImportDidsDialogProps, "open" | "onClose"> & { onDone: () => void }) {
  const format = useFormat();
  const toast = useToast();
  const [csv, setCsv] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const [report, setReport] = useState<DidImportReport | null>(null);
  const [pending, setPending] = useState<"check" | "import" | null>(null);

  async function onFile(e: ChangeEvent<HTMLInputElement>) {
    const file = e.target.files?.[0];
    if (!file) return;
    if (file.size > MAX_DID_IMPORT_BYTES) return setProblem("The file is larger than 1 MB. Split it and import the parts.");
    setProblem(null);
    setCsv(await file.text());
  }

  async function run(mode: TImportDidsInput["mode"], isDryRun: boolean) {
    setPending(isDryRun ? "check" : "import");
    setProblem(null);
    try {
      const result = await submit({ csv, mode, isDryRun });
      if (isDryRun) return setReport(result);
      if (result.isRefused) {
        setReport(result);
        return toast({ variant: "error", description: `Nothing was imported: ${format.number(result.rejected.length)} rows were rejected. Fix them and check the file again.` });
      }
      toast({ variant: "success", description: `Imported ${format.number(result.imported)} numbers into stock.` });
      onDone();
    } catch (err) {
      setReport(null);
      setProblem(errorMessage(err));
    } finally {
      setPending(null);
    }
  }

  function onCheck(e: FormEvent) {
    e.preventDefault();
    if (!csv.trim()) return setProblem("Choose a file or paste the numbers.");
    void run("validRowsOnly", true);
  }

  if (report) {
    const hasRejected = report.rejected.length > 0;
    return (
      <div className="space-y-4">
        <ImportReport report={report} currency={currency} />
        <DialogFooter>
          <Button variant="secondary" onClick={() => setReport(null)} disabled={pending !== null}>
            Back to the file
          </Button>
          {hasRejected && (
            <Button variant="secondary" onClick={() => run("allOrNothing", false)} isLoading={pending === "import"} disabled={pending !== null}>
              All or nothing: import none
            </Button>
          )}
          <Button onClick={() => run("validRowsOnly", false)} isLoading={pending === "import"} disabled={pending !== null || report.validCount === 0}>
            Import {format.number(report.validCount)} valid {report.validCount === 1 ? "row" : "rows"}
          </Button>
        </DialogFooter>
      </div>
    );
  }

  const lineCount = csv.split(/\r?\n/).filter((l) => l.trim()).length;
  return (
    <form noValidate onSubmit={onCheck} className="space-y-4">
      <FormField label="CSV file" hint={`Up to 5,000 numbers and 1 MB. Columns: ${DID_CSV_HEADER} (area and country optional).`}>
        {(control) => <input type="file" accept=".csv,text/csv,text/plain" onChange={onFile} className="block w-full text-sm text-gray-700 file:mr-3 file:rounded-md file:border-0 file:bg-indigo-50 file:px-3 file:py-2 file:font-medium file:text-indigo-700 hover:file:bg-indigo-100" {...control} />}
      </FormField>
      <FormField label="Or paste the numbers" hint={lineCount > 0 ? `${format.number(lineCount)} lines, header included` : "The first line is the header. National numbers are read as British unless the country column says otherwise."} error={problem ?? undefined}>
        {(control) => <textarea rows={7} spellCheck={false} placeholder={EXAMPLE} value={csv} onChange={(e) => setCsv(e.target.value)} className={`${CONTROL_CLASSES} py-2 font-mono text-xs`} {...control} />}
      </FormField>
      <DialogFooter>
        <Button variant="secondary" onClick={onDone} disabled={pending !== null}>
          Cancel
        </Button>
        <Button type="submit" isLoading={pending === "check"}>
          {pending === "check" ? "Checking…" : "Check file"}
        </Button>
      </DialogFooter>
    </form>
  );
}
