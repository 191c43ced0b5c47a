// CRC-32C (Castagnoli), the checksum of RecordBatch v2 (over bytes 21..end of a batch).
// Every produced batch is checked and every appended one summed, so this is on the broker's hot
// path. Ranges of NATIVE_MIN_BYTES or more go to @node-rs/crc32 (SSE4.2/ARMv8 CRC instructions,
// ~5 GB/s here); where its prebuilt binary is missing for the platform, to @platformatic/wasm-utils'
// WebAssembly CRC (~1.2 GB/s). Short ranges stay on the slicing-by-8 table below, where the call
// overhead would dominate.

import { crc32c as wasmCrc32c } from '@platformatic/wasm-utils'

const NATIVE_MIN_BYTES = 256

type Crc32c = (input: Uint8Array) => number

async function loadNative (): Promise<Crc32c | null> {
  try {
    const native = await import('@node-rs/crc32')
    return (input) => native.crc32c(input as Buffer)
  } catch {
    return null
  }
}

const native = await loadNative()
const bulkCrc32c: Crc32c = native ?? wasmCrc32c

/** Which implementation long ranges use. */
export const crc32cImplementation: 'native' | 'wasm' = native === null ? 'wasm' : 'native'

const POLY = 0x82f63b78

const TABLES: Uint32Array[] = (() => {
  const tables = Array.from({ length: 8 }, () => new Uint32Array(256))
  for (let n = 0; n < 256; n++) {
    let c = n
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ POLY : c >>> 1
    tables[0][n] = c >>> 0
  }
  for (let n = 0; n < 256; n++) {
    let c = tables[0][n]
    for (let t = 1; t < 8; t++) {
      c = tables[0][c & 0xff] ^ (c >>> 8)
      tables[t][n] = c >>> 0
    }
  }
  return tables
})()

/** CRC-32C of bytes[start, end), as an unsigned 32-bit number. */
export function crc32c (bytes: Uint8Array, start = 0, end = bytes.length): number {
  if (end - start >= NATIVE_MIN_BYTES) return bulkCrc32c(bytes.subarray(start, end))
  return crc32cTable(bytes, start, end)
}

/** The WebAssembly fallback (exported for the cross-check test). */
export const crc32cWasm: Crc32c = wasmCrc32c

/** The pure-JS implementation (exported for the cross-check test). */
export function crc32cTable (bytes: Uint8Array, start = 0, end = bytes.length): number {
  const [t0, t1, t2, t3, t4, t5, t6, t7] = TABLES
  let crc = 0xffffffff
  let i = start
  while (end - i >= 8) {
    const a = crc ^ (bytes[i] | (bytes[i + 1] << 8) | (bytes[i + 2] << 16) | (bytes[i + 3] << 24))
    crc = t7[a & 0xff] ^ t6[(a >>> 8) & 0xff] ^ t5[(a >>> 16) & 0xff] ^ t4[a >>> 24] ^
      t3[bytes[i + 4]] ^ t2[bytes[i + 5]] ^ t1[bytes[i + 6]] ^ t0[bytes[i + 7]]
    i += 8
  }
  while (i < end) crc = t0[(crc ^ bytes[i++]) & 0xff] ^ (crc >>> 8)
  return (crc ^ 0xffffffff) >>> 0
}
