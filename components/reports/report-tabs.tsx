import { SectionTabs } from "@/components/ui/section-tabs";

const TABS = [
  { href: "/reports", label: "Table" },
  { href: "/reports/chart", label: "Chart" },
] as const;

/** The call reports' two views; the wallboard is full screen, reached from the header. */
export const ReportTabs = () => <SectionTabs label="Call reports" tabs={TABS} />;
