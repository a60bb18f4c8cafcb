package org.luoshi.task.importing;

import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Parses a small built-in document (importing/warm-up.txt: traditional characters, a mojibake run, pinyin, a table and
 * numbered prose) while the service starts, so that the first import does not wait seconds for what every import
 * needs once: the OpenCC dictionaries, the GBK tables of the mojibake repair, the parser's classes.
 */
@ApplicationScoped
class ParserWarmUp {

    private final boolean enabled;

    ParserWarmUp(@ConfigProperty(name = "luoshi.import.warm-up", defaultValue = "true") boolean enabled) {
        this.enabled = enabled;
    }

    void onStart(@Observes StartupEvent event) {
        if (!enabled) {
            return;
        }
        long started = System.nanoTime();
        try (InputStream sample = ParserWarmUp.class.getResourceAsStream("/importing/warm-up.txt")) {
            byte[] content = sample.readAllBytes();
            Integer tasks = PolicyDocumentParser.parse("warm-up.txt", content).tasks().size();
            Log.debugf("parser warmed up in %.0f ms (%d sample tasks)", (Object) ((System.nanoTime() - started) / 1e6), tasks);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            // a slower first import, not a reason to refuse to start
            Log.warnf(e, "parser warm-up failed");
        }
    }
}
