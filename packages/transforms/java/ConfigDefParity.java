// Test oracle for ConfigDef itself: one fixed definition with a key of each type and each stock
// validator; for every line of props (a JSON object) prints, per key, the parsed value as REST
// renders it (ConfigDef.convertToString) and the validation errors. Used by src/config-def-parity.test.ts.
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigValue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

public class ConfigDefParity {
    static ConfigDef definition() {
        return new ConfigDef()
            .define("b", Type.BOOLEAN, false, Importance.LOW, "")
            .define("s", Type.STRING, "x", Importance.LOW, "")
            .define("i", Type.INT, 1, ConfigDef.Range.atLeast(0), Importance.LOW, "")
            .define("sh", Type.SHORT, (short) 1, Importance.LOW, "")
            .define("l", Type.LONG, 1L, Importance.LOW, "")
            .define("d", Type.DOUBLE, 1.0, Importance.LOW, "")
            .define("li", Type.LIST, "", Importance.LOW, "")
            .define("p", Type.PASSWORD, null, Importance.LOW, "")
            .define("r", Type.STRING, ConfigDef.NO_DEFAULT_VALUE, new ConfigDef.NonEmptyString(), Importance.HIGH, "")
            .define("vs", Type.STRING, "a", ConfigDef.ValidString.in("a", "b"), Importance.LOW, "")
            .define("ci", Type.STRING, "A", ConfigDef.CaseInsensitiveValidString.in("A", "B"), Importance.LOW, "")
            .define("vl", Type.LIST, "a", ConfigDef.ValidList.in("a", "b"), Importance.LOW, "")
            .define("rb", Type.INT, 5, ConfigDef.Range.between(1, 10), Importance.LOW, "")
            .define("nc", Type.STRING, "n", new ConfigDef.NonEmptyStringWithoutControlChars(), Importance.LOW, "")
            .define("ri", Type.INT, ConfigDef.NO_DEFAULT_VALUE, ConfigDef.Range.atLeast(1), Importance.HIGH, "");
    }

    public static void main(String[] args) throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        ConfigDef def = definition();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null) {
            if (line.isBlank()) continue;
            Map<String, String> props = new HashMap<>();
            Iterator<Map.Entry<String, JsonNode>> it = mapper.readTree(line).fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                props.put(e.getKey(), e.getValue().asText());
            }
            ObjectNode out = mapper.createObjectNode();
            for (ConfigValue v : def.validate(props)) {
                ObjectNode key = out.putObject(v.name());
                Type type = def.configKeys().get(v.name()).type;
                key.put("value", v.value() == null ? null : ConfigDef.convertToString(v.value(), type));
                ArrayNode errors = key.putArray("errors");
                for (String m : v.errorMessages()) errors.add(m);
            }
            System.out.println(mapper.writeValueAsString(out));
        }
    }
}
