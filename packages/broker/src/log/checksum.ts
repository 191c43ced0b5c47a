// The one place log/ takes CRC-32C from. @tributary/protocol's index does not re-export crc32c yet,
// so this points at its source file; switch to `from '@tributary/protocol'` once it does.
export { crc32c } from '../../../protocol/src/crc32c.ts'
