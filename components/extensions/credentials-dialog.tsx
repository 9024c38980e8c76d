"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogFooter } from "@/components/ui/dialog";
import { CopyIcon } from "@/components/ui/icons";

export type ShownCredentials = { number: string; username: string; secret: string; domain: string };

function CopyRow({ label, value, isSecret = false }: { label: string; value: string; isSecret?: boolean }) {
  const [isCopied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setCopied(true);
      setTimeout(() => setCopied(false), 2_000);
    } catch {
      setCopied(false); // no clipboard (insecure origin, denied): the value is still selectable
    }
  };
  return (
    <div>
      <dt className="text-xs font-medium tracking-wide text-gray-600 uppercase">{label}</dt>
      <dd className="mt-1 flex items-center gap-2">
        <code data-testid={`credential-${label.toLowerCase()}`} className={`min-w-0 flex-1 rounded bg-gray-100 px-2 py-1.5 font-mono text-sm break-all ${isSecret ? "text-gray-950" : "text-gray-800"}`}>
          {value}
        </code>
        <Button variant="secondary" size="sm" onClick={copy} aria-label={`Copy ${label.toLowerCase()}`}>
          <CopyIcon className="size-4" /> {isCopied ? "Copied" : "Copy"}
        </Button>
      </dd>
    </div>
  );
}

/**
 * The one and only time a SIP secret is visible: only its hash is stored, so closing this
 * dialog loses it for good (a new one can be generated).
 */
export function CredentialsDialog({ credentials, onClose }: { credentials: ShownCredentials | null; onClose: () => void }) {
  return (
    <Dialog
      open={credentials !== null}
      onClose={onClose}
      title={credentials ? `SIP credentials for extension ${credentials.number}` : "SIP credentials"}
      description="Enter these in the phone or softphone. The password won't be shown again: copy it now."
    >
      {credentials && (
        <>
          <dl className="space-y-3">
            <CopyRow label="Username" value={credentials.username} />
            <CopyRow label="Password" value={credentials.secret} isSecret />
            <CopyRow label="Domain" value={credentials.domain} />
          </dl>
          <p role="note" className="mt-4 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 ring-1 ring-amber-200 ring-inset">
            This password won&apos;t be shown again. If it is lost, generate new credentials.
          </p>
          <DialogFooter>
            <Button onClick={onClose}>I have saved them</Button>
          </DialogFooter>
        </>
      )}
    </Dialog>
  );
}
