import Link from "next/link";
import type { ReactNode } from "react";
import { Skeleton } from "@/components/ui/skeleton";
import { ChevronRightIcon } from "@/components/ui/icons";

type HomeCardProps = {
  title: string;
  icon: ReactNode;
  /** The page the figure belongs to, and what its link says; none while the figure has no page. */
  href?: string;
  linkLabel?: string;
  isLoading?: boolean;
  tone?: "normal" | "warning";
  testId?: string;
  children: ReactNode;
};

/** One figure of the home page: what it is, the number, a line of detail, and where to act on it. */
export function HomeCard({ title, icon, href, linkLabel, isLoading = false, tone = "normal", testId, children }: HomeCardProps) {
  const ring = tone === "warning" ? "border-amber-300 bg-amber-50" : "border-gray-200 bg-white";
  return (
    <section aria-labelledby={`${testId ?? title}-title`} data-testid={testId} className={`flex flex-col rounded-lg border p-5 shadow-sm ${ring}`}>
      <div className="flex items-center gap-3">
        <span className="grid size-9 shrink-0 place-items-center rounded-lg bg-indigo-50 text-indigo-700" aria-hidden="true">
          {icon}
        </span>
        <h2 id={`${testId ?? title}-title`} className="text-sm font-medium text-gray-700">
          {title}
        </h2>
      </div>
      <div className="mt-3 flex-1" aria-busy={isLoading}>
        {isLoading ? (
          <div className="space-y-2" role="status" aria-label={`Loading ${title.toLowerCase()}`}>
            <Skeleton className="h-7 w-24" />
            <Skeleton className="h-4 w-40" />
          </div>
        ) : (
          children
        )}
      </div>
      {href && (
      <Link
        href={href}
        className="mt-4 inline-flex items-center gap-1 self-start rounded text-sm font-medium text-indigo-700 hover:text-indigo-900 hover:underline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600"
      >
        {linkLabel} <ChevronRightIcon className="size-4" aria-hidden="true" />
      </Link>
      )}
    </section>
  );
}

/** The big number of a card, with its unit in words. */
export function Figure({ value, testId, children }: { value: ReactNode; testId?: string; children?: ReactNode }) {
  return (
    <p className="text-gray-900">
      <span className="text-2xl font-semibold tabular-nums" data-testid={testId}>
        {value}
      </span>
      {children && <span className="ml-1.5 text-sm text-gray-600">{children}</span>}
    </p>
  );
}
