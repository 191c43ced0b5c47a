// The coordinators' Kafka wire error codes: @tributary/protocol's generated table, re-exported
// so coordinator code (and its tests) import one name.
export { ErrorCode } from '@tributary/protocol'
