"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

export type SectionTab = { href: string; label: string };

/**
 * A section's pages as tabs: one link each, the current one marked for screen readers too.
 * The first tab is the section's root, current only on its own path; the others own their subpaths.
 * Without a root tab (`hasRootTab={false}`), every tab owns its subpaths.
 */
export function SectionTabs({ label, tabs, hasRootTab = true }: { label: string; tabs: readonly SectionTab[]; hasRootTab?: boolean }) {
  const pathname = usePathname();
  // hasRootTab false: every tab owns its subpaths (a section whose root is no page of its own).
  const root = hasRootTab ? tabs[0]?.href : undefined;
  const isCurrent = (href: string) => (href === root ? pathname === href : pathname === href || pathname.startsWith(`${href}/`));
  return (
    <nav aria-label={label} className="mb-6 overflow-x-auto border-b border-gray-200">
      <ul className="flex gap-1">
        {tabs.map((tab) => (
          <li key={tab.href}>
            <Link
              href={tab.href}
              aria-current={isCurrent(tab.href) ? "page" : undefined}
              className="-mb-px inline-block border-b-2 border-transparent px-3 py-2 text-sm font-medium whitespace-nowrap text-gray-600 hover:border-gray-300 hover:text-gray-900 focus-visible:outline-2 focus-visible:outline-indigo-600 aria-[current=page]:border-indigo-600 aria-[current=page]:text-indigo-700"
            >
              {tab.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
