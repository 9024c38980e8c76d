"use client";

import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from "react";
import { AlertIcon, CheckCircleIcon, XIcon } from "./icons";

export type ToastVariant = "success" | "error" | "info";
export type ToastInput = { title?: string; description: string; variant?: ToastVariant };
type ToastItem = ToastInput & { id: number };

const ToastContext = createContext<((toast: ToastInput) => void) | null>(null);
const DISMISS_AFTER_MS = 6000;

/** `const toast = useToast(); toast({ variant: "error", description: errorMessage(err) })` */
export function useToast() {
  const toast = useContext(ToastContext);
  if (!toast) throw new Error("useToast needs a <ToastProvider> above it");
  return toast;
}

export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<ToastItem[]>([]);
  const nextId = useRef(1);

  const dismiss = useCallback((id: number) => setToasts((all) => all.filter((t) => t.id !== id)), []);
  const toast = useCallback(
    (input: ToastInput) => {
      const id = nextId.current++;
      setToasts((all) => [...all.slice(-3), { ...input, id }]);
      setTimeout(() => dismiss(id), DISMISS_AFTER_MS);
    },
    [dismiss],
  );
  const value = useMemo(() => toast, [toast]);

  return (
    <ToastContext.Provider value={value}>
      {children}
      {/* Always mounted, so screen readers hear additions to the live region. */}
      <div aria-live="polite" className="pointer-events-none fixed inset-x-0 bottom-0 z-50 flex flex-col items-center gap-2 p-4 sm:items-end">
        {toasts.map((t) => (
          <ToastCard key={t.id} toast={t} onDismiss={() => dismiss(t.id)} />
        ))}
      </div>
    </ToastContext.Provider>
  );
}

function ToastCard({ toast, onDismiss }: { toast: ToastItem; onDismiss: () => void }) {
  const isError = toast.variant === "error";
  return (
    <div
      role={isError ? "alert" : "status"}
      className={`pointer-events-auto flex w-full max-w-sm items-start gap-3 rounded-lg border bg-white p-4 shadow-lg ${isError ? "border-red-200" : "border-gray-200"}`}
    >
      {isError ? (
        <AlertIcon className="size-5 shrink-0 text-red-600" />
      ) : (
        <CheckCircleIcon className={`size-5 shrink-0 ${toast.variant === "success" ? "text-green-600" : "text-indigo-600"}`} />
      )}
      <div className="min-w-0 flex-1 text-sm">
        {toast.title && <p className="font-semibold text-gray-900">{toast.title}</p>}
        <p className="break-words text-gray-700">{toast.description}</p>
      </div>
      <button
        type="button"
        onClick={onDismiss}
        aria-label="Dismiss"
        className="-m-1 rounded p-1 text-gray-500 hover:text-gray-900 focus-visible:outline-2 focus-visible:outline-indigo-600"
      >
        <XIcon className="size-4" />
      </button>
    </div>
  );
}
