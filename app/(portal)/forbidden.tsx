import { AccessDenied } from "@/components/layout/access-denied";

/** 403 inside the portal's shell: an extension user on an administrators' page. */
export default function PortalForbidden() {
  return <AccessDenied />;
}
