package org.luoshi.platform.sql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import io.smallrye.mutiny.Uni;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * Many rows into one table with one statement, in the caller's transaction: the rows travel as one JSON array and
 * PostgreSQL expands it ({@code jsonb_to_recordset}) in the order they were added. For bulk writes such as an import,
 * where one INSERT per row through the ORM costs far more than the rows themselves; the statement text is the same for
 * any number of rows, so it is prepared once per connection.
 */
public final class BulkInsert {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String table;
    private final List<String> names;
    private final List<String> definitions;
    private final String sql;

    private BulkInsert(String table, List<String> names, List<String> definitions, String conflict) {
        this.table = table;
        this.names = names;
        this.definitions = definitions;
        String columns = String.join(", ", names);
        // the parameter is typed text: for a parameter typed jsonb the reactive client sends a String as a JSON string
        this.sql = "insert into " + table + " (" + columns + ") select " + columns
                + " from rows from (jsonb_to_recordset(cast(cast(?1 as text) as jsonb)) as (" + String.join(", ", definitions)
                + ")) with ordinality as r(" + columns + ", row_order) order by row_order" + conflict;
    }

    /** @param columns each as {@code "name type"}, the type PostgreSQL reads the JSON value as: {@code "due_date date"} */
    public static BulkInsert into(String table, String... columns) {
        List<String> definitions = Arrays.asList(columns);
        List<String> names = definitions.stream().map(c -> c.strip().split("\\s+", 2)[0]).toList();
        if (definitions.stream().anyMatch(c -> c.strip().split("\\s+").length < 2)) {
            throw new IllegalArgumentException("every column of " + table + " needs its type: " + definitions);
        }
        return new BulkInsert(table, names, definitions, "");
    }

    /**
     * The same insert with an {@code on conflict} action, such as {@code "(id) do update set n = excluded.n"}. The rows
     * of one statement must not conflict with each other when the action is an update (PostgreSQL refuses to change a
     * row twice in one command).
     */
    public BulkInsert onConflict(String action) {
        return new BulkInsert(table, names, definitions, " on conflict " + action);
    }

    public Rows rows() {
        return new Rows();
    }

    /** JSON text stored as it is in a {@code jsonb} column (not as a JSON string). */
    public record JsonText(String json) {
    }

    /** The rows of one statement. */
    public final class Rows {

        private final ArrayNode rows = JsonNodeFactory.instance.arrayNode();

        /** One row: a value per column, in the order the columns were declared. */
        public Rows add(Object... values) {
            if (values.length != names.size()) {
                throw new IllegalArgumentException(values.length + " values for the columns " + names);
            }
            ObjectNode row = rows.addObject();
            for (int i = 0; i < values.length; i++) {
                put(row, names.get(i), values[i]);
            }
            return this;
        }

        /** @return the number of rows inserted */
        public Uni<Integer> insert(Mutiny.Session session) {
            if (rows.isEmpty()) {
                return Uni.createFrom().item(0);
            }
            return session.createNativeQuery(sql).setParameter(1, parameter()).executeUpdate();
        }

        /** @return the {@code column} of each row inserted or updated (none for a row the conflict action skipped) */
        public <T> Uni<List<T>> insertReturning(Mutiny.Session session, String column, Class<T> type) {
            if (rows.isEmpty()) {
                return Uni.createFrom().item(List.of());
            }
            return session.createNativeQuery(sql + " returning " + column, type).setParameter(1, parameter()).getResultList();
        }

        private String parameter() {
            try {
                return JSON.writeValueAsString(rows);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static void put(ObjectNode row, String name, Object value) {
        if (value == null) {
            row.putNull(name);
        } else if (value instanceof String s) {
            row.put(name, s);
        } else if (value instanceof JsonText j) {
            row.putRawValue(name, new RawValue(j.json()));
        } else if (value instanceof JsonNode n) {
            row.set(name, n);
        } else if (value instanceof Integer i) {
            row.put(name, i);
        } else if (value instanceof Long l) {
            row.put(name, l);
        } else if (value instanceof BigDecimal d) {
            row.put(name, d);
        } else if (value instanceof Boolean b) {
            row.put(name, b);
        } else if (value instanceof Enum<?> e) {
            row.put(name, e.name()); // as @Enumerated(EnumType.STRING) stores it
        } else if (value instanceof UUID || value instanceof OffsetDateTime || value instanceof LocalDate) {
            row.put(name, value.toString()); // ISO 8601, as PostgreSQL reads it
        } else {
            throw new IllegalArgumentException("no JSON form for " + name + ": " + value.getClass());
        }
    }
}
