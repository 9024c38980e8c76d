import Link from "next/link";
import type { ReactNode } from "react";
import { buttonClasses } from "@/components/ui/button";
import { LockIcon } from "@/components/ui/icons";

type AccessDeniedProps = { title?: string; children?: ReactNode; backHref?: string; backLabel?: string; isFullPage?: boolean };

/** Shown in place of a page the signed-in user may not use; says why and where to go instead. */
export function AccessDenied({
  title = "You don't have access",
  children = "Only your company's administrators can use this page.",
  backHref = "/",
  backLabel = "Back to home",
  isFullPage = false,
}: AccessDeniedProps) {
  return (
    <div className={`grid place-items-center px-4 ${isFullPage ? "min-h-dvh bg-gray-50" : "py-16"}`}>
      <div className="w-full max-w-md rounded-lg border border-gray-200 bg-white p-6 text-center shadow-sm">
        <div className="mx-auto mb-3 grid size-12 place-items-center rounded-full bg-amber-50 text-amber-700">
          <LockIcon className="size-6" />
        </div>
        <h1 className="text-lg font-semibold text-gray-900">{title}</h1>
        <div className="mt-2 text-sm text-gray-600">{children}</div>
        <Link href={backHref} className={buttonClasses({ variant: "secondary", className: "mt-5" })}>
          {backLabel}
        </Link>
      </div>
    </div>
  );
}
