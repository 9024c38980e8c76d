import type { Role } from "@/server/generated/prisma/enums";

/** Icons are named, not passed as components, so the list can cross the server/client boundary. */
export type NavIconName = "home" | "users" | "activity" | "account" | "customers" | "partners" | "audit" | "tariffs" | "extensions" | "live" | "billing" | "plans" | "numbers" | "messages" | "routing" | "reports";

export type NavItem = {
  href: string;
  label: string;
  icon: NavIconName;
  /** Other paths under which this item counts as the current page. */
  activePrefixes?: string[];
};

/** Only modules that exist; admins-only items are hidden from extension users. */
export function portalNav(role: Role): NavItem[] {
  const isAdmin = role === "CUSTOMER_ADMIN";
  return [
    { href: "/", label: "Home", icon: "home" },
    ...(isAdmin
      ? ([
          { href: "/extensions", label: "Extensions", icon: "extensions" },
          { href: "/numbers", label: "Numbers", icon: "numbers", activePrefixes: ["/numbers"] },
          { href: "/routing/hunt-groups", label: "Call routing", icon: "routing", activePrefixes: ["/routing"] },
          { href: "/prompts", label: "Voice prompts", icon: "messages" },
          { href: "/callbacks/widgets", label: "Callback widgets", icon: "messages", activePrefixes: ["/callbacks/widgets"] },
          { href: "/callbacks/api-keys", label: "API keys", icon: "account", activePrefixes: ["/callbacks/api-keys"] },
          { href: "/users", label: "Users", icon: "users" },
          { href: "/billing", label: "Billing", icon: "billing", activePrefixes: ["/billing"] },
          { href: "/activity", label: "Activity", icon: "activity" },
        ] satisfies NavItem[])
      : []),
    // Everyone: extension users see their own extension's lamp, admins the whole company.
    { href: "/extensions/summary", label: "Live status", icon: "live", activePrefixes: ["/extensions/wallboard"] },
    // Everyone: extension users see their own extensions' calls and their own contacts too.
    { href: "/calls", label: "Recent calls", icon: "extensions", activePrefixes: ["/calls"] },
    { href: "/phone-book", label: "Phone book", icon: "users" },
    // Everyone: extension users follow their own click-to-calls, admins the company's and the refusals.
    { href: "/callbacks", label: "Web callback", icon: "live", activePrefixes: ["/callbacks/refusals"] },
    // Everyone: extension users hear their own extensions' recordings, admins the company's.
    { href: "/recordings", label: "Recordings", icon: "activity" },
    // Everyone: extension users report on their own line, admins on the company.
    { href: "/reports", label: "Call reports", icon: "reports", activePrefixes: ["/reports"] },
    { href: "/account", label: "My account", icon: "account" },
  ];
}

export function adminNav(role: Role): NavItem[] {
  const home: NavItem =
    role === "PLATFORM_ADMIN"
      ? { href: "/admin", label: "Partners", icon: "partners" }
      : { href: "/admin", label: "Customers", icon: "customers", activePrefixes: ["/admin/customers"] };
  return [
    home,
    // Tariffs belong to a partner; the platform admin has none of its own.
    ...(role === "PARTNER_ADMIN"
      ? ([
          { href: "/admin/tariffs", label: "Tariffs", icon: "tariffs", activePrefixes: ["/admin/tariffs"] },
          { href: "/admin/plans", label: "Account plans", icon: "plans", activePrefixes: ["/admin/plans"] },
          { href: "/admin/numbers", label: "Numbers", icon: "numbers", activePrefixes: ["/admin/numbers"] },
          { href: "/admin/messages", label: "Text messages", icon: "messages", activePrefixes: ["/admin/messages"] },
          { href: "/admin/callbacks", label: "Web callback", icon: "live" },
        ] satisfies NavItem[])
      : []),
    // Payments no partner can be sure of (sessions we never created) are the platform's to look at.
    ...(role === "PLATFORM_ADMIN" ? ([{ href: "/admin/payments", label: "Refused payments", icon: "billing" }] satisfies NavItem[]) : []),
    { href: "/admin/audit", label: "Audit log", icon: "audit" },
    { href: "/admin/account", label: "My account", icon: "account" },
  ];
}

export function isNavItemActive(item: NavItem, pathname: string) {
  if (pathname === item.href) return true;
  return (item.activePrefixes ?? []).some((prefix) => pathname === prefix || pathname.startsWith(`${prefix}/`));
}
