package org.luoshi.task.importing;

import java.util.Map;
import java.util.TreeMap;
import org.luoshi.platform.text.ChineseText;

/**
 * Prints, per seed, every distinct unit name as written (with its simplified form where it differs), how often it
 * occurs and its kind: the list reference data is written from. Run from the task-service module with the test
 * class path.
 */
public final class PrintSeedUnitNames {

    private PrintSeedUnitNames() {
    }

    public static void main(String[] args) {
        for (String seed : Seeds.names()) {
            ParsedDocument document = Seeds.parse(seed);
            Map<String, Integer> counts = new TreeMap<>();
            Map<String, String> kinds = new TreeMap<>();
            document.tasks().forEach(t -> t.units().forEach(u -> {
                counts.merge(u.rawName(), 1, Integer::sum);
                kinds.put(u.rawName(), u.kind().toString());
            }));
            System.out.printf("%n%s  (%s, %d tasks, %d distinct unit names)%n", seed, document.docNumber(),
                    document.tasks().size(), counts.size());
            counts.forEach((name, count) -> {
                String simple = ChineseText.simplified(name);
                System.out.printf("  %s%s  ×%d  %s%n", name, simple.equals(name) ? "" : " (" + simple + ")", count,
                        kinds.get(name));
            });
        }
    }
}
