// Test oracle: runs real Apache Kafka Connect (JsonConverter + SMTs + predicates) over cases read
// from stdin, one JSON object per line, and prints what Kafka produced, one JSON object per line.
// Used by src/kafka-parity.test.ts to compare Tributary's output with Kafka's byte for byte.
//
// Case:   {"config": {transforms/predicates props}, "converter": {JsonConverter props}, "source": bool,
//          "topic", "partition", "offset", "timestamp", "key": envelope|null, "value": envelope|null,
//          "headers": [[name, text], ...]}
// Result: {"topic", "key", "value", "headers": [[name, text], ...]} | {"dropped": true} | {"error": "Class: message"}
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.header.ConnectHeaders;
import org.apache.kafka.connect.header.Header;
import org.apache.kafka.connect.json.JsonConverter;
import org.apache.kafka.connect.connector.ConnectRecord;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.storage.SimpleHeaderConverter;
import org.apache.kafka.connect.transforms.Transformation;
import org.apache.kafka.connect.transforms.predicates.Predicate;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

public class ConnectParity {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    public static void main(String[] args) throws Exception {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null) {
            if (line.isBlank()) continue;
            ObjectNode out = MAPPER.createObjectNode();
            try {
                runCase(MAPPER.readTree(line), out);
            } catch (Throwable t) {
                out.removeAll();
                out.put("error", t.getClass().getName() + ": " + t.getMessage());
            }
            System.out.println(MAPPER.writeValueAsString(out));
            System.out.flush();
        }
    }

    private static Map<String, String> strings(JsonNode node) {
        Map<String, String> map = new HashMap<>();
        if (node == null) return map;
        Iterator<Map.Entry<String, JsonNode>> it = node.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            map.put(e.getKey(), e.getValue().asText());
        }
        return map;
    }

    private static Map<String, String> withPrefix(Map<String, String> all, String prefix) {
        Map<String, String> out = new HashMap<>();
        for (Map.Entry<String, String> e : all.entrySet()) {
            if (e.getKey().startsWith(prefix)) out.put(e.getKey().substring(prefix.length()), e.getValue());
        }
        return out;
    }

    private static List<String> list(String value) {
        List<String> out = new ArrayList<>();
        if (value == null || value.isBlank()) return out;
        for (String s : value.split(",")) out.add(s.trim());
        return out;
    }

    private static byte[] bytes(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText().getBytes(StandardCharsets.UTF_8);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void runCase(JsonNode c, ObjectNode out) throws Exception {
        Map<String, String> converterProps = strings(c.get("converter"));
        JsonConverter keyConverter = new JsonConverter();
        keyConverter.configure(converterProps, true);
        JsonConverter valueConverter = new JsonConverter();
        valueConverter.configure(converterProps, false);
        SimpleHeaderConverter headerConverter = new SimpleHeaderConverter();
        headerConverter.configure(new HashMap<>());

        String topic = c.get("topic").asText();
        SchemaAndValue key = keyConverter.toConnectData(topic, bytes(c.get("key")));
        SchemaAndValue value = valueConverter.toConnectData(topic, bytes(c.get("value")));
        ConnectHeaders headers = new ConnectHeaders();
        if (c.has("headers")) {
            for (JsonNode h : c.get("headers")) {
                String name = h.get(0).asText();
                SchemaAndValue hv = headerConverter.toConnectHeader(topic, name, bytes(h.get(1)));
                headers.add(name, hv);
            }
        }
        Long timestamp = c.get("timestamp").isNull() ? null : c.get("timestamp").asLong();
        ConnectRecord record = c.path("source").asBoolean(false)
            ? new SourceRecord(Map.of("file", "f"), Map.of("position", 1L), topic, c.get("partition").asInt(), key.schema(), key.value(), value.schema(), value.value(), timestamp, headers)
            : new SinkRecord(topic, c.get("partition").asInt(), key.schema(), key.value(), value.schema(), value.value(),
                c.get("offset").asLong(), timestamp, TimestampType.CREATE_TIME, headers);

        Map<String, String> config = strings(c.get("config"));
        Map<String, Predicate> predicates = new HashMap<>();
        for (String alias : list(config.get("predicates"))) {
            Predicate p = (Predicate) Class.forName(config.get("predicates." + alias + ".type")).getDeclaredConstructor().newInstance();
            Map<String, String> props = withPrefix(config, "predicates." + alias + ".");
            props.remove("type");
            p.configure(props);
            predicates.put(alias, p);
        }
        for (String alias : list(config.get("transforms"))) {
            Map<String, String> props = withPrefix(config, "transforms." + alias + ".");
            Transformation t = (Transformation) Class.forName(props.remove("type")).getDeclaredConstructor().newInstance();
            String predicate = props.remove("predicate");
            boolean negate = Boolean.parseBoolean(props.remove("negate"));
            t.configure(props);
            if (predicate != null && predicates.get(predicate).test(record) == negate) continue;
            record = (ConnectRecord) t.apply(record);
            if (record == null) {
                out.put("dropped", true);
                return;
            }
        }

        out.put("topic", record.topic());
        byte[] k = keyConverter.fromConnectData(record.topic(), record.keySchema(), record.key());
        byte[] v = valueConverter.fromConnectData(record.topic(), record.valueSchema(), record.value());
        out.put("key", k == null ? null : new String(k, StandardCharsets.UTF_8));
        out.put("value", v == null ? null : new String(v, StandardCharsets.UTF_8));
        ArrayNode hs = out.putArray("headers");
        for (Header h : record.headers()) {
            byte[] hb = headerConverter.fromConnectHeader(record.topic(), h.key(), h.schema(), h.value());
            ArrayNode pair = hs.addArray();
            pair.add(h.key());
            pair.add(hb == null ? null : new String(hb, StandardCharsets.UTF_8));
        }
    }
}
