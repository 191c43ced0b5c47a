import assert from 'node:assert/strict'
import { test } from 'node:test'
import { ErrorCode, errorName, isRetriable } from './index.ts'

test('codes match Kafka\'s table', () => {
  assert.equal(ErrorCode.UNKNOWN_SERVER_ERROR, -1)
  assert.equal(ErrorCode.NONE, 0)
  assert.equal(ErrorCode.OFFSET_OUT_OF_RANGE, 1)
  assert.equal(ErrorCode.CORRUPT_MESSAGE, 2)
  assert.equal(ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, 3)
  assert.equal(ErrorCode.NOT_LEADER_OR_FOLLOWER, 6)
  assert.equal(ErrorCode.MESSAGE_TOO_LARGE, 10)
  assert.equal(ErrorCode.UNSUPPORTED_VERSION, 35)
  assert.equal(ErrorCode.OUT_OF_ORDER_SEQUENCE_NUMBER, 45)
  assert.equal(ErrorCode.INVALID_PRODUCER_EPOCH, 47)
  assert.equal(ErrorCode.MEMBER_ID_REQUIRED, 79)
  assert.equal(ErrorCode.INVALID_RECORD, 87)
  assert.equal(ErrorCode.PRODUCER_FENCED, 90)
  assert.equal(ErrorCode.UNKNOWN_TOPIC_ID, 100)
  assert.equal(ErrorCode.TRANSACTION_ABORTABLE, 120)
  assert.equal(ErrorCode.SHARE_SESSION_LIMIT_REACHED, 133)
})

test('codes are unique and contiguous from -1 to the newest', () => {
  const values = Object.values(ErrorCode).sort((a, b) => a - b)
  assert.deepEqual(values, Array.from({ length: values.length }, (_, i) => i - 1))
})

test('errorName and isRetriable', () => {
  assert.equal(errorName(35), 'UNSUPPORTED_VERSION')
  assert.equal(errorName(0), 'NONE')
  assert.equal(errorName(4242), 'UNKNOWN_ERROR_4242')
  assert.equal(isRetriable(ErrorCode.NOT_LEADER_OR_FOLLOWER), true)
  assert.equal(isRetriable(ErrorCode.COORDINATOR_LOAD_IN_PROGRESS), true)
  assert.equal(isRetriable(ErrorCode.CORRUPT_MESSAGE), true)
  assert.equal(isRetriable(ErrorCode.MESSAGE_TOO_LARGE), false)
  assert.equal(isRetriable(ErrorCode.OUT_OF_ORDER_SEQUENCE_NUMBER), false)
  assert.equal(isRetriable(ErrorCode.NONE), false)
})
