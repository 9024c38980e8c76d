import type { SpeedDial, TenantDialPlanInput } from "./types";

/** The shape the database's CHECK also enforces: an optional "*" and 1-4 digits. */
export const SPEED_DIAL_CODE = /^\*?[0-9]{1,4}$/;

type Taken = { isInternalNumber: (n: string) => boolean; emergencyNumbers: ReadonlySet<string> };

/**
 * Indexes the company's speed dials by code. Never throws: a code that is malformed, an
 * emergency number, or already an extension, hunt group or queue number is left out (those
 * win, and the portal refuses them on write, so this only meets rows older than a new
 * extension), and so is a speed dial whose target is another code, since one lookup must
 * end in a real number and never loop.
 */
export function compileSpeedDials(raw: TenantDialPlanInput, taken: Taken, warnings: string[]): ReadonlyMap<string, SpeedDial> {
  const byCode = new Map<string, SpeedDial>();
  const entries = raw.speedDials ?? [];
  const codes = new Set(entries.map((s) => s.code.trim()));
  for (const entry of entries) {
    const code = entry.code.trim();
    const number = entry.number.trim();
    const problem =
      !SPEED_DIAL_CODE.test(code) ? "is not a short code"
      : taken.emergencyNumbers.has(code) ? "is an emergency number"
      : taken.isInternalNumber(code) ? "is an extension, hunt group or queue number, which wins"
      : byCode.has(code) ? "is listed twice; the first wins"
      : codes.has(number) ? `dials another speed dial (${number}), which is not followed`
      : number === "" ? "dials nothing"
      : null;
    if (problem) warnings.push(`speed dial "${code}" (${entry.label}) ${problem}; ignored`);
    else byCode.set(code, { code, number, label: entry.label });
  }
  return byCode;
}
