import { AccessDenied } from "@/components/layout/access-denied";

/** 403 inside the back office's shell: partner pages for partner admins, platform pages for the platform admin. */
export default function BackOfficeForbidden() {
  return (
    <AccessDenied title="Access refused" backHref="/admin" backLabel="Back to the back office">
      This page is for another kind of back-office account: a partner&apos;s customers, tariffs and plans are its administrators&apos;; refused payments across partners are the platform&apos;s.
    </AccessDenied>
  );
}
