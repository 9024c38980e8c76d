"use client";

import { useFormat } from "@/components/format/format-provider";
import { useId, useState, type ChangeEvent, type FormEvent } from "react";
import { Dialog } from "@/components/ui/dialog";
import { errorMessage, serverFieldMessages } from "@/components/ui/errors";
import { FormField } from "@/components/ui/form-field";
import { CONTROL_CLASSES } from "@/components/ui/input";
import { useToast } from "@/components/ui/toast";
import { MAX_IMPORT_BYTES, type CsvLineError } from "@/server/modules/tariffs/domain";
import { IMPORT_MODES, IMPORT_MODE_LABELS } from "@/server/modules/tariffs/schema";
import type { ImportRatesResult } from "@/server/modules/tariffs/rates-service";
import { FormDialogFooter } from "@/components/ui/form-dialog-footer";

type Mode = (typeof IMPORT_MODES)[number];
type ImportRatesDialogProps = {
  open: boolean;
  onClose: () => void;
  submit: (values: { mode: Mode; csv: string }) => Promise<ImportRatesResult>;
};

const EXAMPLE = "prefix,description,rate_per_minute,connect_fee,increment_sec,minimum_sec\n44,UK fixed,0.01,0,60,0\n447,UK mobile,0.08,0,1,0";

export function ImportRatesDialog({ open, onClose, submit }: ImportRatesDialogProps) {
  return (
    <Dialog open={open} onClose={onClose} title="Import rates from CSV" description="All or nothing: if any line has an error, no rate is changed.">
      <ImportForm submit={submit} onDone={onClose} />
    </Dialog>
  );
}

function ImportForm({ submit, onDone }: Pick<ImportRatesDialogProps, "submit"> & { onDone: () => void }) {
  const format = useFormat();
  const toast = useToast();
  const errorsId = useId();
  const [mode, setMode] = useState<Mode>("merge");
  const [csv, setCsv] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const [lineErrors, setLineErrors] = useState<CsvLineError[]>([]);
  const [isPending, setPending] = useState(false);

  async function onFile(e: ChangeEvent<HTMLInputElement>) {
    const file = e.target.files?.[0];
    if (!file) return;
    setLineErrors([]);
    if (file.size > MAX_IMPORT_BYTES) return setProblem("The file is larger than 2 MB. Split it and import the parts in merge mode.");
    setProblem(null);
    setCsv(await file.text());
  }

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (!csv.trim()) return setProblem("Choose a file or paste the rates.");
    setPending(true);
    setProblem(null);
    setLineErrors([]);
    try {
      const result = await submit({ mode, csv });
      if (!result.ok) return setLineErrors(result.errors);
      const removed = result.deleted > 0 ? `, ${format.number(result.deleted)} removed` : "";
      toast({ variant: "success", description: `Imported: ${format.number(result.created)} added, ${format.number(result.updated)} updated${removed}.` });
      onDone();
    } catch (err) {
      // Characters that are never valid text are refused before parsing, with their lines named.
      const lines = serverFieldMessages(err, "csv");
      if (lines.length > 0) setLineErrors(lines.map((message) => ({ line: 0, message })));
      else setProblem(errorMessage(err));
    } finally {
      setPending(false);
    }
  }

  const lineCount = csv.split(/\r?\n/).filter((l) => l.trim()).length;
  return (
    <form noValidate onSubmit={onSubmit} className="space-y-4" aria-describedby={lineErrors.length ? errorsId : undefined}>
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-gray-900">Mode</legend>
        {IMPORT_MODES.map((m) => (
          <label key={m} className="flex items-center gap-2 text-sm text-gray-900">
            <input type="radio" name="mode" value={m} checked={mode === m} onChange={() => setMode(m)} className="size-4 accent-indigo-600" />
            {IMPORT_MODE_LABELS[m]}
          </label>
        ))}
      </fieldset>
      <FormField label="CSV file" hint="Up to 50,000 rates and 2 MB.">
        {(control) => <input type="file" accept=".csv,text/csv,text/plain" onChange={onFile} className="block w-full text-sm text-gray-700 file:mr-3 file:rounded-md file:border-0 file:bg-indigo-50 file:px-3 file:py-2 file:font-medium file:text-indigo-700 hover:file:bg-indigo-100" {...control} />}
      </FormField>
      <FormField label="Or paste the rates" hint={lineCount > 0 ? `${format.number(lineCount)} lines, header included` : "The first line is the header."} error={problem ?? undefined}>
        {(control) => (
          <textarea rows={7} spellCheck={false} placeholder={EXAMPLE} value={csv} onChange={(e) => setCsv(e.target.value)} className={`${CONTROL_CLASSES} py-2 font-mono text-xs`} {...control} />
        )}
      </FormField>
      {lineErrors.length > 0 && (
        <div id={errorsId} role="alert" className="max-h-48 overflow-y-auto rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-800">
          <p className="mb-1 font-medium">Nothing was imported. Fix these lines and try again:</p>
          <ul className="space-y-0.5">
            {lineErrors.map((err, i) => (
              <li key={i}>{err.line > 0 ? <span className="font-mono">Line {err.line}: </span> : null}{err.message}</li>
            ))}
          </ul>
        </div>
      )}
      <FormDialogFooter onCancel={onDone} isPending={isPending} submitLabel={isPending ? "Importing…" : "Import"} />
    </form>
  );
}
