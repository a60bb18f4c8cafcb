package org.luoshi.task.importing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A character bigram model learned from one document's own clean text, used to choose between the readings of a
 * damaged passage. Full-width ASCII is folded so that a repaired {@code （} counts as the {@code (} the document
 * otherwise uses. Bigrams are smoothed with Witten–Bell interpolation; the unigram gives a character the document
 * never uses a very small share, so that a reading made of the document's own characters is strongly preferred.
 */
final class CharBigramModel {

    /** Stands for a line start, a line end and any excluded stretch. */
    static final char BOUNDARY = '\u0002';

    private static final double NOMINAL_ALPHABET = 20_000;
    private static final double UNSEEN_PSEUDO_COUNT = 0.01;

    private final Map<Character, Integer> unigrams = new HashMap<>();
    private final Map<Integer, Integer> bigrams = new HashMap<>();
    private final Map<Character, Integer> contexts = new HashMap<>();
    private final Map<Character, Integer> successorTypes = new HashMap<>();
    private final Map<Character, List<Character>> predecessors = new HashMap<>();
    private long total;

    /** Learns from the given text; characters for which {@code excluded} is true act as boundaries. */
    CharBigramModel(CharSequence text, boolean[] excluded) {
        char previous = BOUNDARY;
        for (int i = 0; i <= text.length(); i++) {
            char c = i == text.length() ? BOUNDARY : fold(text.charAt(i));
            if (i < text.length() && (excluded[i] || Character.isWhitespace(c))) {
                c = BOUNDARY;
            }
            if (previous == BOUNDARY && c == BOUNDARY) {
                continue;
            }
            unigrams.merge(c, 1, Integer::sum);
            total++;
            if (bigrams.merge(key(previous, c), 1, Integer::sum) == 1) {
                successorTypes.merge(previous, 1, Integer::sum);
                predecessors.computeIfAbsent(c, x -> new ArrayList<>()).add(previous);
            }
            contexts.merge(previous, 1, Integer::sum);
            previous = c;
        }
    }

    /** Full-width ASCII and the ideographic space as their ASCII forms; every other character unchanged. */
    static char fold(char c) {
        if (c >= '\uFF01' && c <= '\uFF5E') {
            return (char) (c - 0xFEE0);
        }
        return c == '\u3000' ? ' ' : c;
    }

    double logProbability(char previous, char c) {
        int context = contexts.getOrDefault(fold(previous), 0);
        if (context == 0) {
            return unseenPairTerm(c);
        }
        int types = successorTypes.get(fold(previous));
        return Math.log(pairCount(previous, c) + types * unigram(c)) - Math.log(context + types);
    }

    /** {@code logProbability(previous, c) = contextTerm(previous) + unseenPairTerm(c)} for a pair never seen. */
    double contextTerm(char previous) {
        int context = contexts.getOrDefault(fold(previous), 0);
        if (context == 0) {
            return 0;
        }
        int types = successorTypes.get(fold(previous));
        return Math.log(types) - Math.log(context + types);
    }

    double unseenPairTerm(char c) {
        return Math.log(unigram(c));
    }

    int pairCount(char previous, char c) {
        return bigrams.getOrDefault(key(fold(previous), fold(c)), 0);
    }

    /** The characters seen directly before the given one (folded). */
    List<Character> predecessors(char c) {
        return predecessors.getOrDefault(fold(c), List.of());
    }

    /** The characters seen, most frequent first, each ASCII one also in its full-width form. */
    List<Character> vocabulary() {
        List<Character> seen = unigrams.keySet().stream()
                .filter(c -> c != BOUNDARY)
                .sorted(Comparator.comparing((Character c) -> -unigrams.get(c)).thenComparing(c -> c))
                .toList();
        List<Character> vocabulary = new ArrayList<>(seen);
        seen.stream().filter(c -> c > 0x20 && c < 0x7F).forEach(c -> vocabulary.add((char) (c + 0xFEE0)));
        return vocabulary;
    }

    private double unigram(char c) {
        return (unigrams.getOrDefault(fold(c), 0) + UNSEEN_PSEUDO_COUNT) / (total + UNSEEN_PSEUDO_COUNT * NOMINAL_ALPHABET);
    }

    private static int key(char previous, char c) {
        return (previous << 16) | c;
    }
}
