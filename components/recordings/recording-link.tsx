"use client";

import { useState } from "react";

/**
 * The "Recording" cell of a call-record row whose recordingRef is set: a button that opens a
 * player in place (the WAV is fetched only then) and a download link. Render it only for
 * viewers who may hear the recording; the file route answers 404 to anyone else regardless.
 */
export function RecordingLink({ recordingId, callLabel }: { recordingId: string; callLabel: string }) {
  const [isOpen, setOpen] = useState(false);
  const src = `/api/media/recordings/${recordingId}`;
  if (isOpen) {
    return (
      <span className="inline-flex items-center gap-2">
        <audio controls autoPlay src={src} aria-label={`Recording of ${callLabel}`} className="h-8 w-48" />
        <a href={`${src}?download=1`} className="text-sm font-medium text-indigo-700 hover:text-indigo-900">Download</a>
      </span>
    );
  }
  return (
    <button type="button" onClick={() => setOpen(true)} className="text-sm font-medium text-indigo-700 hover:text-indigo-900" aria-label={`Play the recording of ${callLabel}`}>
      Recording
    </button>
  );
}
