import { SectionTabs } from "@/components/ui/section-tabs";

const TABS = [
  { href: "/numbers", label: "My numbers" },
  { href: "/numbers/buy", label: "Buy numbers" },
  { href: "/numbers/caller-id", label: "Caller ID" },
] as const;

/** The portal's Numbers section. */
export const NumbersTabs = () => <SectionTabs label="Numbers" tabs={TABS} />;
