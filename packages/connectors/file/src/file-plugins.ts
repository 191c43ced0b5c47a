// Plugin descriptors for the runtime's registry: Kafka's class names; the registry adds the
// simple-name and minus-"Connector" aliases (FileStreamSourceConnector, FileStreamSource).
import { PluginType, type Connector, type PluginDescriptor } from '@tributary/connect-api'
import { FileStreamSinkConnector, fileStreamSinkConfigDef } from './file-stream-sink-connector.ts'
import { FileStreamSourceConnector, fileStreamSourceConfigDef } from './file-stream-source-connector.ts'
import { FILE_CONNECTORS_VERSION } from './version.ts'

export const fileConnectorPlugins: ReadonlyArray<PluginDescriptor<Connector>> = [
  {
    className: FileStreamSourceConnector.CLASS_NAME,
    aliases: ['FileStreamSourceConnector', 'FileStreamSource'],
    type: PluginType.SOURCE,
    version: FILE_CONNECTORS_VERSION,
    create: () => new FileStreamSourceConnector(),
    config: fileStreamSourceConfigDef,
  },
  {
    className: FileStreamSinkConnector.CLASS_NAME,
    aliases: ['FileStreamSinkConnector', 'FileStreamSink'],
    type: PluginType.SINK,
    version: FILE_CONNECTORS_VERSION,
    create: () => new FileStreamSinkConnector(),
    config: fileStreamSinkConfigDef,
  },
]
