/**
 * When the home page warns about money: below zero, or not enough for the next monthly charge
 * in the balance's currency (the charge a customer cannot postpone). Exact decimal strings in,
 * compared without floats.
 */
export function balanceWarning(balance: string, nextCharge: string): "overdrawn" | "low" | null {
  if (compareDecimal(balance, "0") < 0) return "overdrawn";
  if (compareDecimal(nextCharge, "0") > 0 && compareDecimal(balance, nextCharge) < 0) return "low";
  return null;
}

/** -1, 0 or 1 for two decimal strings such as "-9.98" and "12.5". */
export function compareDecimal(a: string, b: string): number {
  const [signA, intA, fracA] = parts(a);
  const [signB, intB, fracB] = parts(b);
  if (signA !== signB) return signA < signB ? -1 : 1;
  const width = Math.max(fracA.length, fracB.length);
  const x = BigInt(intA + fracA.padEnd(width, "0"));
  const y = BigInt(intB + fracB.padEnd(width, "0"));
  const magnitude = x === y ? 0 : x < y ? -1 : 1;
  return signA * magnitude;
}

function parts(value: string): [1 | -1, string, string] {
  const trimmed = value.trim();
  const negative = trimmed.startsWith("-");
  const [int = "0", frac = ""] = trimmed.replace(/^[-+]/, "").split(".");
  const isZero = /^0*$/.test(int) && /^0*$/.test(frac);
  return [negative && !isZero ? -1 : 1, int || "0", frac];
}
