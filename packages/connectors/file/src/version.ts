// Reported by GET /connector-plugins, as Kafka reports its bundled file connectors.
export const FILE_CONNECTORS_VERSION = '3.9.0'
