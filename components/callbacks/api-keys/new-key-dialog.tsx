"use client";

import { useCopy } from "@/components/extensions/use-copy";
import { Button } from "@/components/ui/button";
import { Dialog, DialogFooter } from "@/components/ui/dialog";
import { AlertIcon, CopyIcon } from "@/components/ui/icons";

/**
 * The one and only time an API key is visible: only its hash is stored, so closing this
 * dialog loses it for good (revoke it and create another if it is lost).
 */
export function NewKeyDialog({ shown, onClose }: { shown: { name: string; key: string } | null; onClose: () => void }) {
  const { isCopied, copy } = useCopy();
  return (
    <Dialog open={shown !== null} onClose={onClose} title="Your new API key" description={shown ? `For ${shown.name}.` : undefined}>
      {shown && (
        <>
          <p role="alert" className="mb-4 flex gap-2 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 ring-1 ring-amber-200 ring-inset">
            <AlertIcon className="mt-0.5 size-4 shrink-0" />
            <span>
              <strong className="font-semibold">Copy it now: it will not be shown again.</strong> Anyone with this key can request callbacks for your company,
              so keep it in the app&apos;s settings, not in a web page or a chat.
            </span>
          </p>
          <label htmlFor="new-api-key" className="block text-xs font-medium tracking-wide text-gray-600 uppercase">
            API key
          </label>
          <div className="mt-1 flex items-center gap-2">
            <input
              id="new-api-key"
              data-testid="new-api-key"
              readOnly
              value={shown.key}
              onFocus={(e) => e.currentTarget.select()}
              className="min-w-0 flex-1 rounded bg-gray-100 px-2 py-1.5 font-mono text-sm text-gray-950"
            />
            <Button variant="secondary" size="sm" onClick={() => copy(shown.key)} aria-label="Copy the API key">
              <CopyIcon className="size-4" /> {isCopied ? "Copied" : "Copy"}
            </Button>
          </div>
          <p className="mt-3 text-sm text-gray-600">
            Send it as <code className="font-mono">Authorization: Bearer {shown.key.slice(0, 12)}…</code> with each request.
          </p>
        </>
      )}
      <DialogFooter>
        <Button onClick={onClose}>I have stored it</Button>
      </DialogFooter>
    </Dialog>
  );
}
