// Samples a process tree (a worker and anything it started) from /proc: the sum of VmRSS at each
// tick (its maximum is the sampled peak), each process's VmHWM (the kernel's own peak, which a
// sampling interval cannot miss), CPU time and the threads' run-queue wait (CPU starvation on a
// shared machine). Processes and threads that end keep their last reading.
import { readdirSync, readFileSync } from 'node:fs'
import { execFileSync } from 'node:child_process'

export interface ProcessTreeUsage {
  /** Largest sum of VmRSS over the tree seen at one sample. */
  sampledPeakRssBytes: number
  /** Sum over the tree of each process's VmHWM (an upper bound of the tree's true peak). */
  hwmRssBytes: number
  /** user + system CPU time of the tree. */
  cpuMs: number
  /** Time the tree's threads were runnable but waiting for a CPU (schedstat): how starved it was. */
  runQueueWaitMs: number
  processes: number
}

interface ProcessReading { hwm: number, rss: number, cpuTicks: number }

const clockTicks = ((): number => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100
  } catch {
    return 100
  }
})()

function readProc (pid: number, file: string): string | undefined {
  try {
    return readFileSync(`/proc/${pid}/${file}`, 'utf8')
  } catch {
    return undefined
  }
}

/** Fields after the command name (which may contain spaces and parentheses). */
function statFields (pid: number): string[] | undefined {
  const stat = readProc(pid, 'stat')
  if (stat === undefined) return undefined
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ')
}

function descendants (root: number): number[] {
  const children = new Map<number, number[]>()
  for (const name of readdirSync('/proc')) {
    const pid = Number(name)
    if (!Number.isInteger(pid)) continue
    const fields = statFields(pid)
    if (fields === undefined) continue
    const ppid = Number(fields[1])
    const list = children.get(ppid) ?? []
    list.push(pid)
    children.set(ppid, list)
  }
  const out: number[] = []
  const queue = [root]
  while (queue.length > 0) {
    const pid = queue.shift()!
    out.push(pid)
    queue.push(...(children.get(pid) ?? []))
  }
  return out
}

function reading (pid: number): ProcessReading | undefined {
  const status = readProc(pid, 'status')
  const fields = statFields(pid)
  if (status === undefined || fields === undefined) return undefined
  const kb = (key: string): number => Number(new RegExp(`^${key}:\\s+(\\d+)\\s+kB`, 'm').exec(status)?.[1] ?? 0) * 1024
  // stat fields 14 and 15 (utime, stime) are at 11 and 12 once pid and comm are cut off.
  return { hwm: kb('VmHWM'), rss: kb('VmRSS'), cpuTicks: Number(fields[11]) + Number(fields[12]) }
}

/** Run-queue wait (ns) of every thread of pid, from /proc/<pid>/task/<tid>/schedstat's second field. */
function threadWaits (pid: number, into: Map<number, number>): void {
  let tids: string[]
  try {
    tids = readdirSync(`/proc/${pid}/task`)
  } catch {
    return
  }
  for (const tid of tids) {
    const schedstat = readProc(pid, `task/${tid}/schedstat`)
    if (schedstat !== undefined) into.set(Number(tid), Number(schedstat.split(' ')[1]))
  }
}

export class ProcessTreeSampler {
  readonly #root: number
  readonly #last = new Map<number, ProcessReading>()
  readonly #waitNs = new Map<number, number>()
  #sampledPeak = 0
  #timer: NodeJS.Timeout | undefined

  constructor (root: number) {
    this.#root = root
  }

  /** Samples now and then every intervalMs until stop(). */
  start (intervalMs: number): void {
    this.sample()
    this.#timer = setInterval(() => this.sample(), intervalMs)
  }

  sample (): void {
    let rss = 0
    // Only the root's own tree: a pid is recorded once seen, so an exited child keeps its numbers.
    for (const pid of descendants(this.#root)) {
      const now = reading(pid)
      if (now === undefined) continue
      this.#last.set(pid, now)
      threadWaits(pid, this.#waitNs)
      rss += now.rss
    }
    this.#sampledPeak = Math.max(this.#sampledPeak, rss)
  }

  /** Takes a last sample (call it while the tree is still running) and stops sampling. */
  stop (): ProcessTreeUsage {
    this.sample()
    clearInterval(this.#timer)
    return this.usage()
  }

  usage (): ProcessTreeUsage {
    let hwm = 0
    let ticks = 0
    for (const r of this.#last.values()) {
      hwm += r.hwm
      ticks += r.cpuTicks
    }
    let waitNs = 0
    for (const ns of this.#waitNs.values()) waitNs += ns
    return { sampledPeakRssBytes: this.#sampledPeak, hwmRssBytes: hwm, cpuMs: ticks * 1000 / clockTicks, runQueueWaitMs: waitNs / 1e6, processes: this.#last.size }
  }
}
