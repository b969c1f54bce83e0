package io.benchsuite.stats;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import java.util.LinkedHashMap;
import java.util.Map;

/** A record as the raw-result writer sees it: its JSON object as an ordered map of plain JSON values. */
final class JsonMaps {

    private static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new Jdk8Module());

    private JsonMaps() {}

    @SuppressWarnings("unchecked")
    static Map<String, Object> of(Object value) {
        return MAPPER.convertValue(value, LinkedHashMap.class);
    }
}
