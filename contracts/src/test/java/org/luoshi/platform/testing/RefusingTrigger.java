package org.luoshi.platform.testing;

import java.sql.SQLException;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The service's database refusing some updates of one table, as a failure in the middle of a transaction would, until
 * closed: {@code try (var refusal = RefusingTrigger.onUpdate("task", "new.stale")) { … }}. The refusal's message is
 * {@code refused by the test}.
 */
public final class RefusingTrigger implements AutoCloseable {

    private final String url;
    private final String table;
    private final String name;

    private RefusingTrigger(String url, String table, String name) {
        this.url = url;
        this.table = table;
        this.name = name;
    }

    /** @param condition a PL/pgSQL condition on {@code new} and {@code old}: the updates it holds for are refused */
    public static RefusingTrigger onUpdate(String table, String condition) throws SQLException {
        String url = ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class);
        String name = "refuse_" + table;
        Sql.execute(url, """
                create or replace function %s() returns trigger language plpgsql as $$
                begin
                  if %s then raise exception 'refused by the test'; end if;
                  return new;
                end $$""".formatted(name, condition),
                "create trigger " + name + " before update on " + table + " for each row execute function " + name + "()");
        return new RefusingTrigger(url, table, name);
    }

    @Override
    public void close() throws SQLException {
        Sql.execute(url, "drop trigger " + name + " on " + table);
    }
}
