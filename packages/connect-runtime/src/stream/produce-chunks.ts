// Splits one poll batch into producer sends small enough for one record batch each:
// @platformatic/kafka puts everything a send() holds for a partition into a single RecordBatch,
// and a broker refuses a batch over message.max.bytes (1 MiB + 12 by default) with
// MESSAGE_TOO_LARGE — where Kafka's producer would have cut batch.size pieces. A single record
// over the limit still goes alone and fails as it would in Kafka Connect.
import type { MessageToProduce } from '@platformatic/kafka'

/** Under the broker's default message.max.bytes, leaving room for the batch header. */
export const MAX_SEND_BYTES = 1_000_000
/** Per-record framing (length, attributes, deltas, counts) counted on top of the payload. */
const RECORD_OVERHEAD = 32

type Message = MessageToProduce<Buffer, Buffer, Buffer, Buffer>

export function estimatedRecordBytes (m: Message): number {
  let bytes = RECORD_OVERHEAD + (m.key?.length ?? 0) + (m.value?.length ?? 0)
  const headers = m.headers
  if (headers instanceof Map) for (const [k, v] of headers) bytes += k.length + v.length + 2
  else if (headers !== undefined) for (const [k, v] of Object.entries(headers)) bytes += Buffer.byteLength(k) + v.length + 2
  return bytes
}

/** Consecutive runs of `messages`, in order, each at most maxBytes (estimated) unless one record alone is larger. */
export function chunkBySize (messages: Message[], maxBytes = MAX_SEND_BYTES): Message[][] {
  const chunks: Message[][] = []
  let current: Message[] = []
  let size = 0
  for (const m of messages) {
    const bytes = estimatedRecordBytes(m)
    if (current.length > 0 && size + bytes > maxBytes) {
      chunks.push(current)
      current = []
      size = 0
    }
    current.push(m)
    size += bytes
  }
  if (current.length > 0) chunks.push(current)
  return chunks
}
