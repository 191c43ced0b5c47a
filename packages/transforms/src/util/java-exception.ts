// Where Kafka's transform fails with a plain JVM exception (IllegalArgumentException for an unknown
// ExtractField field, NullPointerException in HeaderFrom), so error reports (DLQ headers, traces)
// name the same class and say the same thing.
export class JavaException extends Error {
  readonly kafkaClassName: string
  constructor(javaClassName: string, message: string) {
    super(message)
    this.name = 'JavaException'
    this.kafkaClassName = javaClassName
  }
}
