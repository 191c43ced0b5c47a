// Reads the topic list out of a "consumer" protocol member's metadata
// (ConsumerProtocolSubscription: int16 version, then [int16-length string] topics; never
// flexible-encoded). OffsetDelete needs it to refuse deleting offsets of subscribed topics.

export function subscribedTopics (metadata: Buffer): string[] {
  try {
    let pos = 2
    const count = metadata.readInt32BE(pos)
    pos += 4
    const topics: string[] = []
    for (let i = 0; i < count; i++) {
      const length = metadata.readInt16BE(pos)
      pos += 2
      topics.push(metadata.toString('utf8', pos, pos + length))
      pos += length
    }
    return topics
  } catch {
    return [] // unreadable metadata subscribes to nothing we can name
  }
}
