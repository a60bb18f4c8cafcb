package org.luoshi.platform.http;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Set;

/**
 * A JSON array holding null ({@code "assignments": [null]}) is refused as it is read: no list in the contracts has a
 * nullable element, and a null element reached the services' code as a NullPointerException, a 500. Maps are left
 * alone: their values may be null.
 */
@Singleton
public class NoNullElements implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.configOverride(List.class).setSetterInfo(JsonSetter.Value.forContentNulls(Nulls.FAIL));
        mapper.configOverride(Set.class).setSetterInfo(JsonSetter.Value.forContentNulls(Nulls.FAIL));
    }
}
