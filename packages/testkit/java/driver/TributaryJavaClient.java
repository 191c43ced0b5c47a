// The Apache Kafka Java client (kafka-clients), driven from tests through a command line.
// Compiled by packages/testkit/src/java-client.ts; one command per run, JSON lines on stdout.
//
// Records to produce come on stdin, one a line: KEY VALUE [HKEY:HVALUE ...], every field base64,
// "-" for null. Records consumed are printed as JSON lines with UTF-8 strings.
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.BufferedOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

public final class TributaryJavaClient {
  private static final PrintStream OUT = new PrintStream(new BufferedOutputStream(System.out, 1 << 16), false, StandardCharsets.UTF_8);

  public static void main(String[] argv) throws Exception {
    if (argv.length == 0) throw new IllegalArgumentException("usage: TributaryJavaClient COMMAND --option value ...");
    Map<String, String> opts = new HashMap<>();
    List<String> configs = new ArrayList<>();
    for (int i = 1; i < argv.length; i += 2) {
      if (!argv[i].startsWith("--") || i + 1 >= argv.length) throw new IllegalArgumentException("bad option " + argv[i]);
      if (argv[i].equals("--config")) configs.add(argv[i + 1]);
      else opts.put(argv[i].substring(2), argv[i + 1]);
    }
    try {
      switch (argv[0]) {
        case "create-topic" -> createTopic(opts, configs);
        case "describe-topic" -> describeTopic(opts);
        case "produce" -> produce(opts, configs);
        case "consume" -> consume(opts, configs);
        case "fence" -> fence(opts);
        case "committed" -> committed(opts);
        default -> throw new IllegalArgumentException("unknown command " + argv[0]);
      }
    } finally {
      OUT.flush();
    }
  }

  private static String need(Map<String, String> opts, String key) {
    String value = opts.get(key);
    if (value == null) throw new IllegalArgumentException("missing --" + key);
    return value;
  }

  private static Properties base(Map<String, String> opts, List<String> configs) {
    Properties props = new Properties();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, need(opts, "bootstrap"));
    for (String config : configs) {
      int eq = config.indexOf('=');
      props.put(config.substring(0, eq), config.substring(eq + 1));
    }
    return props;
  }

  private static void createTopic(Map<String, String> opts, List<String> configs) throws Exception {
    Properties props = base(opts, List.of());
    Map<String, String> topicConfigs = new HashMap<>();
    for (String config : configs) {
      int eq = config.indexOf('=');
      topicConfigs.put(config.substring(0, eq), config.substring(eq + 1));
    }
    try (Admin admin = Admin.create(props)) {
      NewTopic topic = new NewTopic(need(opts, "topic"), Integer.parseInt(opts.getOrDefault("partitions", "1")), (short) 1).configs(topicConfigs);
      admin.createTopics(List.of(topic)).all().get();
      OUT.println("{\"created\":" + json(topic.name()) + "}");
    }
  }

  private static void describeTopic(Map<String, String> opts) throws Exception {
    try (Admin admin = Admin.create(base(opts, List.of()))) {
      String name = need(opts, "topic");
      TopicDescription description = admin.describeTopics(List.of(name)).allTopicNames().get().get(name);
      OUT.println("{\"topic\":" + json(name) + ",\"partitions\":" + description.partitions().size() + "}");
    }
  }

  private static byte[] field(String text) {
    return text.equals("-") ? null : Base64.getDecoder().decode(text);
  }

  private static void produce(Map<String, String> opts, List<String> configs) throws Exception {
    Properties props = base(opts, configs);
    props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    props.put(ProducerConfig.ACKS_CONFIG, opts.getOrDefault("acks", "all"));
    props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, opts.getOrDefault("compression", "none"));
    String txnId = opts.get("transactional-id");
    // Unset means the client's own default (idempotent since Kafka 3.0); transactions need it on.
    if (opts.containsKey("idempotence") || txnId != null) props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, txnId != null ? "true" : opts.get("idempotence"));
    props.put(ProducerConfig.LINGER_MS_CONFIG, opts.getOrDefault("linger-ms", "5"));
    int perTxn = Integer.parseInt(opts.getOrDefault("records-per-txn", "100"));
    int abortEvery = Integer.parseInt(opts.getOrDefault("abort-every", "0"));
    boolean printAcks = opts.getOrDefault("print-acks", "false").equals("true");
    if (txnId != null) props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, txnId);
    String topic = need(opts, "topic");
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8), 1 << 16);
    long sent = 0;
    long committedTxns = 0;
    long abortedTxns = 0;
    AtomicLong acked = new AtomicLong();
    List<Future<RecordMetadata>> txnFutures = new ArrayList<>();
    // --generate N --value-bytes S: synthetic records instead of stdin (benchmarks).
    long generate = Long.parseLong(opts.getOrDefault("generate", "-1"));
    byte[] generatedValue = new byte[Integer.parseInt(opts.getOrDefault("value-bytes", "1024"))];
    java.util.Arrays.fill(generatedValue, (byte) 'x');
    long startedAt = System.nanoTime();
    try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(props)) {
      if (txnId != null) producer.initTransactions();
      startedAt = System.nanoTime();
      String line = null;
      long txnIndex = 0;
      while (generate >= 0 ? sent < generate : (line = in.readLine()) != null) {
        ProducerRecord<byte[], byte[]> record;
        if (generate >= 0) {
          record = new ProducerRecord<>(topic, bytes("k-" + sent), generatedValue);
        } else {
          if (line.isEmpty()) continue;
          String[] parts = line.split(" ");
          record = new ProducerRecord<>(topic, field(parts[0]), field(parts[1]));
          for (int i = 2; i < parts.length; i++) {
            int colon = parts[i].indexOf(':');
            byte[] key = Base64.getDecoder().decode(parts[i].substring(0, colon));
            record.headers().add(new String(key, StandardCharsets.UTF_8), field(parts[i].substring(colon + 1)));
          }
        }
        if (txnId != null && sent % perTxn == 0) producer.beginTransaction();
        final long index = sent;
        Future<RecordMetadata> future = producer.send(record, (metadata, error) -> {
          if (error != null) return;
          acked.incrementAndGet();
          if (printAcks) {
            synchronized (OUT) {
              OUT.println("{\"ack\":" + index + ",\"partition\":" + metadata.partition() + ",\"offset\":" + metadata.offset() + "}");
              OUT.flush();
            }
          }
        });
        sent++;
        if (txnId != null) {
          txnFutures.add(future);
          if (sent % perTxn == 0) {
            txnIndex++;
            if (abortEvery > 0 && txnIndex % abortEvery == 0) {
              producer.flush();
              producer.abortTransaction();
              abortedTxns++;
            } else {
              producer.commitTransaction();
              committedTxns++;
            }
            txnFutures.clear();
          }
        } else if (!printAcks) {
          // Surface a failed send as a failed run instead of a silently short topic.
          txnFutures.add(future);
          if (txnFutures.size() >= 10_000) { for (Future<RecordMetadata> f : txnFutures) f.get(); txnFutures.clear(); }
        }
      }
      if (txnId != null && sent % perTxn != 0) {
        producer.commitTransaction();
        committedTxns++;
      }
      producer.flush();
      if (txnId == null) for (Future<RecordMetadata> f : txnFutures) f.get();
    }
    long elapsedMs = (System.nanoTime() - startedAt) / 1_000_000;
    OUT.println("{\"sent\":" + sent + ",\"acked\":" + acked.get() + ",\"committedTxns\":" + committedTxns + ",\"abortedTxns\":" + abortedTxns + ",\"elapsedMs\":" + elapsedMs + "}");
  }

  private static void consume(Map<String, String> opts, List<String> configs) throws Exception {
    Properties props = base(opts, configs);
    props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, opts.getOrDefault("isolation", "read_uncommitted"));
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    String group = opts.get("group");
    if (group != null) props.put(ConsumerConfig.GROUP_ID_CONFIG, group);
    if (opts.containsKey("instance-id")) props.put(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, opts.get("instance-id"));
    if (opts.containsKey("client-id")) props.put(ConsumerConfig.CLIENT_ID_CONFIG, opts.get("client-id"));
    String topic = need(opts, "topic");
    long expect = Long.parseLong(opts.getOrDefault("expect", "-1"));
    long idleMs = Long.parseLong(opts.getOrDefault("idle-ms", "0"));
    long deadline = System.currentTimeMillis() + Long.parseLong(opts.getOrDefault("timeout-ms", "120000"));
    boolean print = !opts.getOrDefault("print", "records").equals("count");
    AtomicBoolean stopping = new AtomicBoolean(false);
    CountDownLatch done = new CountDownLatch(1);
    KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props);
    // SIGTERM: wake the poll loop so the consumer closes cleanly (LeaveGroup) before exit.
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      stopping.set(true);
      try { consumer.wakeup(); done.await(); } catch (RuntimeException | InterruptedException ignored) { }
    }));
    long count = 0;
    long bytes = 0;
    long firstRecordMs = 0;
    long lastRecordMs = 0;
    try {
      Map<TopicPartition, Long> ends = null;
      if (group == null) {
        List<TopicPartition> partitions = new ArrayList<>();
        consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        if (expect < 0) ends = consumer.endOffsets(partitions);
      } else {
        consumer.subscribe(List.of(topic), new ConsumerRebalanceListener() {
          public void onPartitionsRevoked(Collection<TopicPartition> partitions) { event("revoked", partitions); }
          public void onPartitionsAssigned(Collection<TopicPartition> partitions) { event("assigned", partitions); }
        });
      }
      long lastRecordAt = System.currentTimeMillis();
      while (!stopping.get() && System.currentTimeMillis() < deadline) {
        if (expect >= 0 && count >= expect) break;
        if (ends != null && reachedEnd(consumer, ends)) break;
        if (idleMs > 0 && System.currentTimeMillis() - lastRecordAt > idleMs) break;
        ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(200));
        if (records.isEmpty()) continue;
        lastRecordAt = System.currentTimeMillis();
        if (firstRecordMs == 0) firstRecordMs = lastRecordAt;
        lastRecordMs = lastRecordAt;
        for (ConsumerRecord<byte[], byte[]> record : records) {
          count++;
          bytes += (record.key() == null ? 0 : record.key().length) + (record.value() == null ? 0 : record.value().length);
          if (print) OUT.println(recordJson(record));
        }
        OUT.flush();
        if (group != null) consumer.commitSync();
        if (group != null && print) { OUT.println("{\"event\":\"committed\",\"count\":" + count + "}"); OUT.flush(); }
      }
    } catch (WakeupException ignored) {
      // shutting down
    } finally {
      consumer.close();
      OUT.println("{\"consumed\":" + count + ",\"bytes\":" + bytes + ",\"firstRecordMs\":" + firstRecordMs + ",\"lastRecordMs\":" + lastRecordMs + "}");
      OUT.flush();
      done.countDown();
    }
  }

  private static boolean reachedEnd(KafkaConsumer<byte[], byte[]> consumer, Map<TopicPartition, Long> ends) {
    for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
      if (consumer.position(end.getKey()) < end.getValue()) return false;
    }
    return true;
  }

  private static void event(String name, Collection<TopicPartition> partitions) {
    StringBuilder out = new StringBuilder("{\"event\":\"" + name + "\",\"partitions\":[");
    int i = 0;
    for (TopicPartition partition : partitions) out.append(i++ == 0 ? "" : ",").append(partition.partition());
    synchronized (OUT) { OUT.println(out.append("]}")); OUT.flush(); }
  }

  // A zombie and its successor: the second producer's initTransactions must fence the first.
  private static void fence(Map<String, String> opts) throws Exception {
    Properties props = base(opts, List.of());
    props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, need(opts, "transactional-id"));
    String topic = need(opts, "topic");
    KafkaProducer<byte[], byte[]> first = new KafkaProducer<>(props);
    first.initTransactions();
    first.beginTransaction();
    first.send(new ProducerRecord<>(topic, bytes("zombie"), bytes("from-first"))).get();
    KafkaProducer<byte[], byte[]> second = new KafkaProducer<>(props);
    second.initTransactions();
    String firstError = "none";
    String firstErrorAt = "send";
    try {
      first.send(new ProducerRecord<>(topic, bytes("zombie"), bytes("from-first-after-fence"))).get();
      firstErrorAt = "commit";
      first.commitTransaction();
    } catch (Exception error) {
      Throwable cause = error.getCause() != null && error instanceof java.util.concurrent.ExecutionException ? error.getCause() : error;
      firstError = cause.getClass().getSimpleName();
    }
    first.close(Duration.ofSeconds(5));
    second.beginTransaction();
    second.send(new ProducerRecord<>(topic, bytes("successor"), bytes("from-second"))).get();
    second.commitTransaction();
    second.close();
    OUT.println("{\"firstError\":" + json(firstError) + ",\"firstErrorAt\":" + json(firstErrorAt) + ",\"secondCommitted\":true}");
  }

  private static void committed(Map<String, String> opts) throws Exception {
    try (Admin admin = Admin.create(base(opts, List.of()))) {
      Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(need(opts, "group")).partitionsToOffsetAndMetadata().get();
      StringBuilder out = new StringBuilder("{");
      int i = 0;
      for (Map.Entry<TopicPartition, OffsetAndMetadata> entry : offsets.entrySet()) {
        if (entry.getValue() == null) continue;
        out.append(i++ == 0 ? "" : ",").append(json(entry.getKey().topic() + "/" + entry.getKey().partition())).append(':').append(entry.getValue().offset());
      }
      OUT.println(out.append('}'));
    }
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static String recordJson(ConsumerRecord<byte[], byte[]> record) {
    StringBuilder out = new StringBuilder(256);
    out.append("{\"partition\":").append(record.partition())
      .append(",\"offset\":").append(record.offset())
      .append(",\"timestamp\":").append(record.timestamp())
      .append(",\"key\":").append(json(record.key()))
      .append(",\"value\":").append(json(record.value()))
      .append(",\"headers\":[");
    int i = 0;
    for (Header header : record.headers()) {
      out.append(i++ == 0 ? "[" : ",[").append(json(header.key())).append(',').append(json(header.value())).append(']');
    }
    return out.append("]}").toString();
  }

  private static String json(byte[] value) {
    return value == null ? "null" : json(new String(value, StandardCharsets.UTF_8));
  }

  private static String json(String value) {
    if (value == null) return "null";
    StringBuilder out = new StringBuilder(value.length() + 2).append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) out.append(String.format("\\u%04x", (int) c));
          else out.append(c);
        }
      }
    }
    return out.append('"').toString();
  }
}
