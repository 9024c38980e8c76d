/**
 * What the portal needs from a DID vendor, whoever it is: search its stock, order one number
 * under our reference, ask how an order went (by its id, or by our reference when its answer
 * never reached us), and release a number. Adapters translate one vendor's API to this.
 */

export type SupplierOffer = {
  e164: string;
  /** The vendor's locality or region name, when it gives one. */
  area: string | null;
};

export type SupplierOrderStatus = "pending" | "success" | "failure";

export type SupplierOrder = {
  orderId: string;
  status: SupplierOrderStatus;
  /** Our reference as the vendor echoes it. */
  reference: string | null;
  numbers: { e164: string; status: SupplierOrderStatus }[];
};

export type SupplierSearch = { countryIso: string; areaCode?: string; contains?: string; limit: number };

export interface DidSupplierAdapter {
  search(query: SupplierSearch): Promise<SupplierOffer[]>;
  /** Places an order for one number; `reference` is ours, unique, and findable later. */
  order(e164: string, reference: string): Promise<SupplierOrder>;
  orderStatus(orderId: string): Promise<SupplierOrder>;
  /** The order placed under `reference`, or null when the vendor has none. */
  findOrderByReference(reference: string): Promise<SupplierOrder | null>;
  /** Gives the number back to the vendor. Releasing a number the vendor no longer has is done, not an error. */
  release(e164: string): Promise<void>;
}

/**
 * Why a vendor call failed, as far as we can know:
 * - `declined`: the vendor answered and refused (4xx, or an order that failed): nothing was ordered.
 * - `timeout` / `unavailable` (5xx, network): the vendor may or may not have acted.
 * - `auth`: our credentials were refused. `invalid_response`: an answer we cannot read.
 */
export type SupplierErrorKind = "declined" | "timeout" | "unavailable" | "auth" | "invalid_response";

export class SupplierError extends Error {
  constructor(
    readonly kind: SupplierErrorKind,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "SupplierError";
  }

  /** Whether the vendor might have carried out the request although we saw a failure. */
  get isAmbiguous(): boolean {
    return this.kind === "timeout" || this.kind === "unavailable" || this.kind === "invalid_response";
  }
}
