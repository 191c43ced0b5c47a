// ApiVersions (key 18), v0–4. Lists every handler in the registry with its advertised range;
// no supported/finalized features (keeps Java and franz-go on classic TV1 transactions).
// A version above 4 is answered by the server in the v0 format with UNSUPPORTED_VERSION (KIP-511).
// Response header v0 even for flexible versions is the codec's job.

import type { ApiHandler } from '../handler.ts'
import { apiVersionsBody } from './index.ts'

export const apiVersionsHandler: ApiHandler = {
  apiKey: 18,
  name: 'ApiVersions',
  minVersion: 0,
  maxVersion: 4,
  handle () {
    return { ...apiVersionsBody(), throttleTimeMs: 0, finalizedFeaturesEpoch: -1, zkMigrationReady: false }
  },
}
