// Where a Node worker spent its CPU: self time from a V8 .cpuprofile (node --cpu-prof), grouped
// by area (our packages, each npm dependency, Node internals, GC) and by function.
// Also a command:  node bench/connect-cpu-profile-summary.ts file.cpuprofile [top]
import { readFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'

interface ProfileNode {
  id: number
  callFrame: { functionName: string, url: string, lineNumber: number }
  children?: number[]
}

interface CpuProfile { nodes: ProfileNode[], samples: number[], timeDeltas: number[], startTime: number, endTime: number }

export interface ProfileShare { name: string, ms: number, share: number }

export interface ProfileSummary { totalMs: number, idleMs: number, bySide: ProfileShare[], byArea: ProfileShare[], byFunction: ProfileShare[] }

/** The W5 pipeline's halves, told apart by the nearest frame (leaf upwards) that belongs to one. */
const SIDES: Array<[string, RegExp]> = [
  ['source: file read → convert → produce', /file-stream-source-task|worker-source-task|clients\/producer\/|apis\/producer\//],
  ['sink: fetch → convert → file write', /file-stream-sink-task|worker-sink-task|clients\/consumer\/|apis\/consumer\/|messages-stream/],
  ['module loading (start-up)', /^node:internal\/modules\//],
]

/** packages/<pkg> (or connectors/<pkg>), node_modules/<pkg>, node:<module>, or V8's pseudo-frames. */
export function areaOf (url: string, functionName: string): string {
  if (url === '') return functionName === '' ? '(anonymous native)' : functionName
  const ours = /\/packages\/(connectors\/[^/]+|[^/]+)\//.exec(url)
  const dependency = /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url)
  if (dependency !== null) return dependency[1]
  if (ours !== null) return `@tributary/${ours[1]}`
  if (url.startsWith('node:')) return url.replace(/^node:(internal\/)?/, 'node:').split('/')[0]
  return url.replace(/^file:\/\//, '')
}

export function summarizeProfile (profile: CpuProfile, top = 25): ProfileSummary {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]))
  const parent = new Map<number, number>()
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id)
  const sideOf = (id: number): string => {
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const { url, functionName } = byId.get(at)!.callFrame
      if (functionName === '(garbage collector)') return 'garbage collector'
      const side = SIDES.find(([, pattern]) => pattern.test(url))
      if (side !== undefined) return side[0]
    }
    return 'other (timers, REST, offsets, idle loop)'
  }
  const sides = new Map<string, number>()
  const selfUs = new Map<number, number>()
  for (let i = 0; i < profile.samples.length; i++) {
    const id = profile.samples[i]
    selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0))
  }
  const areas = new Map<string, number>()
  const functions = new Map<string, number>()
  let total = 0
  let idle = 0
  for (const [id, us] of selfUs) {
    const { functionName, url, lineNumber } = byId.get(id)!.callFrame
    if (functionName === '(idle)') { idle += us; continue }
    total += us
    const side = sideOf(id)
    sides.set(side, (sides.get(side) ?? 0) + us)
    const area = areaOf(url, functionName)
    areas.set(area, (areas.get(area) ?? 0) + us)
    const where = url === '' ? '' : ` ${url.replace(/^file:\/\/.*?\/(packages|node_modules)\//, '$1/')}:${lineNumber + 1}`
    const fn = `${functionName === '' ? '(anonymous)' : functionName}${where}`
    functions.set(fn, (functions.get(fn) ?? 0) + us)
  }
  const shares = (map: Map<string, number>): ProfileShare[] => [...map]
    .sort((a, b) => b[1] - a[1]).slice(0, top)
    .map(([name, us]) => ({ name, ms: us / 1000, share: total === 0 ? 0 : us / total }))
  return { totalMs: total / 1000, idleMs: idle / 1000, bySide: shares(sides), byArea: shares(areas), byFunction: shares(functions) }
}

export async function summarizeProfileFile (path: string, top = 25): Promise<ProfileSummary> {
  return summarizeProfile(JSON.parse(await readFile(path, 'utf8')) as CpuProfile, top)
}

export function formatProfileSummary (summary: ProfileSummary): string {
  const row = (s: ProfileShare): string => `| ${(s.share * 100).toFixed(1)}% | ${s.ms.toFixed(0)} | \`${s.name}\` |`
  return [
    `Busy ${(summary.totalMs / 1000).toFixed(1)} s, idle ${(summary.idleMs / 1000).toFixed(1)} s (self time).`,
    '',
    '| share | ms | pipeline side |',
    '|---:|---:|---|',
    ...summary.bySide.map(row),
    '',
    '| share | ms | area |',
    '|---:|---:|---|',
    ...summary.byArea.map(row),
    '',
    '| share | ms | function |',
    '|---:|---:|---|',
    ...summary.byFunction.map(row),
  ].join('\n')
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [file, top] = process.argv.slice(2)
  if (file === undefined) {
    process.stderr.write('usage: node bench/connect-cpu-profile-summary.ts file.cpuprofile [top]\n')
    process.exit(2)
  }
  process.stdout.write(formatProfileSummary(await summarizeProfileFile(file, Number(top ?? 25))) + '\n')
}
