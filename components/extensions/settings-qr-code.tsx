"use client";

import QRCode from "qrcode";
import { useEffect, useState } from "react";

/**
 * `payload` as a QR code image, drawn in the browser so the secret never leaves it again.
 * Error correction M survives a phone camera at an angle and still fits a 32-character secret
 * in a small code; the 4-module quiet zone is what scanners expect.
 */
export function SettingsQrCode({ payload, label }: { payload: string; label: string }) {
  const [src, setSrc] = useState<string | null>(null);
  const [hasFailed, setFailed] = useState(false);
  useEffect(() => {
    let isCurrent = true;
    QRCode.toDataURL(payload, { errorCorrectionLevel: "M", margin: 4, width: 176, color: { dark: "#111827", light: "#ffffff" } }).then(
      (url) => isCurrent && setSrc(url),
      () => isCurrent && setFailed(true),
    );
    return () => {
      isCurrent = false;
    };
  }, [payload]);

  if (hasFailed) return <p className="text-sm text-gray-600">The QR code could not be drawn; enter the settings by hand.</p>;
  // A fixed box while it renders, so the dialog does not jump.
  if (!src) return <div className="size-44 shrink-0 rounded-md bg-gray-100" aria-hidden="true" />;
  // eslint-disable-next-line @next/next/no-img-element -- a data URL: next/image would only wrap it
  return <img src={src} alt={label} width={176} height={176} data-testid="credential-qr" className="size-44 shrink-0 rounded-md ring-1 ring-gray-200" />;
}
