// DescribeLogDirs (key 35), v1–4 (Kafka 4's range). One log dir: the data directory, with the
// on-disk size of every partition (or of the requested ones; null topics = all), offset lag 0
// (no replicas) and, v4, the file system's total and usable bytes.

import { statfs } from 'node:fs/promises'
import type { DescribeLogDirsRequest, DescribeLogDirsResponse } from '@tributary/protocol'
import type { ApiHandler } from '../handler.ts'

export const describeLogDirsHandler: ApiHandler<DescribeLogDirsRequest, DescribeLogDirsResponse> = {
  apiKey: 35,
  name: 'DescribeLogDirs',
  minVersion: 1,
  maxVersion: 4,
  async handle (req, ctx) {
    const registry = ctx.broker.topics
    const wanted = req.topics === null
      ? registry.list().map((t) => ({ topic: t.name, partitions: t.partitions.map((_, i) => i) }))
      : req.topics
    const topics = wanted.flatMap((w) => {
      const topic = registry.get(w.topic)
      if (topic === undefined) return []
      const partitions = w.partitions.flatMap((partitionIndex) => {
        const log = topic.partitions[partitionIndex]
        return log === undefined ? [] : [{ partitionIndex, partitionSize: log.size(), offsetLag: 0, isFutureKey: false }]
      })
      return partitions.length === 0 ? [] : [{ name: topic.name, partitions }]
    })
    let totalBytes = -1
    let usableBytes = -1
    try {
      const fs = await statfs(ctx.broker.dataDir)
      totalBytes = fs.blocks * fs.bsize
      usableBytes = fs.bavail * fs.bsize
    } catch (err) {
      ctx.broker.logger.debug({ err }, 'statfs of the data dir failed')
    }
    return { throttleTimeMs: 0, errorCode: 0, results: [{ errorCode: 0, logDir: ctx.broker.dataDir, topics, totalBytes, usableBytes }] }
  },
}
