"use client";

import { Button } from "@/components/ui/button";
import { Dialog, DialogFooter } from "@/components/ui/dialog";
import { CopyIcon } from "@/components/ui/icons";
import type { SipCredentials } from "@/server/modules/extensions/credentials";
import { settingRows, settingsText, sipAccountUri, transportLabel, type PhoneSettings, type SettingRow } from "@/server/modules/extensions/phone-settings";
import { SettingsQrCode } from "./settings-qr-code";
import { useCopy } from "./use-copy";

export type ShownCredentials = SipCredentials & { number: string };

const testId = (label: string) => `credential-${label.toLowerCase().replaceAll(" ", "-")}`;

function CopyRow({ label, value, isSecret = false }: SettingRow) {
  const { isCopied, copy } = useCopy();
  return (
    <div>
      <dt className="text-xs font-medium tracking-wide text-gray-600 uppercase">{label}</dt>
      <dd className="mt-1 flex items-center gap-2">
        <code data-testid={testId(label)} className={`min-w-0 flex-1 rounded bg-gray-100 px-2 py-1.5 font-mono text-sm break-all ${isSecret ? "text-gray-950" : "text-gray-800"}`}>
          {value}
        </code>
        <Button variant="secondary" size="sm" onClick={() => copy(value)} aria-label={`Copy ${label.toLowerCase()}`}>
          <CopyIcon className="size-4" /> {isCopied ? "Copied" : "Copy"}
        </Button>
      </dd>
    </div>
  );
}

function CopyAllButton({ text }: { text: string }) {
  const { isCopied, copy } = useCopy();
  return (
    <Button variant="secondary" onClick={() => copy(text)}>
      <CopyIcon className="size-4" /> {isCopied ? "Copied all" : "Copy all"}
    </Button>
  );
}

function Settings({ settings }: { settings: PhoneSettings }) {
  const { server } = settings;
  return (
    <>
      {server.isDemo && (
        <p role="note" className="mb-4 rounded-md bg-sky-50 px-3 py-2 text-sm text-sky-900 ring-1 ring-sky-200 ring-inset">
          <strong className="font-semibold">Demo settings.</strong> This portal runs simulated phones, not a real phone system, so a real phone
          cannot register with them.
        </p>
      )}
      <dl className="space-y-3">
        {settingRows(settings).map((row) => (
          <CopyRow key={row.label} {...row} />
        ))}
      </dl>
      {server.alsoAccepted.length > 0 && (
        <p className="mt-3 text-sm text-gray-600">
          The server also accepts {server.alsoAccepted.map((t) => `${transportLabel(t.transport)} on port ${t.port}`).join(" and ")}.
        </p>
      )}
      <div className="mt-4 flex flex-col items-center gap-4 rounded-md border border-gray-200 p-4 sm:flex-row sm:items-start">
        <SettingsQrCode payload={sipAccountUri(settings)} label={`QR code with the SIP account ${settings.username} at ${server.host}, password included`} />
        <div className="space-y-3 text-sm text-gray-700">
          <p>Softphones that read a SIP account from a QR code can scan this instead. It holds the password too: don&apos;t share a picture of it.</p>
          <CopyAllButton text={settingsText(settings)} />
        </div>
      </div>
    </>
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
          <Settings settings={{ username: credentials.username, password: credentials.secret, server: credentials.server }} />
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
