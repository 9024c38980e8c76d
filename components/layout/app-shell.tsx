"use client";

import { useEffect, useRef, useState, type ReactNode } from "react";
import { MenuIcon, PhoneIcon, XIcon } from "@/components/ui/icons";
import { SidebarNav } from "./sidebar-nav";
import type { NavItem } from "./nav-items";
import { UserMenu, type ShellUser } from "./user-menu";

type AppShellProps = {
  /** "Customer portal" or "Back office": names the nav landmark and the sidebar. */
  areaLabel: string;
  /** The organisation shown in the header: the company, or the partner. */
  organisation: string;
  nav: readonly NavItem[];
  user: ShellUser;
  children: ReactNode;
};

/**
 * Sidebar + header frame. On large screens the sidebar is always shown; below that it is a
 * drawer opened by the menu button, closed by Escape, the backdrop, or following a link.
 */
export function AppShell({ areaLabel, organisation, nav, user, children }: AppShellProps) {
  const [isMenuOpen, setMenuOpen] = useState(false);
  const menuButton = useRef<HTMLButtonElement>(null);
  const drawer = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!isMenuOpen) return;
    drawer.current?.querySelector<HTMLElement>("a, button")?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== "Escape") return;
      setMenuOpen(false);
      menuButton.current?.focus();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [isMenuOpen]);

  const brand = (
    <div className="flex h-16 items-center gap-2 px-5">
      <span className="grid size-8 place-items-center rounded-md bg-indigo-600 text-white">
        <PhoneIcon className="size-4" />
      </span>
      <div className="leading-tight">
        <p className="text-sm font-semibold text-gray-900">Centrex</p>
        <p className="text-xs text-gray-600">{areaLabel}</p>
      </div>
    </div>
  );

  return (
    <div className="min-h-dvh bg-gray-50">
      <a href="#main" className="sr-only z-50 rounded-md bg-white px-3 py-2 text-sm font-medium text-indigo-700 focus:not-sr-only focus:fixed focus:top-2 focus:left-2">
        Skip to content
      </a>

      <aside className="fixed inset-y-0 left-0 hidden w-64 flex-col border-r border-gray-200 bg-white lg:flex">
        <div className="border-b border-gray-200">{brand}</div>
        <SidebarNav items={nav} label={areaLabel} />
      </aside>

      {isMenuOpen && (
        <div className="fixed inset-0 z-40 lg:hidden">
          <div className="absolute inset-0 bg-gray-950/50" aria-hidden="true" onClick={() => setMenuOpen(false)} />
          <div ref={drawer} id="mobile-nav" role="dialog" aria-modal="true" aria-label="Menu" className="absolute inset-y-0 left-0 flex w-72 max-w-[85%] flex-col bg-white shadow-xl">
            <div className="flex items-center justify-between border-b border-gray-200 pr-3">
              {brand}
              <button
                type="button"
                onClick={() => setMenuOpen(false)}
                aria-label="Close menu"
                className="rounded-md p-2 text-gray-600 hover:bg-gray-100 focus-visible:outline-2 focus-visible:outline-indigo-600"
              >
                <XIcon />
              </button>
            </div>
            <SidebarNav items={nav} label={areaLabel} onNavigate={() => setMenuOpen(false)} />
          </div>
        </div>
      )}

      {/* While the drawer is open the rest of the page is inert, so focus stays in the menu. */}
      <div className="lg:pl-64" inert={isMenuOpen}>
        <header className="sticky top-0 z-30 flex h-16 items-center gap-3 border-b border-gray-200 bg-white/95 px-4 backdrop-blur sm:px-6">
          <button
            ref={menuButton}
            type="button"
            onClick={() => setMenuOpen(true)}
            aria-label="Open menu"
            aria-expanded={isMenuOpen}
            aria-controls="mobile-nav"
            className="-ml-1 rounded-md p-2 text-gray-700 hover:bg-gray-100 focus-visible:outline-2 focus-visible:outline-indigo-600 lg:hidden"
          >
            <MenuIcon />
          </button>
          <p className="min-w-0 flex-1 truncate text-sm font-semibold text-gray-900 sm:text-base">{organisation}</p>
          <UserMenu user={user} />
        </header>
        <main id="main" tabIndex={-1} className="mx-auto w-full max-w-6xl px-4 py-6 outline-none sm:px-6 lg:px-8 lg:py-8">
          {children}
        </main>
      </div>
    </div>
  );
}
