// Kafka wire error codes the log answers with. Kept local until @tributary/protocol exports its
// generated error table; the numbers are Kafka's (Errors.java) and must not change.
export const LogErrorCode = {
  NONE: 0,
  OFFSET_OUT_OF_RANGE: 1,
  CORRUPT_MESSAGE: 2,
  MESSAGE_TOO_LARGE: 10,
  RECORD_LIST_TOO_LARGE: 18,
  OUT_OF_ORDER_SEQUENCE_NUMBER: 45,
  INVALID_PRODUCER_EPOCH: 47,
  INVALID_TXN_STATE: 48,
  KAFKA_STORAGE_ERROR: 56,
  INVALID_RECORD: 87,
} as const
