// Test oracle: for each line {"class": name, "props": {...}} prints Kafka's ConfigDef for that
// plugin class (every key's REST-visible attributes) and ConfigDef.validate(props)'s errors per key.
// Used by src/config-parity.test.ts.
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigValue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

public class ConfigParity {
    public static void main(String[] args) throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null) {
            if (line.isBlank()) continue;
            JsonNode c = mapper.readTree(line);
            ObjectNode out = mapper.createObjectNode();
            try {
                Object plugin = Class.forName(c.get("class").asText()).getDeclaredConstructor().newInstance();
                ConfigDef def = (ConfigDef) plugin.getClass().getMethod("config").invoke(plugin);
                ArrayNode keys = out.putArray("keys");
                for (ConfigDef.ConfigKey k : def.configKeys().values()) {
                    ObjectNode key = keys.addObject();
                    key.put("name", k.name);
                    key.put("type", k.type.name());
                    boolean required = ConfigDef.NO_DEFAULT_VALUE.equals(k.defaultValue);
                    key.put("required", required);
                    key.put("default_value", required ? null : ConfigDef.convertToString(k.defaultValue, k.type));
                    key.put("importance", k.importance.name());
                    key.put("group", k.group);
                    key.put("order", k.orderInGroup);
                    key.put("width", k.width.name());
                    key.put("display_name", k.displayName);
                    ArrayNode deps = key.putArray("dependents");
                    for (String d : k.dependents) deps.add(d);
                }
                Map<String, String> props = new HashMap<>();
                Iterator<Map.Entry<String, JsonNode>> it = c.get("props").fields();
                while (it.hasNext()) {
                    Map.Entry<String, JsonNode> e = it.next();
                    props.put(e.getKey(), e.getValue().asText());
                }
                ObjectNode errors = out.putObject("errors");
                for (ConfigValue v : def.validate(props)) {
                    ArrayNode list = errors.putArray(v.name());
                    for (String m : v.errorMessages()) list.add(m);
                }
            } catch (Throwable t) {
                out.removeAll();
                out.put("error", t.getClass().getName() + ": " + t.getMessage());
            }
            System.out.println(mapper.writeValueAsString(out));
        }
    }
}
