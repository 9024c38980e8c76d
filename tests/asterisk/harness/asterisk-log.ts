/**
 * Test support for the Asterisk lane: reading messages.log. Lines look like
 * `[2026-12-01 23:34:34.123] ERROR[31211] res_pjsip.c: ...`; a minimal configuration makes
 * many modules complain that their optional .conf file is missing, which says nothing about
 * the files the project ships, so `problems()` leaves those out.
 */
const LEVEL = /\] (ERROR|WARNING)\[\d+\]/;

/** Complaints about config files the project deliberately does not ship, and their fallout. */
const ABSENT_OPTIONAL_CONFIG = [
  /Unable to load config(uration)? file/i,
  /Unable to load config /,
  /Unable to load config\. Not loading module/,
  /No music on hold classes configured/,
  /Missing config file/,
  /configuration file .* not found/,
  /No such configuration file/,
  /Failed to load configuration file/,
  /Could not find valid ccss\.conf/,
  /Can't find indications config file/,
  /unable to load config: /,
  /Unable to load config for PostgreSQL (CDR|CEL)/,
  /Unable to load .*\.conf\. Not logging/,
  /Configuration file \S+ missing/,
  /No follow me config file/,
  /declined to load\.$/,
  /Declined modules which depend on/,
  /Some non-required modules failed to load/,
  /has been loaded but may be removed in a future release/,
];

export function errorAndWarningLines(log: string): string[] {
  return log.split("\n").filter((line) => LEVEL.test(line));
}

/** ERROR / WARNING lines that are not about an absent optional config file. */
export function problems(log: string, about?: RegExp): string[] {
  return errorAndWarningLines(log).filter((line) => !ABSENT_OPTIONAL_CONFIG.some((re) => re.test(line)) && (!about || about.test(line)));
}

/** `Executing [exten@context:priority] App("channel", "args")` lines (verbose 3). */
export function executedApps(log: string, app: string): string[] {
  return log.split("\n").filter((line) => line.includes("Executing [") && line.includes(`] ${app}(`));
}
