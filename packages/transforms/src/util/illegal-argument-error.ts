// Where Kafka's transform throws java.lang.IllegalArgumentException (e.g. ExtractField on an
// unknown field), so error reports (DLQ headers, traces) name the same class.
export class IllegalArgumentError extends Error {
  readonly kafkaClassName: string = 'java.lang.IllegalArgumentException'
  constructor(message: string) {
    super(message)
    this.name = 'IllegalArgumentError'
  }
}
