import { SectionTabs } from "@/components/ui/section-tabs";

const TABS = [
  { href: "/routing/hunt-groups", label: "Hunt groups" },
  { href: "/routing/ivr", label: "IVR menus" },
  { href: "/routing/queues", label: "Call queues" },
  { href: "/routing/holidays", label: "Holidays" },
] as const;

/** The portal's Call routing section; /routing itself is no page, so each tab owns its subpaths. */
export const RoutingTabs = () => <SectionTabs label="Call routing" tabs={TABS} hasRootTab={false} />;
