// One measured W5 run of one worker: fresh topic, fresh offsets and sink file, worker started as
// its own process; the clock runs from spawn until the sink file holds every byte of the input.
// Cold start = spawn → first byte in the sink. The sink is then compared with the input.
import { closeSync, openSync, statSync } from 'node:fs'
import { mkdir, readdir, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { freePort, startManagedProcess } from '@tributary/testkit'
import type { BenchBroker } from './connect-bench-broker.ts'
import type { InputFile } from './connect-input-file.ts'
import { sha256File } from './connect-input-file.ts'
import { ProcessTreeSampler } from './connect-process-sampler.ts'
import { launchCommand, writeWorkerFiles } from './connect-worker-launchers.ts'
import type { ConverterKind, WorkerKind } from './connect-worker-launchers.ts'

export interface RunSpec {
  worker: WorkerKind
  broker: BenchBroker
  input: InputFile
  inputSha256: string
  dir: string
  converter: ConverterKind
  batchSize: number
  offsetFlushMs: number
  timeoutMs: number
  javaHeap?: string[]
  nodeOptions: string[]
  cpuProf: boolean
  label: string
}

export interface RunResult {
  worker: WorkerKind
  label: string
  ok: boolean
  error?: string
  command: string
  /** spawn → GET / answers 200. */
  restReadyMs?: number
  /** spawn → first byte in the sink file. */
  coldStartMs?: number
  /** spawn → every byte in the sink file. */
  totalMs?: number
  /** input lines / totalMs. */
  recordsPerSec?: number
  /** lines / (last byte − first byte): the steady copy rate without start-up. */
  steadyRecordsPerSec?: number
  peakRssBytes: number
  sampledPeakRssBytes: number
  cpuMs: number
  /** Threads runnable but waiting for a CPU, summed: high means the machine, not the worker, set the pace. */
  runQueueWaitMs: number
  sinkBytes: number
  verified: boolean
  cpuProfiles: string[]
  logFile: string
}

const POLL_MS = 10
// Each sample reads /proc/*/stat (~4 ms with ~120 processes); VmHWM catches peaks between samples.
const RSS_SAMPLE_MS = 250

function fileSize (path: string): number {
  try {
    return statSync(path).size
  } catch {
    return 0
  }
}

async function restReady (url: string, started: number, isDone: () => boolean): Promise<number | undefined> {
  while (!isDone()) {
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(1000) })
      await response.arrayBuffer()
      if (response.ok) return performance.now() - started
    } catch { /* not listening yet */ }
    await sleep(50)
  }
  return undefined
}

interface StatusBody { [name: string]: { status?: { connector: { state: string, trace?: string }, tasks: Array<{ id: number, state: string, trace?: string }> } } }

/** A connector or task that FAILED ends the run at once (the worker process itself stays up). */
async function failedConnector (url: string): Promise<string | undefined> {
  try {
    const response = await fetch(`${url}/connectors?expand=status`, { signal: AbortSignal.timeout(2000) })
    if (!response.ok) { await response.arrayBuffer(); return undefined }
    const body = await response.json() as StatusBody
    for (const [name, { status }] of Object.entries(body)) {
      if (status === undefined) continue
      const failed = [{ what: name, ...status.connector }, ...status.tasks.map((t) => ({ what: `${name} task ${t.id}`, ...t }))].find((s) => s.state === 'FAILED')
      if (failed !== undefined) return `${failed.what} FAILED: ${(failed.trace ?? '').split('\n').slice(0, 3).join(' ').slice(0, 400)}`
    }
  } catch { /* not listening (yet) */ }
  return undefined
}

export async function runOnce (spec: RunSpec): Promise<RunResult> {
  await mkdir(spec.dir, { recursive: true })
  const topic = `w5-${spec.label}`
  const sinkFile = join(spec.dir, 'sink.jsonl')
  const restPort = await freePort()
  const files = await writeWorkerFiles({
    dir: spec.dir,
    bootstrap: spec.broker.bootstrap,
    restPort,
    converter: spec.converter,
    offsetFlushMs: spec.offsetFlushMs,
    inputFile: spec.input.path,
    sinkFile,
    topic,
    batchSize: spec.batchSize,
    nameSuffix: spec.label,
  })
  const cpuProfDir = spec.cpuProf && spec.worker === 'tributary' ? join(spec.dir, 'cpu-prof') : undefined
  const launch = await launchCommand(spec.worker, { dir: spec.dir, files, javaHeap: spec.javaHeap, cpuProfDir, nodeOptions: spec.nodeOptions })
  await spec.broker.createTopic(topic)

  const logFile = join(spec.dir, 'worker.log')
  const log = openSync(logFile, 'w')
  const started = performance.now()
  const proc = startManagedProcess(launch.command, launch.args, { stdio: ['ignore', log, log], env: launch.env })
  closeSync(log)
  const sampler = new ProcessTreeSampler(proc.pid)
  sampler.start(RSS_SAMPLE_MS)
  let done = false
  const ready = restReady(`http://127.0.0.1:${restPort}/`, started, () => done || !proc.isRunning())

  let firstAt: number | undefined
  let lastAt: number | undefined
  let error: string | undefined
  let size = 0
  let failure: string | undefined
  const failureWatch = setInterval(() => {
    void failedConnector(`http://127.0.0.1:${restPort}`).then((f) => { failure ??= f })
  }, 1000)
  while (true) {
    size = fileSize(sinkFile)
    const now = performance.now()
    if (firstAt === undefined && size > 0) firstAt = now
    if (size >= spec.input.bytes) {
      lastAt = now
      break
    }
    if (failure !== undefined) {
      error = `${failure} (after ${size} of ${spec.input.bytes} bytes; see ${logFile})`
      break
    }
    if (!proc.isRunning()) {
      error = `worker exited (${await proc.exited}) after ${size} of ${spec.input.bytes} bytes; see ${logFile}`
      break
    }
    if (now - started > spec.timeoutMs) {
      error = `timed out after ${Math.round(spec.timeoutMs / 1000)} s with ${size} of ${spec.input.bytes} bytes (${Math.floor(size / spec.input.bytes * spec.input.lines)} lines)`
      break
    }
    await sleep(POLL_MS)
  }
  done = true
  clearInterval(failureWatch)
  const usage = sampler.stop()
  const restReadyMs = await ready
  await proc.stop(30_000)

  const sinkBytes = fileSize(sinkFile)
  let verified = false
  if (error === undefined) {
    verified = sinkBytes === spec.input.bytes && await sha256File(sinkFile) === spec.inputSha256
    if (!verified) error = `sink file differs from the input (${sinkBytes} bytes vs ${spec.input.bytes})`
  }
  const cpuProfiles = cpuProfDir === undefined ? [] : (await readdir(cpuProfDir).catch(() => [])).map((name) => join(cpuProfDir, name))
  await rm(sinkFile, { force: true })
  await spec.broker.deleteTopic(topic).catch(() => { /* best effort: the topic only costs disk */ })

  const totalMs = lastAt === undefined ? undefined : lastAt - started
  return {
    worker: spec.worker,
    label: spec.label,
    ok: error === undefined,
    error,
    command: launch.describe,
    restReadyMs,
    coldStartMs: firstAt === undefined ? undefined : firstAt - started,
    totalMs,
    recordsPerSec: totalMs === undefined ? undefined : spec.input.lines / (totalMs / 1000),
    steadyRecordsPerSec: firstAt === undefined || lastAt === undefined || lastAt === firstAt ? undefined : spec.input.lines / ((lastAt - firstAt) / 1000),
    peakRssBytes: usage.hwmRssBytes,
    sampledPeakRssBytes: usage.sampledPeakRssBytes,
    cpuMs: usage.cpuMs,
    runQueueWaitMs: usage.runQueueWaitMs,
    sinkBytes,
    verified,
    cpuProfiles,
    logFile,
  }
}
