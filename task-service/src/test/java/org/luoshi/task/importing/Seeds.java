package org.luoshi.task.importing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The repository's seed documents (the {@code seeds/} folder at the project root). */
final class Seeds {

    static final String HUNAN_DIVISION_OF_TASKS = "000_7ee7fc4c83a814af.txt";
    static final String HUNAN_TASK_LIST = "001_b7e3cdbe936b95a0.txt";
    static final String PANJIN = "002_e9cd305580c4bbfd.txt";
    static final String LUAN = "003_592ce857e5741a20.txt";
    static final String JILIN = "004_08e53e4f462999ca.txt";

    private Seeds() {
    }

    static Path folder() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path seeds = dir.resolve("seeds");
            if (Files.isRegularFile(seeds.resolve("README.md"))) {
                return seeds;
            }
        }
        throw new IllegalStateException("no seeds/ folder above " + Path.of("").toAbsolutePath());
    }

    static List<String> names() {
        try (Stream<Path> files = Files.list(folder())) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".txt")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] bytes(String name) {
        try {
            return Files.readAllBytes(folder().resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(String name) {
        return new String(bytes(name), java.nio.charset.StandardCharsets.UTF_8);
    }

    static ParsedDocument parse(String name) {
        return PolicyDocumentParser.parse(name, bytes(name));
    }
}
