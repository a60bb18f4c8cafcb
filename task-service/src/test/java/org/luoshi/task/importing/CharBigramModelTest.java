package org.luoshi.task.importing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The model's counts against a plain count of the same text, in the model's own terms (folding, boundaries). */
class CharBigramModelTest {

    @Test
    void countsEveryPairOfATextWithManyDistinctPairsAsAPlainCountDoes() {
        // nearly as many distinct pairs as characters: the pair table, sized by the text's length, has to grow
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 3000; i++) {
            text.append((char) ('\u4E00' + (i * 7919) % 20000));
        }
        text.append("\n推进产教融合（ＡＢ）　推进产教融合(AB)\n推进");
        boolean[] excluded = new boolean[text.length()];
        CharBigramModel model = new CharBigramModel(text, excluded);

        Map<String, Integer> expected = new HashMap<>();
        Map<Character, Set<Character>> successors = new HashMap<>();
        char previous = CharBigramModel.BOUNDARY;
        for (int i = 0; i <= text.length(); i++) {
            char c = i == text.length() ? CharBigramModel.BOUNDARY : CharBigramModel.fold(text.charAt(i));
            if (i < text.length() && Character.isWhitespace(c)) {
                c = CharBigramModel.BOUNDARY;
            }
            if (previous == CharBigramModel.BOUNDARY && c == CharBigramModel.BOUNDARY) {
                continue;
            }
            expected.merge("" + previous + c, 1, Integer::sum);
            successors.computeIfAbsent(previous, x -> new HashSet<>()).add(c);
            previous = c;
        }

        expected.forEach((pair, count) -> assertEquals(count, model.pairCount(pair.charAt(0), pair.charAt(1)), pair));
        assertEquals(3, model.pairCount('推', '进'), "推进 three times");
        assertEquals(model.pairCount('（', 'Ａ'), model.pairCount('(', 'A'), "full-width folded");
        assertEquals(0, model.pairCount('进', '推'));
        successors.forEach((c, after) -> {
            Set<Character> seen = new HashSet<>();
            for (char s : model.successors(c)) {
                assertTrue(seen.add(s), "each successor once");
            }
            assertEquals(after, seen, "successors of " + c);
        });
    }

    @Test
    void aCharacterNeverSeenHasNoSuccessorsAndASmallProbability() {
        CharBigramModel model = new CharBigramModel("推进产教融合", new boolean[6]);
        assertEquals(0, model.successors('龘').length);
        assertTrue(model.logProbability('推', '进') > model.logProbability('推', '龘'));
        assertTrue(model.logProbability('龘', '进') < 0);
    }

    @Test
    void theSuccessorsProbabilitiesAreThoseOfTheirPairsAlsoAfterAFullWidthContext() {
        CharBigramModel model = new CharBigramModel("推进产教融合（ＡＢ）推进产教融合(AB)推动", new boolean[24]);
        for (char context : new char[] {'推', '(', '（', 'A', 'Ａ'}) {
            char[] seen = model.successors(context);
            double[] logProbabilities = model.successorLogProbabilities(context);
            assertEquals(seen.length, logProbabilities.length);
            assertTrue(seen.length > 0, "seen after " + context);
            for (int i = 0; i < seen.length; i++) {
                assertEquals(model.logProbability(context, seen[i]), logProbabilities[i], "after " + context + ": " + seen[i]);
            }
        }
    }
}
