"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import type { ComponentType, SVGProps } from "react";
import { ActivityIcon, BuildingIcon, ChartIcon, HashIcon, HomeIcon, LayersIcon, ListIcon, MessageIcon, PhoneIcon, RouteIcon, ShieldIcon, SignalIcon, TagIcon, UserCircleIcon, UsersIcon, WalletIcon } from "@/components/ui/icons";
import { isNavItemActive, type NavIconName, type NavItem } from "./nav-items";

const ICONS: Record<NavIconName, ComponentType<SVGProps<SVGSVGElement>>> = {
  home: HomeIcon,
  users: UsersIcon,
  activity: ActivityIcon,
  account: UserCircleIcon,
  customers: BuildingIcon,
  partners: ShieldIcon,
  audit: ListIcon,
  tariffs: TagIcon,
  extensions: PhoneIcon,
  live: SignalIcon,
  billing: WalletIcon,
  plans: LayersIcon,
  numbers: HashIcon,
  messages: MessageIcon,
  routing: RouteIcon,
  reports: ChartIcon,
};

type SidebarNavProps = { items: readonly NavItem[]; label: string; onNavigate?: () => void };

export function SidebarNav({ items, label, onNavigate }: SidebarNavProps) {
  const pathname = usePathname();
  return (
    <nav aria-label={label} className="flex-1 px-3 py-4">
      <ul className="space-y-1">
        {items.map((item) => {
          const Icon = ICONS[item.icon];
          const isActive = isNavItemActive(item, pathname);
          return (
            <li key={item.href}>
              <Link
                href={item.href}
                onClick={onNavigate}
                aria-current={isActive ? "page" : undefined}
                className={`flex items-center gap-3 rounded-md px-3 py-2 text-sm font-medium transition-colors focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-400 ${
                  isActive ? "bg-indigo-50 text-indigo-800" : "text-gray-700 hover:bg-gray-100 hover:text-gray-900"
                }`}
              >
                <Icon className={`size-5 shrink-0 ${isActive ? "text-indigo-700" : "text-gray-500"}`} />
                {item.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
