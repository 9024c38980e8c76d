"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

const TABS = [
  { href: "/admin/numbers", label: "Inventory" },
  { href: "/admin/numbers/tiers", label: "Tiers" },
  { href: "/admin/numbers/prices", label: "Prices" },
  { href: "/admin/numbers/suppliers", label: "Suppliers" },
] as const;

/** The back office's Numbers section: one link per page, the current one marked for screen readers too. */
export function NumbersAdminTabs() {
  const pathname = usePathname();
  // Inventory is the section's root, so it is current only on its own path; the others own their subpaths.
  const isCurrent = (href: string) => (href === "/admin/numbers" ? pathname === href : pathname === href || pathname.startsWith(`${href}/`));
  return (
    <nav aria-label="Numbers" className="mb-6 overflow-x-auto border-b border-gray-200">
      <ul className="flex gap-1">
        {TABS.map((tab) => (
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
