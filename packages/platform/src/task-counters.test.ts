import { test } from 'node:test'
import assert from 'node:assert/strict'
import { Counter, Registry } from 'prom-client'
import { createRegistryCounterSource } from './task-counters.ts'

test('sums Connect task counters per connector from a real registry, whatever the prefix', async () => {
  const registry = new Registry()
  const labelNames = ['connector', 'task']
  const poll = new Counter({ name: 'connect_source_record_poll_total', help: 'h', labelNames, registers: [registry] })
  const write = new Counter({ name: 'kafka_connect_source_record_write_total', help: 'h', labelNames, registers: [registry] })
  const send = new Counter({ name: 'connect_sink_record_send_total', help: 'h', labelNames, registers: [registry] })
  const errors = new Counter({ name: 'connect_errors_total', help: 'h', labelNames: ['connector', 'task', 'stage'], registers: [registry] })
  const dlq = new Counter({ name: 'connect_deadletterqueue_produce_total', help: 'h', labelNames, registers: [registry] })
  const dlqFailures = new Counter({ name: 'connect_deadletterqueue_produce_failures_total', help: 'h', labelNames, registers: [registry] })
  poll.inc({ connector: 'src', task: '0' }, 5)
  poll.inc({ connector: 'src', task: '1' }, 7)
  write.inc({ connector: 'src', task: '0' }, 11)
  send.inc({ connector: 'snk', task: '0' }, 3)
  errors.inc({ connector: 'snk', task: '0', stage: 'VALUE_CONVERTER' }, 2)
  dlq.inc({ connector: 'snk', task: '0' }, 2)
  dlqFailures.inc({ connector: 'snk', task: '0' }, 9)
  const counters = await createRegistryCounterSource(registry).read()
  assert.deepEqual(counters.get('src'), { recordsIn: 12, recordsOut: 11 })
  assert.deepEqual(counters.get('snk'), { recordsOut: 3, errors: 2, dlq: 2 })
})
