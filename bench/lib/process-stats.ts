/**
 * Resident memory and CPU time of a process and everything it spawned, from /proc (Linux).
 * The web server runs as a child of its `tsx` launcher, so the launcher's pid alone would
 * measure a launcher: the whole tree is summed, and each process is listed.
 */
import { readdirSync, readFileSync } from "node:fs";

export type ProcessRss = { pid: number; name: string; rssMb: number };
export type TreeRss = { totalMb: number; processes: ProcessRss[] };

function readStatus(pid: number): Map<string, string> | null {
  try {
    const fields = new Map<string, string>();
    for (const line of readFileSync(`/proc/${pid}/status`, "utf8").split("\n")) {
      const colon = line.indexOf(":");
      if (colon > 0) fields.set(line.slice(0, colon), line.slice(colon + 1).trim());
    }
    return fields;
  } catch {
    return null; // the process ended between listing and reading
  }
}

/** Pids of `rootPid` and its descendants (none when it is gone). */
function treePids(rootPid: number): number[] {
  const children = childrenByParent();
  const pids: number[] = [];
  const pending = [rootPid];
  while (pending.length > 0) {
    const pid = pending.pop()!;
    pids.push(pid);
    pending.push(...(children.get(pid) ?? []));
  }
  return pids;
}

/** Children by parent pid, from one pass over /proc. */
function childrenByParent(): Map<number, number[]> {
  const map = new Map<number, number[]>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const ppid = Number(readStatus(Number(entry))?.get("PPid"));
    if (!ppid) continue;
    map.set(ppid, [...(map.get(ppid) ?? []), Number(entry)]);
  }
  return map;
}

/** RSS of `rootPid` and its descendants; an empty tree when /proc has no such process. */
export function treeRss(rootPid: number): TreeRss {
  const processes: ProcessRss[] = [];
  for (const pid of treePids(rootPid)) {
    const status = readStatus(pid);
    if (!status) continue;
    // VmRSS is "123456 kB"; kernel threads and zombies have none.
    const kb = Number(status.get("VmRSS")?.split(/\s+/)[0] ?? 0);
    processes.push({ pid, name: status.get("Name") ?? "?", rssMb: round(kb / 1024) });
  }
  return { totalMb: round(processes.reduce((sum, p) => sum + p.rssMb, 0)), processes };
}

/** User + system CPU seconds used so far by the tree (to tell a saturated server from a slow one). */
export function treeCpuSeconds(rootPid: number): number {
  let ticks = 0;
  for (const pid of treePids(rootPid)) {
    try {
      // Fields after the ")" that closes the command name: utime and stime are the 12th and 13th.
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // the process ended meanwhile
    }
  }
  return ticks / CLOCK_TICKS_PER_SEC;
}

// USER_HZ: 100 on every mainstream Linux build; Node has no sysconf to ask.
const CLOCK_TICKS_PER_SEC = 100;

const round = (n: number) => Number(n.toFixed(1));
