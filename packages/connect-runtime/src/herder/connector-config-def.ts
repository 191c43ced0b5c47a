// The framework's connector keys (Kafka's ConnectorConfig / SinkConnectorConfig /
// SourceConnectorConfig), grouped as Kafka groups them: Common, Transforms, Predicates, Error Handling.
import {
  CaseInsensitiveValidString, ConfigDef, ConfigType, Importance, NonEmptyStringWithoutControlChars, Range, Width,
} from '@tributary/connect-api'

const COMMON = 'Common'
const TRANSFORMS = 'Transforms'
const PREDICATES = 'Predicates'
const ERRORS = 'Error Handling'

function base (): ConfigDef {
  return new ConfigDef()
    .define({ name: 'name', type: ConfigType.STRING, validator: NonEmptyStringWithoutControlChars, importance: Importance.HIGH, documentation: 'Globally unique name to use for this connector.', group: COMMON, orderInGroup: 1, width: Width.MEDIUM, displayName: 'Connector name' })
    .define({ name: 'connector.class', type: ConfigType.STRING, importance: Importance.HIGH, documentation: 'Class name or alias of the connector (e.g. org.apache.kafka.connect.file.FileStreamSinkConnector, FileStreamSinkConnector or FileStreamSink).', group: COMMON, orderInGroup: 2, width: Width.LONG, displayName: 'Connector class' })
    .define({ name: 'tasks.max', type: ConfigType.INT, defaultValue: 1, validator: Range.atLeast(1), importance: Importance.HIGH, documentation: 'Maximum number of tasks to use for this connector.', group: COMMON, orderInGroup: 3, width: Width.SHORT, displayName: 'Tasks max' })
    .define({ name: 'tasks.max.enforce', type: ConfigType.BOOLEAN, defaultValue: true, importance: Importance.LOW, documentation: '(Deprecated) Whether to fail a connector that generates more task configs than tasks.max.', group: COMMON, orderInGroup: 4, width: Width.SHORT, displayName: 'Enforce tasks max' })
    .define({ name: 'key.converter', type: ConfigType.CLASS, defaultValue: null, importance: Importance.LOW, documentation: 'Converter for record keys; overrides the worker default.', group: COMMON, orderInGroup: 5, width: Width.SHORT, displayName: 'Key converter class' })
    .define({ name: 'value.converter', type: ConfigType.CLASS, defaultValue: null, importance: Importance.LOW, documentation: 'Converter for record values; overrides the worker default.', group: COMMON, orderInGroup: 6, width: Width.SHORT, displayName: 'Value converter class' })
    .define({ name: 'header.converter', type: ConfigType.CLASS, defaultValue: null, importance: Importance.LOW, documentation: 'Converter for record headers; overrides the worker default.', group: COMMON, orderInGroup: 7, width: Width.SHORT, displayName: 'Header converter class' })
    .define({ name: 'config.action.reload', type: ConfigType.STRING, defaultValue: 'restart', validator: CaseInsensitiveValidString.in('none', 'restart'), importance: Importance.LOW, documentation: 'What to do when a config provider reports a changed value: restart or none.', group: COMMON, orderInGroup: 8, width: Width.MEDIUM, displayName: 'Reload Action' })
    .define({ name: 'transforms', type: ConfigType.LIST, defaultValue: '', validator: uniqueAliases('transforms'), importance: Importance.LOW, documentation: 'Aliases of the transformations to apply to records, in order.', group: TRANSFORMS, orderInGroup: 1, width: Width.LONG, displayName: 'Transforms' })
    .define({ name: 'predicates', type: ConfigType.LIST, defaultValue: '', validator: uniqueAliases('predicates'), importance: Importance.LOW, documentation: 'Aliases of the predicates transformations may refer to.', group: PREDICATES, orderInGroup: 1, width: Width.LONG, displayName: 'Predicates' })
    .define({ name: 'errors.retry.timeout', type: ConfigType.LONG, defaultValue: 0, importance: Importance.MEDIUM, documentation: 'How long (ms) a failed operation is retried; 0 = no retries, -1 = forever.', group: ERRORS, orderInGroup: 1, width: Width.MEDIUM, displayName: 'Retry Timeout for Errors' })
    .define({ name: 'errors.retry.delay.max.ms', type: ConfigType.LONG, defaultValue: 60000, importance: Importance.MEDIUM, documentation: 'Upper bound (ms) of the delay between retries.', group: ERRORS, orderInGroup: 2, width: Width.MEDIUM, displayName: 'Maximum Delay Between Retries for Errors' })
    .define({ name: 'errors.tolerance', type: ConfigType.STRING, defaultValue: 'none', validator: CaseInsensitiveValidString.in('none', 'all'), importance: Importance.MEDIUM, documentation: "'none' fails the task on the first error; 'all' skips problematic records.", group: ERRORS, orderInGroup: 3, width: Width.SHORT, displayName: 'Error Tolerance' })
    .define({ name: 'errors.log.enable', type: ConfigType.BOOLEAN, defaultValue: false, importance: Importance.MEDIUM, documentation: 'Log every error with the failing operation and record.', group: ERRORS, orderInGroup: 4, width: Width.SHORT, displayName: 'Log Errors' })
    .define({ name: 'errors.log.include.messages', type: ConfigType.BOOLEAN, defaultValue: false, importance: Importance.MEDIUM, documentation: 'Include record keys, values and headers in error logs.', group: ERRORS, orderInGroup: 5, width: Width.SHORT, displayName: 'Log Error Details' })
}

function uniqueAliases (name: string): { ensureValid: (n: string, v: unknown) => void, toString: () => string } {
  return {
    ensureValid (n: string, v: unknown) {
      const list = (v as string[] | null) ?? []
      if (new Set(list).size !== list.length) throw new Error(`Invalid value ${list.join(',')} for configuration ${n}: Duplicate alias provided.`)
    },
    toString: () => `unique ${name} aliases`,
  }
}

export function sinkConnectorConfigDef (): ConfigDef {
  return base()
    .define({ name: 'topics', type: ConfigType.LIST, defaultValue: '', importance: Importance.HIGH, documentation: 'Topics to consume, comma separated.', group: COMMON, orderInGroup: 4, width: Width.LONG, displayName: 'Topics' })
    .define({ name: 'topics.regex', type: ConfigType.STRING, defaultValue: '', importance: Importance.HIGH, documentation: 'Regular expression selecting the topics to consume.', group: COMMON, orderInGroup: 4, width: Width.LONG, displayName: 'Topics regex' })
    .define({ name: 'errors.deadletterqueue.topic.name', type: ConfigType.STRING, defaultValue: '', importance: Importance.MEDIUM, documentation: 'Topic receiving records that failed processing (dead letter queue).', group: ERRORS, orderInGroup: 6, width: Width.MEDIUM, displayName: 'Dead Letter Queue Topic Name' })
    .define({ name: 'errors.deadletterqueue.topic.replication.factor', type: ConfigType.SHORT, defaultValue: 3, importance: Importance.MEDIUM, documentation: 'Replication factor used when the dead letter queue topic is created.', group: ERRORS, orderInGroup: 7, width: Width.MEDIUM, displayName: 'Dead Letter Queue Topic Replication Factor' })
    .define({ name: 'errors.deadletterqueue.context.headers.enable', type: ConfigType.BOOLEAN, defaultValue: false, importance: Importance.MEDIUM, documentation: 'Add __connect.errors.* headers describing the failure to dead letter queue records.', group: ERRORS, orderInGroup: 8, width: Width.MEDIUM, displayName: 'Enable Error Context Headers' })
}

export function sourceConnectorConfigDef (): ConfigDef {
  return base()
    .define({ name: 'topic.creation.groups', type: ConfigType.LIST, defaultValue: '', validator: uniqueAliases('topic.creation.groups'), importance: Importance.LOW, documentation: 'Topic creation groups besides the implicit "default" group.', group: 'Topic Creation', orderInGroup: 1, width: Width.LONG, displayName: 'Topic Creation Groups' })
    .define({ name: 'exactly.once.support', type: ConfigType.STRING, defaultValue: 'requested', validator: CaseInsensitiveValidString.in('requested', 'required'), importance: Importance.MEDIUM, documentation: 'Whether exactly-once delivery is required for this connector.', group: 'Exactly Once Support', orderInGroup: 1, width: Width.SHORT, displayName: 'Exactly once support' })
    .define({ name: 'transaction.boundary', type: ConfigType.STRING, defaultValue: 'poll', validator: CaseInsensitiveValidString.in('poll', 'interval', 'connector'), importance: Importance.MEDIUM, documentation: 'Transaction boundary for exactly-once source tasks.', group: 'Exactly Once Support', orderInGroup: 2, width: Width.SHORT, displayName: 'Transaction Boundary' })
    .define({ name: 'transaction.boundary.interval.ms', type: ConfigType.LONG, defaultValue: null, importance: Importance.LOW, documentation: 'Transaction interval when transaction.boundary=interval.', group: 'Exactly Once Support', orderInGroup: 3, width: Width.SHORT, displayName: 'Transaction boundary interval' })
    .define({ name: 'offsets.storage.topic', type: ConfigType.STRING, defaultValue: null, importance: Importance.LOW, documentation: 'Connector-specific offsets topic (distributed mode).', group: 'Offsets Topic', orderInGroup: 1, width: Width.LONG, displayName: 'Offsets topic' })
}

/** Per-alias keys for transforms and predicates (type, predicate, negate), Kafka's "enriched" definition. */
export function enrichTransforms (def: ConfigDef, transforms: string[], predicates: string[]): ConfigDef {
  let order = 2
  for (const a of transforms) {
    def.define({ name: `transforms.${a}.type`, type: ConfigType.CLASS, importance: Importance.HIGH, documentation: 'Class for the transformation.', group: `Transforms: ${a}`, orderInGroup: order++, width: Width.LONG, displayName: 'Transformation type for ' + a })
    def.define({ name: `transforms.${a}.predicate`, type: ConfigType.STRING, defaultValue: null, importance: Importance.MEDIUM, documentation: 'Alias of the predicate gating this transformation.', group: `Transforms: ${a}`, orderInGroup: order++, width: Width.LONG, displayName: 'Predicate' })
    def.define({ name: `transforms.${a}.negate`, type: ConfigType.BOOLEAN, defaultValue: false, importance: Importance.MEDIUM, documentation: 'Apply the transformation when the predicate is false instead.', group: `Transforms: ${a}`, orderInGroup: order++, width: Width.SHORT, displayName: 'Negate' })
  }
  order = 2
  for (const p of predicates) {
    def.define({ name: `predicates.${p}.type`, type: ConfigType.CLASS, importance: Importance.HIGH, documentation: 'Class for the predicate.', group: `Predicates: ${p}`, orderInGroup: order++, width: Width.LONG, displayName: 'Predicate type for ' + p })
  }
  return def
}

export const GROUPS_BASE = [COMMON, TRANSFORMS, PREDICATES, ERRORS]
