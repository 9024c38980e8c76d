/**
 * From a stored supplier row to a working adapter. The key is opened here, in memory, for the
 * call and never returned anywhere else. Web (search, buy, cancel) and worker (reconciler)
 * both come through this one function.
 */
import { integrationsEnv } from "../../../integrations/env";
import { open } from "../../../integrations/secret-box";
import { telnyxAdapter } from "../../../integrations/did-supplier/telnyx";
import type { DidSupplierAdapter } from "../../../integrations/did-supplier/types";

export type SupplierRow = { id: string; kind: "TELNYX"; baseUrl: string; apiKeySealed: string; name: string };

/** Vendors answer in well under a second; ten seconds (the default) is a vendor that is not answering. */
const timeoutMs = () => integrationsEnv().DID_SUPPLIER_TIMEOUT_MS;

export function adapterFor(supplier: SupplierRow): DidSupplierAdapter {
  switch (supplier.kind) {
    case "TELNYX":
      return telnyxAdapter({ baseUrl: supplier.baseUrl, apiKey: open(supplier.apiKeySealed), timeoutMs: timeoutMs() });
  }
}

export const SUPPLIER_SELECT = { id: true, kind: true, baseUrl: true, apiKeySealed: true, name: true } as const;
