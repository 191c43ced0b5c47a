// @tributary/protocol: the Kafka wire codec (generated from Kafka's JSON message specs),
// record batch v2, compression codecs, CRC-32C, varints and the error-code table.

export { crc32c } from './crc32c.ts'
export { ProtocolDecodeError, UnsupportedApiError } from './errors.ts'
export { ErrorCode, errorName, isRetriable } from './error-codes.ts'
export type { ErrorCodeName, ErrorCodeValue } from './error-codes.ts'
export { Reader } from './reader.ts'
export { Writer } from './writer.ts'
export type { RecordsInput } from './writer.ts'
export {
  decodeRequestHeader, requestHeaderVersion, responseHeaderVersion,
  writeRequestHeader, writeResponseHeader, readResponseHeader,
} from './headers.ts'
export type { RequestHeader } from './headers.ts'
export { decodeRequest, encodeResponse, encodeRequest, decodeResponse, decodeResponseFrame } from './frames.ts'
export * from './generated/index.ts'
export * from './records/index.ts'
export {
  compress, decompress, CompressionCodec, DecompressionError, DEFAULT_MAX_DECOMPRESSED_BYTES, isXerialFramed, lz4OutputBound,
} from './compression/index.ts'
export type { CompressionName } from './compression/index.ts'
export { readVarint, readVarlong, varintSize, varlongSize, VarintError, writeVarint, writeVarlong } from './varint.ts'
export type { Cursor } from './varint.ts'
