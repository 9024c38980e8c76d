"use client";

import { Button } from "@/components/ui/button";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { formatDuration } from "@/components/recordings/format-duration";

export type PromptRow = {
  id: string;
  name: string;
  source: "UPLOAD" | "TTS";
  originalName: string | null;
  originalType: string;
  ttsText: string | null;
  durationMs: number;
  usedBy: string[];
};

type Props = { prompts: readonly PromptRow[]; onRename: (p: PromptRow) => void; onDelete: (p: PromptRow) => void };

/** Each prompt with a player: the browser fetches the WAV only when played (preload="none"). */
export function PromptsTable({ prompts, onRename, onDelete }: Props) {
  return (
    <Table caption="Voice prompts">
      <THead>
        <Th>Name</Th>
        <Th>Source</Th>
        <Th>Length</Th>
        <Th>Listen</Th>
        <Th>Used by</Th>
        <Th className="text-right">Actions</Th>
      </THead>
      <TBody>
        {prompts.map((p) => (
          <Tr key={p.id}>
            <Td card="title" className="font-medium text-gray-900">{p.name}</Td>
            <Td label="Source" className="text-sm text-gray-700">
              {p.source === "TTS" ? <span title={p.ttsText ?? undefined}>Text to speech</span> : `Upload (${p.originalType.toUpperCase()})`}
            </Td>
            <Td label="Length" className="tabular-nums">{formatDuration(p.durationMs)}</Td>
            <Td label="Listen">
              <audio controls preload="none" src={`/api/media/prompts/${p.id}`} aria-label={`Play ${p.name}`} className="h-8 w-56 max-w-full" />
            </Td>
            <Td label="Used by" className="text-sm text-gray-700">{p.usedBy.length === 0 ? "Not used" : p.usedBy.join(", ")}</Td>
            <Td label="Actions" className="text-right whitespace-nowrap">
              <a href={`/api/media/prompts/${p.id}?download=1`} className="mr-2 text-sm font-medium text-indigo-700 hover:text-indigo-900" aria-label={`Download ${p.name}`}>
                Download
              </a>
              <Button variant="ghost" size="sm" onClick={() => onRename(p)} aria-label={`Rename ${p.name}`}>Rename</Button>
              <Button variant="ghost" size="sm" onClick={() => onDelete(p)} aria-label={`Delete ${p.name}`}>Delete</Button>
            </Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}
