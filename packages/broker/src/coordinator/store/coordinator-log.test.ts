import assert from 'node:assert/strict'
import { appendFile, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, describe, it } from 'node:test'
import { CoordinatorLog, decodeRecords, encodeRecords } from './coordinator-log.ts'
import type { CoordinatorRecord } from './coordinator-log.ts'

const dirs: string[] = []
async function tempDir (): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'coord-log-'))
  dirs.push(dir)
  return dir
}
after(async () => { for (const d of dirs) await rm(d, { recursive: true, force: true }) })

describe('CoordinatorLog', () => {
  it('replays what was appended, in order, after reopening', async () => {
    const dir = await tempDir()
    const log = new CoordinatorLog({ dir })
    assert.deepEqual(await log.open(), [])
    await Promise.all([
      log.append([{ t: 'a', n: 1 }], { durable: true }),
      log.append([{ t: 'a', n: 2 }, { t: 'b', n: 3 }], { durable: false }),
    ])
    await log.close()
    const again = new CoordinatorLog({ dir })
    assert.deepEqual((await again.open()).map((r) => r.n), [1, 2, 3])
    await again.close()
  })

  it('cuts a torn or corrupt tail and keeps appending after it', async () => {
    const dir = await tempDir()
    const log = new CoordinatorLog({ dir })
    await log.open()
    await log.append([{ t: 'a', n: 1 }, { t: 'a', n: 2 }], { durable: true })
    await log.close()
    const file = join(dir, 'log-1.bin')
    const full = (await stat(file)).size
    await appendFile(file, encodeRecords([{ t: 'a', n: 3 }]).subarray(0, 11)) // torn write
    const reopened = new CoordinatorLog({ dir })
    assert.deepEqual((await reopened.open()).map((r) => r.n), [1, 2])
    assert.equal((await stat(file)).size, full, 'torn tail truncated')
    await reopened.append([{ t: 'a', n: 4 }], { durable: true })
    await reopened.close()
    // Flip a payload byte of the last record: its CRC fails and it is dropped.
    const bytes = await readFile(file)
    bytes[bytes.length - 3] ^= 0xff
    await writeFile(file, bytes)
    const third = new CoordinatorLog({ dir })
    assert.deepEqual((await third.open()).map((r) => r.n), [1, 2])
    await third.close()
  })

  it('snapshots (temp → fsync → rename) and drops older logs; state is the same after reopening', async () => {
    const dir = await tempDir()
    const state = new Map<string, number>()
    const log = new CoordinatorLog({ dir, snapshotAfterBytes: 200 })
    log.liveRecords = () => [...state].map(([k, v]): CoordinatorRecord => ({ t: 'kv', k, v }))
    await log.open()
    for (let i = 0; i < 50; i++) {
      state.set(`k${i % 5}`, i)
      await log.append([{ t: 'kv', k: `k${i % 5}`, v: i }], { durable: true })
    }
    await log.close()
    const files = await readdir(dir)
    assert.ok(files.includes('snapshot.bin'))
    assert.ok(!files.includes('log-1.bin'), 'first log removed once a snapshot covers it')
    const replayed = new Map<string, number>()
    const reopened = new CoordinatorLog({ dir })
    for (const r of await reopened.open()) replayed.set(r.k as string, r.v as number)
    assert.deepEqual(replayed, state)
    await reopened.close()
  })

  it('recovers from a crash between starting a new log and renaming the snapshot', async () => {
    const dir = await tempDir()
    const log = new CoordinatorLog({ dir })
    await log.open()
    await log.append([{ t: 'a', n: 1 }], { durable: true })
    await log.close()
    // The state a crash leaves: log-2 started and written to, snapshot only as a temp file.
    await writeFile(join(dir, 'log-2.bin'), encodeRecords([{ t: 'a', n: 2 }]))
    await writeFile(join(dir, 'snapshot.tmp'), encodeRecords([{ t: 'snapshot', nextLog: 2 }, { t: 'a', n: 1 }]).subarray(0, 5))
    const reopened = new CoordinatorLog({ dir })
    assert.deepEqual((await reopened.open()).map((r) => r.n), [1, 2])
    assert.ok(!(await readdir(dir)).includes('snapshot.tmp'))
    await reopened.close()
  })

  it('decodes only whole, checksummed records', () => {
    const bytes = encodeRecords([{ t: 'x' }, { t: 'y' }])
    assert.equal(decodeRecords(bytes).records.length, 2)
    assert.equal(decodeRecords(bytes.subarray(0, bytes.length - 1)).records.length, 1)
    const negative = Buffer.from(bytes)
    negative.writeInt32BE(-5, 0)
    assert.equal(decodeRecords(negative).records.length, 0)
  })

  it('rejects appends after close', async () => {
    const dir = await tempDir()
    const log = new CoordinatorLog({ dir })
    await log.open()
    await log.close()
    await assert.rejects(log.append([{ t: 'a' }], { durable: true }), /closed/)
  })
})
