// @tributary/connector-file: Kafka's FileStreamSource / FileStreamSink connectors.
export { FileStreamSourceConnector, fileStreamSourceConfigDef } from './file-stream-source-connector.ts'
export { FileStreamSourceTask } from './file-stream-source-task.ts'
export { FileStreamSinkConnector, fileStreamSinkConfigDef } from './file-stream-sink-connector.ts'
export { FileStreamSinkTask } from './file-stream-sink-task.ts'
export { fileConnectorPlugins } from './file-plugins.ts'
export { javaString } from './java-string.ts'
