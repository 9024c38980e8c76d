"use client";

import { Button } from "@/components/ui/button";
import { LocalTime } from "@/components/ui/local-time";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { formatDuration } from "./format-duration";
import { DIRECTION_LABELS } from "./recording-filters";

export type RecordingRow = {
  id: string;
  direction: keyof typeof DIRECTION_LABELS;
  callerNumber: string;
  calledNumber: string;
  startedAt: Date;
  durationMs: number;
  extension: { number: string; displayName: string } | null;
};

type Props = { recordings: readonly RecordingRow[]; canDelete: boolean; onDelete: (r: RecordingRow) => void };

/** Recorded calls with a player each; the WAV is fetched only when played (preload="none"). */
export function RecordingsTable({ recordings, canDelete, onDelete }: Props) {
  return (
    <Table caption="Call recordings">
      <THead>
        <Th>Started</Th>
        <Th>Direction</Th>
        <Th>From</Th>
        <Th>To</Th>
        <Th>Extension</Th>
        <Th>Length</Th>
        <Th>Listen</Th>
        <Th className="text-right">Actions</Th>
      </THead>
      <TBody>
        {recordings.map((r) => (
          <Tr key={r.id}>
            <Td card="title" className="whitespace-nowrap"><LocalTime value={r.startedAt} /></Td>
            <Td label="Direction">{DIRECTION_LABELS[r.direction] ?? r.direction}</Td>
            <Td label="From" className="font-mono text-xs whitespace-nowrap">{r.callerNumber}</Td>
            <Td label="To" className="font-mono text-xs whitespace-nowrap">{r.calledNumber}</Td>
            <Td label="Extension">{r.extension ? `${r.extension.number} · ${r.extension.displayName}` : "—"}</Td>
            <Td label="Length" className="tabular-nums">{formatDuration(r.durationMs)}</Td>
            <Td label="Listen">
              <audio controls preload="none" src={`/api/media/recordings/${r.id}`} aria-label={`Play the call from ${r.callerNumber} to ${r.calledNumber}`} className="h-8 w-56 max-w-full" />
            </Td>
            <Td label="Actions" className="text-right whitespace-nowrap">
              <a href={`/api/media/recordings/${r.id}?download=1`} className="mr-2 text-sm font-medium text-indigo-700 hover:text-indigo-900" aria-label={`Download the call from ${r.callerNumber} to ${r.calledNumber}`}>
                Download
              </a>
              {canDelete && (
                <Button variant="ghost" size="sm" onClick={() => onDelete(r)} aria-label={`Delete the recording of the call from ${r.callerNumber}`}>
                  Delete
                </Button>
              )}
            </Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}
