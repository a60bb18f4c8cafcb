package org.luoshi.agency.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.persistence.AttributeConverter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Small lists kept as JSON text in one column. (Hibernate Reactive's jsonb binding only takes JSON objects, and these
 * lists are always read with their agency.)
 */
public final class JsonColumns {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    private JsonColumns() {
    }

    abstract static class ListConverter<T> implements AttributeConverter<List<T>, String> {

        private final TypeReference<List<T>> type;

        ListConverter(TypeReference<List<T>> type) {
            this.type = type;
        }

        @Override
        public String convertToDatabaseColumn(List<T> values) {
            try {
                return JSON.writeValueAsString(values == null ? List.of() : values);
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException(e);
            }
        }

        @Override
        public List<T> convertToEntityAttribute(String column) {
            try {
                return column == null ? new ArrayList<>() : new ArrayList<>(JSON.readValue(column, type));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("stored JSON list cannot be read", e);
            }
        }
    }

    static final class Names extends ListConverter<Agency.NameEntry> {
        Names() {
            super(new TypeReference<>() { });
        }
    }

    static final class Identifiers extends ListConverter<Agency.IdentifierEntry> {
        Identifiers() {
            super(new TypeReference<>() { });
        }
    }

    public static final class Ids extends ListConverter<UUID> {
        public Ids() {
            super(new TypeReference<>() { });
        }
    }
}
