import Link from "next/link";
import type { ReactNode } from "react";
import { SectionTabs } from "@/components/ui/section-tabs";
import { PageHeader } from "@/components/ui/page-header";
import { requirePortalUser } from "../../portal-user";
import { loadExtensionForwarding } from "./load-extension";

/**
 * One extension's call handling, for the company's admins and for the extension's owner:
 * who may look is decided here (403 / 404) before anything streams. Its tabs are the pages
 * that configure the extension's calls.
 */
export default async function ExtensionLayout({ children, params }: { children: ReactNode; params: Promise<{ extensionId: string }> }) {
  const { extensionId } = await params;
  const user = await requirePortalUser(`/extensions/${extensionId}/forwarding`);
  const { extension } = await loadExtensionForwarding(extensionId);
  const base = `/extensions/${extension.id}`;
  const back = user.role === "CUSTOMER_ADMIN" ? { href: "/extensions", label: "All extensions" } : { href: "/", label: "Home" };
  return (
    <>
      <PageHeader
        title={`Extension ${extension.number} · ${extension.displayName}`}
        description="How calls to this extension are handled."
        back={
          <Link href={back.href} className="text-sm font-medium text-indigo-700 hover:text-indigo-900">
            ← {back.label}
          </Link>
        }
      />
      <SectionTabs
        label={`Extension ${extension.number}`}
        tabs={[
          { href: `${base}/forwarding`, label: "Forwarding" },
          { href: `${base}/rules`, label: "Rules" },
          { href: `${base}/recording`, label: "Recording" },
        ]}
      />
      {children}
    </>
  );
}
