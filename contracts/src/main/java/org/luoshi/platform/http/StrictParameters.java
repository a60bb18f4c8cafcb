package org.luoshi.platform.http;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Boolean query and header parameters are {@code true} or {@code false}: the default conversion
 * ({@link Boolean#valueOf}) reads any other word, {@code dryRun=yes} or {@code keyTask=1}, as false and answers as if
 * the caller had asked for that.
 */
@Provider
public class StrictBooleans implements ParamConverterProvider {

    /** A boolean parameter whose value is neither true nor false: answered 400, naming the parameter. */
    public static class InvalidParameterException extends BadRequestException {
        private final String value;

        public InvalidParameterException(String value) {
            super("'" + value + "' is not true or false");
            this.value = value;
        }

        /**
         * The problem's detail: the converter is not told the parameter's name, so it is found among the request's
         * query parameters by its value (several when they share it: "parameter keyTask or q").
         */
        public String detail(UriInfo uri) {
            String names = uri.getQueryParameters().entrySet().stream()
                    .filter(p -> p.getValue().contains(value)).map(Map.Entry::getKey).sorted().collect(Collectors.joining(" or "));
            return (names.isEmpty() ? "a boolean parameter" : "parameter " + names) + " is '" + value + "': write true or false";
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        if (rawType != Boolean.class && rawType != boolean.class) {
            return null;
        }
        return (ParamConverter<T>) new ParamConverter<Boolean>() {
            @Override
            public Boolean fromString(String value) {
                if (value == null || value.isBlank()) {
                    return null; // ?dryRun= is the parameter left out
                }
                if ("true".equalsIgnoreCase(value.strip())) {
                    return Boolean.TRUE;
                }
                if ("false".equalsIgnoreCase(value.strip())) {
                    return Boolean.FALSE;
                }
                throw new InvalidParameterException(value);
            }

            @Override
            public String toString(Boolean value) {
                return value == null ? null : value.toString();
            }
        };
    }
}
