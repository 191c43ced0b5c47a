// Benchmark W5 (issue 4): N lines of 1 KiB JSON through FileStreamSource → topic → FileStreamSink,
// Tributary's Connect worker vs Apache Kafka Connect, both against the same broker with the same
// converters and connector settings. Prints every run, the medians and the ratios.
//   node bench/connect-w5.ts [--lines 1000000] [--runs 1] [--cpu-prof] [--out bench/results/…md]   (--help)
import { spawnSync } from 'node:child_process'
import { mkdir, rm, writeFile } from 'node:fs/promises'
import { cpus, loadavg, totalmem } from 'node:os'
import { join } from 'node:path'
import { ensurePeerArtifacts, missingPrerequisites, KAFKA_VERSION } from '@tributary/testkit'
import { startBenchBroker } from './connect-bench-broker.ts'
import { formatProfileSummary, summarizeProfileFile } from './connect-cpu-profile-summary.ts'
import { ensureInputFile, sha256File } from './connect-input-file.ts'
import { parseW5Options, W5_USAGE, type W5Options } from './connect-w5-options.ts'
import { ratios, ratiosTable, runsTable, summarize, summaryTable } from './connect-w5-report.ts'
import { runOnce, type RunResult } from './connect-w5-run.ts'

function environment (o: W5Options): string[] {
  const java = spawnSync('java', ['-version'], { encoding: 'utf8' }).stderr?.split('\n')[0] ?? 'no java'
  const commit = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).stdout?.trim() || 'unknown'
  // Others work in the same tree: name uncommitted changes to what the worker runs.
  const dirty = (spawnSync('git', ['status', '--porcelain', '--untracked-files=no', '--', 'packages'], { encoding: 'utf8' }).stdout ?? '')
    .split('\n').map((line) => line.slice(3)).filter((path) => /^packages\/(connect-|connectors\/|converters\/|cli\/)/.test(path))
  return [
    `- date: ${new Date().toISOString()}, tree at commit ${commit}${dirty.length === 0 ? '' : ` plus uncommitted changes to ${dirty.join(', ')}`}`,
    `- machine: ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB RAM, load average at start ${loadavg().map((l) => l.toFixed(2)).join(' ')} (shared machine)`,
    `- node ${process.version}; ${java}; Kafka Connect ${KAFKA_VERSION} from Maven Central (connect-runtime, connect-file, connect-json)`,
    `- input: ${o.lines.toLocaleString('en-US')} lines × ${o.lineBytes} B = ${(o.lines * o.lineBytes / 2 ** 20).toFixed(0)} MiB of JSON`,
    `- converters: ${o.converter === 'string' ? 'StringConverter (key and value)' : 'JsonConverter, schemas.enable=false (key and value)'}; FileStreamSource batch.size=${o.batchSize}; offset.flush.interval.ms=${o.offsetFlushMs}; tasks.max=1; topic with 1 partition, fresh per run`,
  ]
}

async function main (o: W5Options): Promise<void> {
  const needsJava = o.broker === 'apache' || o.workers.includes('kafka-connect')
  const missing = missingPrerequisites(needsJava ? ['java', 'maven'] : [])
  if (missing.length > 0) {
    process.stdout.write(`skipped: ${missing.join(', ')}\n`)
    if (process.env.CI === 'true') process.exitCode = 1
    return
  }
  const env = environment(o)
  process.stdout.write(`W5 connect file copy\n${env.join('\n')}\n`)

  const input = await ensureInputFile(o.workDir, o.lines, o.lineBytes)
  const inputSha256 = await sha256File(input.path)
  if (o.workers.includes('kafka-connect')) await ensurePeerArtifacts('connect')
  const broker = await startBenchBroker(o.broker)
  // Ctrl-C / SIGTERM: stop the broker (and its temp dir); testkit's exit hook kills a running worker.
  const interrupted = (): void => {
    process.stderr.write('interrupted: stopping the broker\n')
    const hardExit = setTimeout(() => process.exit(130), 25_000)
    void broker.stop().finally(() => { clearTimeout(hardExit); process.exit(130) })
  }
  process.once('SIGINT', interrupted)
  process.once('SIGTERM', interrupted)
  process.stdout.write(`- broker: ${broker.describe} at ${broker.bootstrap}\n\n`)

  const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\..*/, '')
  const runRoot = join(o.workDir, `w5-${stamp}`)
  const results: RunResult[] = []
  try {
    for (let run = 1; run <= o.runs; run++) {
      for (const worker of o.workers) {
        const label = `${worker}-${run}-${stamp.toLowerCase()}`
        process.stdout.write(`run ${label} … `)
        const result = await runOnce({
          worker, broker, input, inputSha256, label,
          dir: join(runRoot, `${worker}-${run}`),
          converter: o.converter, batchSize: o.batchSize, offsetFlushMs: o.offsetFlushMs,
          timeoutMs: o.timeoutMs, javaHeap: o.javaHeap, nodeOptions: o.nodeOptions, cpuProf: o.cpuProf,
        })
        results.push(result)
        process.stdout.write(result.ok
          ? `${Math.round(result.recordsPerSec!)} records/s, first record ${((result.coldStartMs ?? 0) / 1000).toFixed(2)} s, peak RSS ${(result.peakRssBytes / 2 ** 20).toFixed(0)} MiB\n`
          : `FAILED: ${result.error}\n`)
      }
    }
  } finally {
    await broker.stop()
  }

  const summaries = summarize(results, o.workers)
  const r = ratios(summaries)
  const sections = [
    '## Runs', '', runsTable(results), '',
    '## Medians', '', summaryTable(summaries), '',
    ...(r === undefined ? [] : ['## Ratios', '', ratiosTable(r), '']),
    '## Worker commands', '',
    ...[...new Map(results.map((x) => [x.worker, x.command])).entries()].map(([worker, command]) => `- ${worker}: \`${command}\``), '',
  ]
  const profiles = results.filter((x) => x.worker === 'tributary' && x.cpuProfiles.length > 0).at(-1)?.cpuProfiles ?? []
  for (const file of profiles) sections.push(`## Tributary CPU profile (${file.split('/').pop()})`, '', formatProfileSummary(await summarizeProfileFile(file, 20)), '')
  const report = sections.join('\n')
  process.stdout.write(`\n${report}\n`)

  if (o.out !== undefined) {
    const command = `node bench/connect-w5.ts ${process.argv.slice(2).join(' ')}`.trim()
    await mkdir(join(o.out, '..'), { recursive: true })
    await writeFile(o.out, `# W5: FileStreamSource → topic → FileStreamSink, Tributary vs Kafka Connect\n\n\`${command}\`\n\n${env.join('\n')}\n- broker: ${broker.describe}\n- load average at end ${loadavg().map((l) => l.toFixed(2)).join(' ')}\n\n${report}`)
    process.stdout.write(`written to ${o.out}\n`)
  }
  // A failed run keeps its directory: its worker.log says why.
  if (!o.keep && results.every((x) => x.ok)) await rm(runRoot, { recursive: true, force: true })
  else process.stdout.write(`run directories kept under ${runRoot}\n`)
  if (results.some((x) => !x.ok)) process.exitCode = 1
}

let options: W5Options | 'help'
try {
  options = parseW5Options(process.argv.slice(2))
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n\n${W5_USAGE}\n`)
  process.exit(2)
}
if (options === 'help') process.stdout.write(`${W5_USAGE}\n`)
else await main(options)
