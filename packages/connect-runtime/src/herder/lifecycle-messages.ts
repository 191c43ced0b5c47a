// Kafka Connect's exact wording for herder answers, in one place.

export const Msg = {
  notFound: (c: string) => `Connector ${c} not found`,
  unknownConnector: (c: string) => `Unknown connector ${c}`,
  unknownConnectorColon: (c: string) => `Unknown connector: ${c}`,
  unknownTask: (c: string, t: number) => `Unknown task: ${c}-${t}`,
  alreadyExists: (c: string) => `Connector ${c} already exists`,
  noStatus: (c: string) => `No status found for connector ${c}`,
  noTaskStatus: (c: string, t: number) => `No status found for task ${c}-${t}`,
  statusNotFound: (c: string) => `Status for connector ${c} not found`,
  notStopped: (c: string) => `Connectors must be in the STOPPED state before their offsets can be modified. This can be done for the specified connector by issuing a 'PUT' request to the '/connectors/${c}/stop' endpoint`,
  altered: (managed: boolean) => managed
    ? 'The offsets for this connector have been altered successfully'
    : 'The Connect framework-managed offsets for this connector have been altered successfully. However, if this connector manages offsets externally, they will need to be manually altered in the system that the connector uses.',
  reset: (managed: boolean) => managed
    ? 'The offsets for this connector have been reset successfully'
    : 'The Connect framework-managed offsets for this connector have been reset successfully. However, if this connector manages offsets externally, they will need to be manually reset in the system that the connector uses.',
} as const
