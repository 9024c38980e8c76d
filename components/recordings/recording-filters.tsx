"use client";

import { useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/form-field";
import { RECORDING_DIRECTIONS, type TRecordingFilter } from "@/server/modules/recordings/schema";

const ANY = "";
export const DIRECTION_LABELS: Record<(typeof RECORDING_DIRECTIONS)[number], string> = { INBOUND: "Incoming", OUTBOUND: "Outgoing", INTERNAL: "Internal" };

type Props = { extensions: readonly { id: string; number: string; displayName: string }[]; onChange: (filter: TRecordingFilter) => void };

/** Date range (the company's calendar days), extension and direction above the recordings list. */
export function RecordingFilters({ extensions, onChange }: Props) {
  const [from, setFrom] = useState("");
  const [to, setTo] = useState("");
  const [extensionId, setExtensionId] = useState(ANY);
  const [direction, setDirection] = useState<(typeof RECORDING_DIRECTIONS)[number] | typeof ANY>(ANY);
  const rangeError = from && to && from > to ? "The end date is before the start date" : undefined;

  useEffect(() => {
    if (rangeError) return;
    onChange({ ...(from ? { from } : {}), ...(to ? { to } : {}), ...(extensionId ? { extensionId } : {}), ...(direction ? { direction } : {}) });
  }, [from, to, extensionId, direction, rangeError, onChange]);

  const isFiltered = from !== "" || to !== "" || extensionId !== ANY || direction !== ANY;
  return (
    <form role="search" aria-label="Filter recordings" className="mb-4 grid gap-3 sm:grid-cols-[repeat(4,minmax(0,1fr))_auto] sm:items-end" onSubmit={(e) => e.preventDefault()}>
      <TextField label="From" type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
      <TextField label="To" type="date" value={to} onChange={(e) => setTo(e.target.value)} error={rangeError} />
      <SelectField
        label="Extension"
        value={extensionId}
        onChange={(e) => setExtensionId(e.target.value)}
        options={[{ value: ANY, label: "All extensions" }, ...extensions.map((e) => ({ value: e.id, label: `${e.number} · ${e.displayName}` }))]}
      />
      <SelectField
        label="Direction"
        value={direction}
        onChange={(e) => setDirection(e.target.value as typeof direction)}
        options={[{ value: ANY, label: "All calls" }, ...RECORDING_DIRECTIONS.map((d) => ({ value: d, label: DIRECTION_LABELS[d] }))]}
      />
      <Button
        variant="secondary"
        disabled={!isFiltered}
        onClick={() => {
          setFrom("");
          setTo("");
          setExtensionId(ANY);
          setDirection(ANY);
        }}
      >
        Clear
      </Button>
    </form>
  );
}
