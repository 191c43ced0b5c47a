// The sparse offset index and time index of one segment, held in memory and persisted as two
// framed files (see segment.ts for the layout). Both sample the same batches: one entry when at
// least index.interval.bytes were appended since the previous entry.
//
//   offset index entry i: (baseOffset_i − segmentBase, filePosition_i)
//   time index entry i:   (maxTimestampBefore_i, baseOffset_i − segmentBase)
// where maxTimestampBefore_i is the largest timestamp of every batch before batch i in the
// segment (-1 if none). So every batch before entry i has a timestamp < t whenever
// maxTimestampBefore_i < t: a timestamp search may start scanning at filePosition_i.

export class SegmentIndex {
  // Typed arrays (16 bytes per entry) grown by doubling: a 1 GiB segment at the default 4 KiB
  // interval holds ~262k entries, ~4 MiB.
  #relOffsets = new Int32Array(16)
  #positions = new Int32Array(16)
  #timestamps = new Float64Array(16)
  #length = 0

  get length (): number { return this.#length }

  add (relOffset: number, position: number, maxTimestampBefore: number): void {
    if (this.#length === this.#relOffsets.length) {
      const grow = <T extends Int32Array | Float64Array>(a: T, make: (n: number) => T): T => {
        const next = make(a.length * 2)
        next.set(a)
        return next
      }
      this.#relOffsets = grow(this.#relOffsets, (n) => new Int32Array(n))
      this.#positions = grow(this.#positions, (n) => new Int32Array(n))
      this.#timestamps = grow(this.#timestamps, (n) => new Float64Array(n))
    }
    this.#relOffsets[this.#length] = relOffset
    this.#positions[this.#length] = position
    this.#timestamps[this.#length] = maxTimestampBefore
    this.#length++
  }

  clear (): void {
    this.#relOffsets = new Int32Array(16)
    this.#positions = new Int32Array(16)
    this.#timestamps = new Float64Array(16)
    this.#length = 0
  }

  /** File position of the last indexed batch whose base offset is <= relOffset (0 if none). */
  positionForOffset (relOffset: number): number {
    const i = lastIndexWhere(this.#relOffsets, this.#length, (v) => v <= relOffset)
    return i < 0 ? 0 : this.#positions[i]
  }

  /** File position from which every batch before it has timestamps < timestamp. */
  positionForTimestamp (timestamp: number): number {
    // timestamps are non-decreasing, so binary search applies.
    const i = lastIndexWhere(this.#timestamps, this.#length, (v) => v < timestamp)
    return i < 0 ? 0 : this.#positions[i]
  }

  encodeOffsetIndex (): Buffer {
    const out = Buffer.allocUnsafe(4 + this.length * 8)
    out.writeInt32BE(this.length, 0)
    for (let i = 0; i < this.length; i++) {
      out.writeInt32BE(this.#relOffsets[i], 4 + i * 8)
      out.writeInt32BE(this.#positions[i], 8 + i * 8)
    }
    return out
  }

  encodeTimeIndex (): Buffer {
    const out = Buffer.allocUnsafe(4 + this.length * 12)
    out.writeInt32BE(this.length, 0)
    for (let i = 0; i < this.length; i++) {
      out.writeBigInt64BE(BigInt(this.#timestamps[i]), 4 + i * 12)
      out.writeInt32BE(this.#relOffsets[i], 12 + i * 12)
    }
    return out
  }

  /** Rebuilds from the two encoded payloads; null when they disagree or are malformed. */
  static decode (offsetIndex: Buffer, timeIndex: Buffer): SegmentIndex | null {
    const count = offsetIndex.readInt32BE(0)
    if (offsetIndex.length !== 4 + count * 8 || timeIndex.length !== 4 + count * 12 || timeIndex.readInt32BE(0) !== count) return null
    const index = new SegmentIndex()
    for (let i = 0; i < count; i++) {
      const relOffset = offsetIndex.readInt32BE(4 + i * 8)
      if (timeIndex.readInt32BE(12 + i * 12) !== relOffset) return null
      index.add(relOffset, offsetIndex.readInt32BE(8 + i * 8), Number(timeIndex.readBigInt64BE(4 + i * 12)))
    }
    return index
  }
}

/** Index of the last element satisfying a predicate that holds for a prefix of a sorted array. */
function lastIndexWhere (values: Int32Array | Float64Array, length: number, holds: (v: number) => boolean): number {
  let lo = 0
  let hi = length - 1
  let found = -1
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1
    if (holds(values[mid])) { found = mid; lo = mid + 1 } else hi = mid - 1
  }
  return found
}
