// Pre-fetches every Maven artifact the tests and benchmarks use (Kafka broker and perf tools,
// kafka-clients, Kafka Connect) and compiles the Java client driver, so that test time is not
// download time. Run by .ci/run:  node packages/testkit/src/fetch-peers.ts
import { ensurePeerArtifacts, peerSets } from './peer-artifacts.ts'
import { compileJavaClient } from './java-client.ts'

for (const set of peerSets) {
  const started = Date.now()
  const { libDir } = await ensurePeerArtifacts(set)
  console.log(`peer ${set}: ${libDir} (${Date.now() - started} ms)`)
}
const started = Date.now()
const classesDir = await compileJavaClient()
console.log(`java client driver: ${classesDir} (${Date.now() - started} ms)`)
