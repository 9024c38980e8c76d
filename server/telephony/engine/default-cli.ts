/**
 * The number an extension without its own outbound CLI presents: the company's lowest number.
 * One definition for the dial plan (which places the call) and the portal (which says what the
 * call will show). Browser-safe.
 */
export function companyDefaultCli(didNumbers: readonly string[]): string | null {
  return [...didNumbers].sort()[0] ?? null;
}
