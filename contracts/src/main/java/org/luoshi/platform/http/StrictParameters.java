package org.luoshi.platform.http;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Converts query, path and header parameters strictly, and answers a value that does not convert with a problem naming
 * the parameter: 400 for a query parameter, 404 for a path segment (no resource is there). The defaults are wrong for
 * an API: JAX-RS answers a query value that does not convert (health=PURPLE, a malformed id or date, limit=abc) with a bare 404
 * as if the resource were missing, and reads any boolean word but "true" ({@code dryRun=yes}) as false, answering as
 * if the caller had asked for that.
 */
@Provider
public class StrictParameters implements ParamConverterProvider {

    /** A parameter whose value does not convert: answered 400, naming the parameter and what it takes. */
    public static class InvalidParameterException extends BadRequestException {
        private final String value;
        private final String expected;

        public InvalidParameterException(String value, String expected) {
            super("'" + value + "' is not " + expected);
            this.value = value;
            this.expected = expected;
        }

        /** Whether the value is a segment of the path only ({@code /tasks/not-an-id}): then no resource is there, a 404. */
        public boolean inPath(UriInfo uri) {
            return uri.getPathParameters().values().stream().anyMatch(v -> v.contains(value))
                    && uri.getQueryParameters().values().stream().noneMatch(v -> v.contains(value));
        }

        /**
         * The problem's detail: the converter is not told the parameter's name, so it is found among the request's
         * query and path parameters by its value (several when they share it: "parameter keyTask or q").
         */
        public String detail(UriInfo uri) {
            String names = Stream.concat(uri.getQueryParameters().entrySet().stream(), uri.getPathParameters().entrySet().stream())
                    .filter(p -> p.getValue().contains(value)).map(Map.Entry::getKey).distinct().sorted()
                    .collect(Collectors.joining(" or "));
            return (names.isEmpty() ? "a parameter" : "parameter " + names) + " is '" + value + "': expected " + expected;
        }
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        if (rawType == Boolean.class || rawType == boolean.class) {
            return (ParamConverter<T>) new Strict<>("true or false", StrictParameters::bool);
        }
        if (rawType == Integer.class) {
            // without it a limit=abc (or 10.5, or past 2^31) is a bare 404, as if no resource were there
            return (ParamConverter<T>) new Strict<>("a whole number", Integer::valueOf);
        }
        if (rawType == Long.class) {
            return (ParamConverter<T>) new Strict<>("a whole number", Long::valueOf);
        }
        if (rawType == UUID.class) {
            return (ParamConverter<T>) new Strict<>("a UUID", UUID::fromString);
        }
        if (rawType == LocalDate.class) {
            return (ParamConverter<T>) new Strict<>("a date (yyyy-MM-dd)", LocalDate::parse);
        }
        if (rawType == OffsetDateTime.class) {
            return (ParamConverter<T>) new Strict<>("a date-time with offset (2019-01-22T08:00:00Z)", OffsetDateTime::parse);
        }
        if (rawType.isEnum()) {
            return (ParamConverter<T>) enumeration((Class<? extends Enum>) rawType);
        }
        return null;
    }

    private static Boolean bool(String value) {
        if ("true".equalsIgnoreCase(value.strip())) {
            return Boolean.TRUE;
        }
        if ("false".equalsIgnoreCase(value.strip())) {
            return Boolean.FALSE;
        }
        throw new IllegalArgumentException(value);
    }

    /** An enum from the contract: its values are what toString gives (the generated enums write their JSON value). */
    private static <E extends Enum<E>> ParamConverter<E> enumeration(Class<E> type) {
        List<E> constants = Arrays.asList(type.getEnumConstants());
        String names = constants.stream().map(Object::toString).collect(Collectors.joining(", "));
        return new Strict<>("one of " + names, value -> constants.stream()
                .filter(c -> c.toString().equals(value.strip()) || c.name().equals(value.strip()))
                .findFirst().orElseThrow(() -> new IllegalArgumentException(value))) {
            @Override
            public String toString(E value) {
                return value == null ? null : value.toString();
            }
        };
    }

    private static class Strict<T> implements ParamConverter<T> {
        private final String expected;
        private final Function<String, T> parse;

        Strict(String expected, Function<String, T> parse) {
            this.expected = expected;
            this.parse = parse;
        }

        @Override
        public T fromString(String value) {
            if (value == null || value.isBlank()) {
                return null; // ?dryRun= is the parameter left out
            }
            try {
                return parse.apply(value.strip());
            } catch (IllegalArgumentException | DateTimeParseException e) {
                throw new InvalidParameterException(value, expected);
            }
        }

        @Override
        public String toString(T value) {
            return value == null ? null : value.toString();
        }
    }
}
