package org.luoshi.task.importing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * A character bigram model learned from one document's own clean text, used to choose between the readings of a
 * damaged passage. Full-width ASCII is folded so that a repaired {@code （} counts as the {@code (} the document
 * otherwise uses. Bigrams are smoothed with Witten–Bell interpolation; the unigram gives a character the document
 * never uses a very small share, so that a reading made of the document's own characters is strongly preferred.
 *
 * <p>The repair asks the model millions of times per damaged document: counts are kept in arrays indexed by
 * character and in an open-addressing table of pairs, not in maps of boxed characters.
 */
final class CharBigramModel {

    /** Stands for a line start, a line end and any excluded stretch. */
    static final char BOUNDARY = '\u0002';

    private static final double NOMINAL_ALPHABET = 20_000;
    private static final double UNSEEN_PSEUDO_COUNT = 0.01;
    private static final int CHARS = Character.MAX_VALUE + 1;
    private static final char[] NONE = new char[0];

    private final int[] unigrams = new int[CHARS];
    private final int[] contexts = new int[CHARS];
    private final int[] successorTypes = new int[CHARS];
    private final PairCounts bigrams;
    /** The distinct characters seen after each character, {@code successorTypes[c]} of them. */
    private final char[][] successors = new char[CHARS][];
    /** {@code logProbability(c, successors[c][i])} at {@code [c][i]}, filled the first time a context is asked for. */
    private final double[][] successorLogProbabilities = new double[CHARS][];
    private long total;

    /** Learns from the given text; characters for which {@code excluded} is true act as boundaries. */
    CharBigramModel(CharSequence text, boolean[] excluded) {
        bigrams = new PairCounts(text.length());
        char previous = BOUNDARY;
        for (int i = 0; i <= text.length(); i++) {
            char c = i == text.length() ? BOUNDARY : fold(text.charAt(i));
            if (i < text.length() && (excluded[i] || Character.isWhitespace(c))) {
                c = BOUNDARY;
            }
            if (previous == BOUNDARY && c == BOUNDARY) {
                continue;
            }
            unigrams[c]++;
            total++;
            if (bigrams.increment(key(previous, c)) == 1) {
                addSuccessor(previous, c);
            }
            contexts[previous]++;
            previous = c;
        }
        for (int p = 0; p < CHARS; p++) {
            if (successors[p] != null) {
                successors[p] = Arrays.copyOf(successors[p], successorTypes[p]);
            }
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
        char p = fold(previous);
        int context = contexts[p];
        if (context == 0) {
            return unseenPairTerm(c);
        }
        int types = successorTypes[p];
        return Math.log(pairCount(previous, c) + types * unigram(c)) - Math.log(context + types);
    }

    /** {@code logProbability(previous, c) = contextTerm(previous) + unseenPairTerm(c)} for a pair never seen. */
    double contextTerm(char previous) {
        char p = fold(previous);
        int context = contexts[p];
        if (context == 0) {
            return 0;
        }
        int types = successorTypes[p];
        return Math.log(types) - Math.log(context + types);
    }

    double unseenPairTerm(char c) {
        return Math.log(unigram(c));
    }

    int pairCount(char previous, char c) {
        return bigrams.get(key(fold(previous), fold(c)));
    }

    /** The characters seen directly after the given one (folded), each once; the array is shared: do not change it. */
    char[] successors(char c) {
        char[] seen = successors[fold(c)];
        return seen == null ? NONE : seen;
    }

    /**
     * {@code logProbability(c, s)} for each character s of {@link #successors(char)}, in the same order (the repair's
     * inner loop asks for these; a table lookup and two logarithms each otherwise); shared: do not change it. Filled
     * lazily without synchronization: a model is confined to the one repair that built it.
     */
    double[] successorLogProbabilities(char c) {
        char p = fold(c);
        double[] known = successorLogProbabilities[p];
        if (known == null) {
            char[] seen = successors(p);
            known = new double[seen.length];
            for (int i = 0; i < seen.length; i++) {
                known[i] = logProbability(p, seen[i]);
            }
            successorLogProbabilities[p] = known;
        }
        return known;
    }

    /** The characters seen, most frequent first, each ASCII one also in its full-width form. */
    List<Character> vocabulary() {
        List<Character> seen = new ArrayList<>();
        for (int c = 0; c < CHARS; c++) {
            if (unigrams[c] > 0 && c != BOUNDARY) {
                seen.add((char) c);
            }
        }
        seen.sort(Comparator.comparing((Character c) -> -unigrams[c]).thenComparing(c -> c));
        List<Character> vocabulary = new ArrayList<>(seen);
        seen.stream().filter(c -> c > 0x20 && c < 0x7F).forEach(c -> vocabulary.add((char) (c + 0xFEE0)));
        return vocabulary;
    }

    private void addSuccessor(char previous, char c) {
        char[] seen = successors[previous];
        if (seen == null) {
            seen = successors[previous] = new char[4];
        } else if (successorTypes[previous] == seen.length) {
            seen = successors[previous] = Arrays.copyOf(seen, seen.length * 2);
        }
        seen[successorTypes[previous]++] = c;
    }

    private double unigram(char c) {
        return (unigrams[fold(c)] + UNSEEN_PSEUDO_COUNT) / (total + UNSEEN_PSEUDO_COUNT * NOMINAL_ALPHABET);
    }

    private static int key(char previous, char c) {
        return (previous << 16) | c;
    }

    /** Counts by pair key in an open-addressing table; a count of 0 marks an empty slot. */
    private static final class PairCounts {
        private int[] keys;
        private int[] counts;
        private int size;

        PairCounts(int expected) {
            int capacity = Integer.highestOneBit(Math.max(16, expected) * 2);
            keys = new int[capacity];
            counts = new int[capacity];
        }

        int get(int key) {
            int mask = keys.length - 1;
            for (int i = mix(key) & mask; counts[i] != 0; i = (i + 1) & mask) {
                if (keys[i] == key) {
                    return counts[i];
                }
            }
            return 0;
        }

        /** Adds one to the pair's count and answers the new count. */
        int increment(int key) {
            int mask = keys.length - 1;
            int i = mix(key) & mask;
            while (counts[i] != 0) {
                if (keys[i] == key) {
                    return ++counts[i];
                }
                i = (i + 1) & mask;
            }
            keys[i] = key;
            counts[i] = 1;
            if (++size * 2 > keys.length) {
                grow();
            }
            return 1;
        }

        private void grow() {
            int[] oldKeys = keys;
            int[] oldCounts = counts;
            keys = new int[oldKeys.length * 2];
            counts = new int[oldKeys.length * 2];
            int mask = keys.length - 1;
            for (int j = 0; j < oldKeys.length; j++) {
                if (oldCounts[j] != 0) {
                    int i = mix(oldKeys[j]) & mask;
                    while (counts[i] != 0) {
                        i = (i + 1) & mask;
                    }
                    keys[i] = oldKeys[j];
                    counts[i] = oldCounts[j];
                }
            }
        }

        /** The pair's bits spread over the table (the two characters of a key alone cluster badly). */
        private static int mix(int key) {
            int h = key * 0x9E3779B9;
            return h ^ (h >>> 16);
        }
    }
}
