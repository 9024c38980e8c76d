"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

const TABS = [
  { href: "/numbers", label: "My numbers" },
  { href: "/numbers/buy", label: "Buy numbers" },
  { href: "/numbers/caller-id", label: "Caller ID" },
] as const;

/** The Numbers section's pages; the current one is marked for screen readers too. */
export function NumbersTabs() {
  const pathname = usePathname();
  return (
    <nav aria-label="Numbers" className="mb-6 flex gap-4 border-b border-gray-200">
      {TABS.map((tab) => {
        const isCurrent = pathname === tab.href;
        return (
          <Link
            key={tab.href}
            href={tab.href}
            aria-current={isCurrent ? "page" : undefined}
            className={`-mb-px border-b-2 px-1 pb-2 text-sm font-medium ${isCurrent ? "border-blue-600 text-blue-700" : "border-transparent text-gray-600 hover:text-gray-900"}`}
          >
            {tab.label}
          </Link>
        );
      })}
    </nav>
  );
}
