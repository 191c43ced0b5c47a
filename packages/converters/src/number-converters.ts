// Kafka's primitive converters (org.apache.kafka.connect.converters.*Converter): the value as the
// big-endian bytes Kafka's serializers write (Boolean 1 byte, Short 2, Integer/Float 4, Long/Double 8).
import { DataError, Schema, describeJavaClass } from '@tributary/connect-api'
import type { Converter, HeaderConverter, ConnectHeaders, SchemaAndValue, ConfigDef } from '@tributary/connect-api'
import { converterConfigDef } from './converter-config.ts'

interface NumberCodec {
  readonly name: string
  readonly size: number
  readonly schema: Schema
  write(value: unknown, buf: Buffer): boolean
  read(buf: Buffer): unknown
}

function numberConverterClass(codec: NumberCodec): new () => Converter & HeaderConverter {
  return class implements Converter, HeaderConverter {
    static readonly CLASS_NAME = `org.apache.kafka.connect.converters.${codec.name}Converter`

    config(): ConfigDef {
      return converterConfigDef()
    }

    configure(): void {}

    fromConnectData(topic: string, _headers: ConnectHeaders | null, _schema: Schema | null, value: unknown): Uint8Array | null {
      if (value === null || value === undefined) return null
      const buf = Buffer.alloc(codec.size)
      if (!codec.write(value, buf)) {
        throw new DataError(`Failed to serialize to ${codec.name} (was ${describeJavaClass(value)}): topic ${topic}`)
      }
      return buf
    }

    toConnectData(topic: string, _headers: ConnectHeaders | null, bytes: Uint8Array | null): SchemaAndValue {
      if (bytes === null || bytes === undefined) return { schema: codec.schema, value: null }
      if (bytes.length !== codec.size) {
        throw new DataError(`Failed to deserialize ${codec.name}: size of data received is not ${codec.size} (topic ${topic})`)
      }
      return { schema: codec.schema, value: codec.read(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)) }
    }

    fromConnectHeader(topic: string, _key: string, schema: Schema | null, value: unknown): Uint8Array | null {
      return this.fromConnectData(topic, null, schema, value)
    }

    toConnectHeader(topic: string, _key: string, bytes: Uint8Array | null): SchemaAndValue {
      return this.toConnectData(topic, null, bytes)
    }

    close(): void {}
  }
}

const isInt = (v: unknown, min: number, max: number): v is number => typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max

export const BooleanConverter = numberConverterClass({
  name: 'Boolean', size: 1, schema: Schema.OPTIONAL_BOOLEAN_SCHEMA,
  write: (v, b) => typeof v === 'boolean' && (b.writeUInt8(v ? 1 : 0), true),
  read: (b) => b.readUInt8(0) !== 0,
})
export const ShortConverter = numberConverterClass({
  name: 'Short', size: 2, schema: Schema.OPTIONAL_INT16_SCHEMA,
  write: (v, b) => isInt(v, -32768, 32767) && (b.writeInt16BE(v), true),
  read: (b) => b.readInt16BE(0),
})
export const IntegerConverter = numberConverterClass({
  name: 'Integer', size: 4, schema: Schema.OPTIONAL_INT32_SCHEMA,
  write: (v, b) => isInt(v, -2147483648, 2147483647) && (b.writeInt32BE(v), true),
  read: (b) => b.readInt32BE(0),
})
export const LongConverter = numberConverterClass({
  name: 'Long', size: 8, schema: Schema.OPTIONAL_INT64_SCHEMA,
  write: (v, b) => (typeof v === 'bigint' || (typeof v === 'number' && Number.isInteger(v))) && (b.writeBigInt64BE(BigInt(v)), true),
  read: (b) => {
    const n = b.readBigInt64BE(0)
    return n >= BigInt(Number.MIN_SAFE_INTEGER) && n <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(n) : n
  },
})
export const FloatConverter = numberConverterClass({
  name: 'Float', size: 4, schema: Schema.OPTIONAL_FLOAT32_SCHEMA,
  write: (v, b) => typeof v === 'number' && (b.writeFloatBE(v), true),
  read: (b) => b.readFloatBE(0),
})
export const DoubleConverter = numberConverterClass({
  name: 'Double', size: 8, schema: Schema.OPTIONAL_FLOAT64_SCHEMA,
  write: (v, b) => typeof v === 'number' && (b.writeDoubleBE(v), true),
  read: (b) => b.readDoubleBE(0),
})
