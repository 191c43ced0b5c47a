// ApiVersions (key 18), v0–4. Lists every handler in the registry with its advertised range;
// no supported/finalized features (keeps Java and franz-go on classic TV1 transactions).
// v3+ client software name/version must match Kafka's pattern, else INVALID_REQUEST with no
// keys (as Kafka answers). A version above 4 is answered by the server in the v0 format with
// UNSUPPORTED_VERSION (KIP-511). Response header v0 even for flexible versions is the codec's job.

import { ErrorCode } from '@tributary/protocol'
import type { ApiVersionsRequest, ApiVersionsResponse } from '@tributary/protocol'
import type { ApiHandler } from '../handler.ts'
import { apiVersionsBody } from './index.ts'

const SOFTWARE = /^[a-zA-Z0-9](?:[a-zA-Z0-9\-.]*[a-zA-Z0-9])?$/

export const apiVersionsHandler: ApiHandler<ApiVersionsRequest, ApiVersionsResponse> = {
  apiKey: 18,
  name: 'ApiVersions',
  minVersion: 0,
  maxVersion: 4,
  handle (req, ctx) {
    const base = { throttleTimeMs: 0, finalizedFeaturesEpoch: -1, zkMigrationReady: false }
    if (ctx.apiVersion >= 3 && !(SOFTWARE.test(req.clientSoftwareName) && SOFTWARE.test(req.clientSoftwareVersion))) {
      return { ...base, errorCode: ErrorCode.INVALID_REQUEST, apiKeys: [] }
    }
    return { ...base, ...apiVersionsBody() }
  },
}
