import assert from 'node:assert/strict'
import { test } from 'node:test'
import { crc32c, crc32cImplementation, crc32cTable, crc32cWasm } from './crc32c.ts'

test('known CRC-32C check values', () => {
  assert.equal(crc32c(Buffer.from('123456789')), 0xe3069283)
  assert.equal(crc32c(Buffer.alloc(0)), 0)
  assert.equal(crc32c(Buffer.alloc(32, 0)), 0x8a9136aa)
  assert.equal(crc32c(Buffer.alloc(32, 0xff)), 0x62a8ab43)
})

test('native, WebAssembly and table implementations agree on every length and offset', () => {
  const data = Buffer.alloc(70000)
  for (let i = 0; i < data.length; i++) data[i] = (i * 2654435761) >>> 24
  for (const len of [0, 1, 7, 8, 255, 256, 257, 1000, 4096, 65536, 69979]) {
    for (const start of [0, 3, 21]) {
      const expected = crc32cTable(data, start, start + len)
      assert.equal(crc32c(data, start, start + len), expected, `len ${len} start ${start}`)
      assert.equal(crc32cWasm(data.subarray(start, start + len)), expected, `wasm: len ${len} start ${start}`)
    }
  }
})

test('the native CRC is in use where @node-rs/crc32 ships a binary (linux x64 here)', (t) => {
  if (process.platform !== 'linux' || process.arch !== 'x64') return t.skip(`skipped: no check for ${process.platform}-${process.arch}`)
  assert.equal(crc32cImplementation, 'native')
})
