package org.luoshi.task.importing;

import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Parses a small built-in document (importing/warm-up.txt: traditional characters, a mojibake run, pinyin, a table and
 * numbered prose) while the service starts, then stores it in a transaction that is rolled back
 * ({@link ImportService#rehearse}), so that the first import does not wait seconds for what every import needs once:
 * the OpenCC dictionaries, the GBK tables of the mojibake repair, the parser's classes, the queries, serializers and
 * statements of storing. {@code luoshi.import.warm-up=false} turns it off.
 */
@ApplicationScoped
class ParserWarmUp {

    private static final Duration REHEARSAL_LIMIT = Duration.ofSeconds(30);
    /**
     * Parses of the sample: the first loads what the parser needs, the next ones have its busiest code (the mojibake
     * repair's search, the cleaning and splitting) compiled rather than interpreted in the first import.
     */
    private static final int PARSE_ROUNDS = 20;

    private final boolean enabled;
    private final ImportService imports;

    ParserWarmUp(@ConfigProperty(name = "luoshi.import.warm-up", defaultValue = "true") boolean enabled, ImportService imports) {
        this.enabled = enabled;
        this.imports = imports;
    }

    void onStart(@Observes StartupEvent event) {
        if (!enabled) {
            return;
        }
        long started = System.nanoTime();
        try (InputStream sample = ParserWarmUp.class.getResourceAsStream("/importing/warm-up.txt")) {
            byte[] content = sample.readAllBytes();
            ParsedDocument parsed = PolicyDocumentParser.parse("warm-up.txt", content);
            for (int round = 1; round < PARSE_ROUNDS; round++) {
                PolicyDocumentParser.parse("warm-up.txt", content);
            }
            Log.debugf("parser warmed up in %.0f ms (%d sample tasks, %d times)",
                    (Object) ((System.nanoTime() - started) / 1e6), parsed.tasks().size(), PARSE_ROUNDS);
            long rehearsed = System.nanoTime();
            // bounded: a database that accepts connections but does not answer must not keep the service from starting
            VertxContextSupport.subscribeAndAwait(() -> imports.rehearse(parsed).ifNoItem().after(REHEARSAL_LIMIT).fail());
            Log.debugf("import stored and rolled back in %.0f ms", (System.nanoTime() - rehearsed) / 1e6);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Error e) {
            throw e;
        } catch (Throwable e) {
            // a slower first import, not a reason to refuse to start
            Log.warnf(e, "import warm-up failed");
        }
    }
}
