// Schema names of Connect's logical types (all version 1).
export const LogicalName = {
  DECIMAL: 'org.apache.kafka.connect.data.Decimal',
  DATE: 'org.apache.kafka.connect.data.Date',
  TIME: 'org.apache.kafka.connect.data.Time',
  TIMESTAMP: 'org.apache.kafka.connect.data.Timestamp',
} as const

/** Decimal's schema parameter holding the scale. */
export const DECIMAL_SCALE_FIELD = 'scale'
