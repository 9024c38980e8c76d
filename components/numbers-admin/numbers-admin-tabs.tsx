import { SectionTabs } from "@/components/ui/section-tabs";

const TABS = [
  { href: "/admin/numbers", label: "Inventory" },
  { href: "/admin/numbers/tiers", label: "Tiers" },
  { href: "/admin/numbers/prices", label: "Prices" },
  { href: "/admin/numbers/suppliers", label: "Suppliers" },
] as const;

/** The back office's Numbers section. */
export const NumbersAdminTabs = () => <SectionTabs label="Numbers" tabs={TABS} />;
