// A child process started in its own process group, so that stopping it also stops anything it
// started, and so that a test run that dies does not leave it (a JVM, a broker) running behind.
import { spawn } from 'node:child_process'
import type { ChildProcess, SpawnOptions } from 'node:child_process'
import { readFileSync } from 'node:fs'

export interface ManagedProcess {
  readonly child: ChildProcess
  readonly pid: number
  /** Resolves with the exit code (or signal name) once the process has ended. */
  readonly exited: Promise<number | string>
  isRunning (): boolean
  /** SIGTERM to the group, then SIGKILL after graceMs. */
  stop (graceMs?: number): Promise<void>
  /** SIGKILL to the group at once: a crash, as far as the process can tell. */
  kill (): Promise<void>
  /** Peak resident set size so far (VmHWM), in bytes; undefined once the process has ended. */
  peakRssBytes (): number | undefined
}

const live = new Set<ManagedProcess>()
let exitHookInstalled = false

function installExitHook (): void {
  if (exitHookInstalled) return
  exitHookInstalled = true
  process.on('exit', () => {
    for (const managed of live) signalGroup(managed.pid, 'SIGKILL')
  })
}

function signalGroup (pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal)
  } catch {
    try { process.kill(pid, signal) } catch { /* already gone */ }
  }
}

export function startManagedProcess (command: string, args: string[], options: SpawnOptions = {}): ManagedProcess {
  installExitHook()
  const child = spawn(command, args, { ...options, detached: true })
  if (child.pid === undefined) throw new Error(`could not start ${command}`)
  const pid = child.pid
  let running = true
  const exited = new Promise<number | string>((resolve) => {
    child.on('exit', (code, signal) => {
      running = false
      live.delete(managed)
      resolve(code ?? signal ?? 'unknown')
    })
    child.on('error', () => {
      running = false
      live.delete(managed)
      resolve('spawn-error')
    })
  })
  const managed: ManagedProcess = {
    child,
    pid,
    exited,
    isRunning: () => running,
    async stop (graceMs = 15_000) {
      if (!running) return
      signalGroup(pid, 'SIGTERM')
      const timer = setTimeout(() => signalGroup(pid, 'SIGKILL'), graceMs)
      await exited
      clearTimeout(timer)
      // Whatever the leader left behind in its group goes too.
      signalGroup(pid, 'SIGKILL')
    },
    async kill () {
      if (!running) return
      signalGroup(pid, 'SIGKILL')
      await exited
    },
    peakRssBytes: () => peakRssBytes(pid),
  }
  live.add(managed)
  return managed
}

export function peakRssBytes (pid: number): number | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8')
    const match = /^VmHWM:\s+(\d+)\s+kB/m.exec(status)
    return match === null ? undefined : Number(match[1]) * 1024
  } catch {
    return undefined
  }
}
