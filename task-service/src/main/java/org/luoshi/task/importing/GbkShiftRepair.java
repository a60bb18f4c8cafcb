package org.luoshi.task.importing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Repairs passages of GBK text that were decoded one byte off ("byte-shift mojibake") by re-encoding them.
 *
 * <p>The accident, reconstructed from the damaged seed page: the page was GBK and was decoded with its byte stream
 * shifted by one. Where the shift began the decoder emitted {@code ?} for a lone lead byte, then read every
 * character's trail byte together with the next character's lead byte, so {@code 　（一）指導} (A1A1 A3A8 D2BB A3A9
 * D6B8 8CA7) came out as {@code ?。ㄒ唬┲笇}. Pairs that GBK does not define were dropped, or shown as {@code ?}
 * (sometimes followed by a stray pinyin remnant such as {@code qū)}); a lead byte followed by an ASCII byte below
 * 0x40 became {@code ?} and swallowed that byte (the {@code (} of a pinyin annotation, or the {@code <} of a tag). A
 * trail byte in the ASCII range ends the damage: it shows as that ASCII character and decoding is in step again.
 * Afterwards the page's full-width ASCII was folded to ASCII, so {@code ！} and {@code Ｍ} inside a run show as
 * {@code !} and {@code M}. Every damaged run in the seed starts at a character whose trail byte is in the symbol
 * rows A1–A9 ({@code 　}, {@code 校}, {@code 專}, {@code 對}).
 *
 * <p>Repair inverts that model. The observed run is re-encoded to GBK and re-paired one byte later; a dynamic
 * programme over the run considers, at every position, the observed pair or up to two dropped pairs. Where the
 * model leaves bytes unknown (the lone first byte, dropped or unreadable pairs, a swallowed trail byte) every GBK
 * character consistent with the known bytes is a candidate, and a character bigram model learned from the
 * document's own undamaged text chooses the most probable reading; a pinyin remnant after the last character must
 * agree with the readings the document gives that character elsewhere. Small fixed preferences settle close calls:
 * a dropped or unreadable pair costs something, a {@code ?} is more often the folded {@code ？} than an unreadable
 * pair, a pinyin remnant left unexplained costs more, brackets should balance, and a run more likely starts at a
 * character whose trail byte is in A1–A9. A run that no reading explains clearly better than the damaged text itself
 * is left as it is; a repair that leaves a remnant unexplained, or whose guessed Han characters have no attested
 * neighbour in the document, is reported as uncertain.
 */
final class GbkShiftRepair {

    /** A replacement of {@code text[start, end)}; {@code certain} is false when a guessed character is unattested. */
    record Repair(int start, int end, String original, String replacement, boolean certain) {
    }

    private static final String TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü";
    private static final Pattern ANNOTATION = Pattern.compile("\\(([a-z" + TONED + "]+)\\)");
    private static final Pattern REMNANT = Pattern.compile("[a-z" + TONED + "]*[" + TONED + "][a-z" + TONED + "]*\\)");
    private static final Pattern TAG_REST = Pattern.compile("/?[A-Za-z][A-Za-z0-9]*(?:\\s[^<>\\n]*)?>");
    private static final Pattern ANNOTATED_CHAR = Pattern.compile("(\\p{IsHan})\\(([a-z" + TONED + "]+)\\)");

    private static final int MAX_TOKENS = 32;
    private static final int MAX_DROPS_PER_GAP = 2;
    private static final int BEAM = 400;
    private static final int EXCLUDED_AFTER_QUESTION_MARK = 30;
    private static final double DROPPED_PAIR = -3.0;
    private static final double UNREADABLE_PAIR = -2.0;
    private static final double SHIFT_STARTS_AT_SYMBOL_ROW = 2.0;
    private static final double PINYIN_AGREES = 4.0;
    private static final double PINYIN_DISAGREES = -4.0;
    private static final double PINYIN_ON_UNANNOTATED_HAN = -1.0;
    private static final double PINYIN_ON_NON_HAN = -6.0;
    private static final double UNEXPLAINED_REMNANT = -4.0;
    private static final double UNBALANCED_BRACKET = -3.0;
    private static final double INDENT_AT_LINE_START = Math.log(0.5);
    private static final double REQUIRED_GAIN = 3.0;
    private static final char IDEOGRAPHIC_SPACE = '\u3000';
    private static final int FULL_WIDTH_QUESTION_MARK = 0xA3BF;

    /**
     * For each byte b, the bytes t in 0x80–0xFF (ascending) such that GBK defines no character t b: the trail bytes a
     * character may end with when the next character begins with b across an unreadable or dropped pair.
     */
    private static final int[][] UNDEFINED_BEFORE = new int[256][];
    /** The same, and the pair A3 BF of the full-width question mark, which a {@code ?} more often was. */
    private static final int[][] UNDEFINED_OR_QUESTION_MARK_BEFORE = new int[256][];

    static {
        for (int b = 0; b < 256; b++) {
            int lead = b;
            UNDEFINED_BEFORE[b] = java.util.stream.IntStream.range(0x80, 256).filter(t -> !GbkTable.isValid(t, lead)).toArray();
            UNDEFINED_OR_QUESTION_MARK_BEFORE[b] = java.util.stream.IntStream.range(0x80, 256)
                    .filter(t -> !GbkTable.isValid(t, lead) || ((t << 8) | lead) == FULL_WIDTH_QUESTION_MARK).toArray();
        }
    }

    private final String text;
    private final CharBigramModel model;
    private final Map<Character, Set<String>> readings = new HashMap<>();
    private final List<Candidate> vocabulary;
    private final List<List<Candidate>> vocabularyByLead = new ArrayList<>();
    private final CandidatesByChar candidatesByChar = new CandidatesByChar();

    private GbkShiftRepair(String text) {
        this.text = text;
        String training = withoutAnnotations(text);
        this.model = new CharBigramModel(training, stretchesAfterQuestionMarks(training));
        Matcher annotated = ANNOTATED_CHAR.matcher(text);
        while (annotated.find()) {
            readings.computeIfAbsent(annotated.group(1).charAt(0), c -> new HashSet<>()).add(annotated.group(2));
        }
        this.vocabulary = model.vocabulary().stream().filter(c -> GbkTable.encode(c) >= 0).map(this::candidate).toList();
        for (int lead = 0; lead < 256; lead++) {
            vocabularyByLead.add(new ArrayList<>());
        }
        vocabulary.forEach(c -> vocabularyByLead.get(c.lead()).add(c));
    }

    /** The repairs for every byte-shifted run in the text, in text order. */
    static List<Repair> repairs(String text) {
        if (text.indexOf('?') < 0) {
            return List.of();
        }
        return new GbkShiftRepair(text).findRepairs();
    }

    private List<Repair> findRepairs() {
        List<Repair> found = new ArrayList<>();
        int i = text.indexOf('?');
        while (i >= 0) {
            Repair repair = solve(i);
            int next = i + 1;
            if (repair != null) {
                found.add(repair);
                next = repair.end();
            }
            i = text.indexOf('?', next);
        }
        return found;
    }

    // ---------------------------------------------------------------- observation

    private enum Kind { CHAR, QMARK, ASCII, REMNANT }

    private record Token(Kind kind, int start, int end, int code) {
    }

    /** What ends a run: the trail byte of its last character, and the ASCII byte a final {@code ?} swallowed. */
    private record Ending(int tokenIndex, int finalTrail, String swallowed, String reading, int textEnd) {
        static final int ANY_TRAIL = -1;
    }

    private List<Token> tokens(int start) {
        List<Token> tokens = new ArrayList<>();
        int p = start + 1;
        while (p < text.length() && tokens.size() < MAX_TOKENS) {
            char c = text.charAt(p);
            boolean afterQuestionMark = tokens.isEmpty() || tokens.get(tokens.size() - 1).kind() == Kind.QMARK;
            Matcher remnant = REMNANT.matcher(text).region(p, text.length());
            Token token;
            if (c == '\n') {
                break;
            } else if (c == '?') {
                token = new Token(Kind.QMARK, p, p + 1, 0);
            } else if (afterQuestionMark && remnant.lookingAt()) {
                token = new Token(Kind.REMNANT, p, remnant.end(), 0);
            } else if (c == '(' && ANNOTATION.matcher(text).region(p, text.length()).lookingAt()) {
                break;
            } else if (c > 0x20 && c < 0x7F) {
                token = new Token(Kind.ASCII, p, p + 1, c);
            } else {
                int code = GbkTable.encode(c);
                if (code < 0 || GbkTable.trail(code) < 0x80) {
                    break;
                }
                token = new Token(Kind.CHAR, p, p + 1, code);
            }
            tokens.add(token);
            if (token.kind() == Kind.QMARK && TAG_REST.matcher(text).region(token.end(), text.length()).lookingAt()) {
                break;
            }
            p = token.end();
        }
        return tokens;
    }

    /** Where a run can end; only after at least one double-byte character or pinyin remnant: damage is CJK. */
    private List<Ending> endings(List<Token> tokens) {
        List<Ending> endings = new ArrayList<>();
        boolean cjkSeen = false;
        for (int e = 0; e < tokens.size(); e++) {
            Token token = tokens.get(e);
            boolean cjkBefore = cjkSeen;
            cjkSeen |= token.kind() == Kind.CHAR || token.kind() == Kind.REMNANT;
            if (!cjkBefore) {
                continue;
            }
            if (token.kind() == Kind.ASCII && token.code() >= 0x40) {
                Matcher annotation = ANNOTATION.matcher(text).region(token.end(), text.length());
                String reading = annotation.lookingAt() ? annotation.group(1) : null;
                endings.add(new Ending(e, token.code(), "", reading, token.end()));
            } else if (token.kind() == Kind.QMARK) {
                if (e + 1 < tokens.size() && tokens.get(e + 1).kind() == Kind.REMNANT) {
                    Token remnant = tokens.get(e + 1);
                    String reading = text.substring(remnant.start(), remnant.end() - 1);
                    endings.add(new Ending(e, Ending.ANY_TRAIL, "(", reading, token.end()));
                } else if (TAG_REST.matcher(text).region(token.end(), text.length()).lookingAt()) {
                    endings.add(new Ending(e, Ending.ANY_TRAIL, "<", null, token.end()));
                }
            }
        }
        return endings;
    }

    // ---------------------------------------------------------------- the dynamic programme

    /** One byte pair of the shifted stream: both bytes known, or unknown (dropped or unreadable). */
    private record Pair(int first, int second, boolean mayBeQuestionMark, double cost) {
        static final int UNKNOWN = -1;

        static Pair known(int code) {
            return new Pair(GbkTable.lead(code), GbkTable.trail(code), false, 0);
        }

        static Pair unreadable(boolean mayBeQuestionMark) {
            return new Pair(UNKNOWN, UNKNOWN, mayBeQuestionMark, UNREADABLE_PAIR);
        }

        static Pair dropped() {
            return new Pair(UNKNOWN, UNKNOWN, false, DROPPED_PAIR);
        }

        boolean isKnown() {
            return first != UNKNOWN;
        }

        /** Whether a character's trail byte and the next one's lead byte can have produced this pair. */
        boolean admits(int trail, int lead) {
            if (isKnown()) {
                return trail == first && lead == second;
            }
            return trail >= 0x80 && (!GbkTable.isValid(trail, lead) || isQuestionMark(trail, lead));
        }

        /** The cost of reading this pair so: a {@code ?} is more often the folded {@code ？} than unreadable. */
        double cost(int trail, int lead) {
            return isQuestionMark(trail, lead) ? 0 : cost;
        }

        private boolean isQuestionMark(int trail, int lead) {
            return mayBeQuestionMark && ((trail << 8) | lead) == FULL_WIDTH_QUESTION_MARK;
        }
    }

    /** A character that can stand in a reading, with what the model needs of it precomputed. */
    private record Candidate(char c, int code, double unseen) {
        int lead() {
            return GbkTable.lead(code);
        }
    }

    private Candidate candidate(char c) {
        return new Candidate(c, GbkTable.encode(c), model.unseenPairTerm(c));
    }

    /** A character of a reading, with the best score of any reading ending in it, and how it was reached. */
    private record Node(char c, int code, double score, Node previous, boolean leadKnown, boolean remnantUnexplained) {
        int trail() {
            return GbkTable.trail(code);
        }
    }

    private record Reading(double score, Node last, Ending ending) {
    }

    private Repair solve(int start) {
        if (start > 0 && isAsciiWordCharacter(text.charAt(start - 1))) {
            return null;
        }
        List<Token> tokens = tokens(start);
        List<Ending> endings = endings(tokens);
        if (endings.isEmpty()) {
            return null;
        }
        int windowEnd = endings.stream().mapToInt(Ending::textEnd).max().orElseThrow();
        int lastToken = endings.stream().mapToInt(Ending::tokenIndex).max().orElseThrow();
        char before = contextBefore(start);
        char after = contextAfter(windowEnd);
        double baseline = observedScore(before, start, windowEnd, after);

        Layer layer = firstCharacters(before, tokens);
        Reading best = null;
        for (int i = 0; i <= lastToken; i++) {
            Token next = tokens.get(i);
            Layer here = layer.copy();
            Layer dropped = layer;
            for (int d = 0; d < MAX_DROPS_PER_GAP; d++) {
                dropped = transition(dropped, Pair.dropped(), next);
                here.keepBestOfAll(dropped);
            }
            for (Ending ending : endings) {
                if (ending.tokenIndex() == i) {
                    Reading reading = bestEnding(here, ending, windowEnd, after);
                    if (reading != null && (best == null || reading.score() > best.score())) {
                        best = reading;
                    }
                }
            }
            if (i < lastToken) {
                layer = consume(here, next, i + 1 < tokens.size() ? tokens.get(i + 1) : null);
            }
        }
        if (best == null || best.score() < baseline + REQUIRED_GAIN) {
            return null;
        }
        return toRepair(start, best, before);
    }

    private Layer firstCharacters(char before, List<Token> tokens) {
        Layer first = new Layer(vocabulary.size());
        List<Character> options = new ArrayList<>();
        vocabulary.forEach(c -> options.add(c.c()));
        Pair firstPair = pairOf(tokens.get(0));
        if (firstPair != null && firstPair.isKnown()) {
            for (int lead = GbkTable.FIRST_LEAD; lead <= GbkTable.LAST_BYTE; lead++) {
                char forced = GbkTable.decode(lead, firstPair.first());
                if (forced != 0) {
                    options.add(forced);
                }
            }
        }
        if (before == CharBigramModel.BOUNDARY) {
            options.add(IDEOGRAPHIC_SPACE);
        }
        for (char c : options) {
            int code = GbkTable.encode(c);
            int trail = GbkTable.trail(code);
            double score = (c == IDEOGRAPHIC_SPACE ? INDENT_AT_LINE_START : model.logProbability(before, c))
                    + (trail >= 0xA1 && trail <= 0xA9 ? SHIFT_STARTS_AT_SYMBOL_ROW : 0);
            first.keepBest(new Node(c, code, score, null, false, false));
        }
        return first.prune();
    }

    /** The readings after the token: it is a known pair, an unreadable pair, or (a pinyin remnant) noise. */
    private Layer consume(Layer here, Token token, Token following) {
        Layer next = new Layer(here.size());
        if (token.kind() == Kind.REMNANT) {
            for (int n = 0; n < here.size(); n++) {
                Node node = here.get(n);
                next.keepBest(new Node(node.c(), node.code(), node.score() + UNEXPLAINED_REMNANT, node.previous(),
                        node.leadKnown(), true));
            }
        }
        Pair pair = pairOf(token);
        if (pair != null) {
            next.keepBestOfAll(transition(here, pair, following));
        }
        return next.prune();
    }

    private static Pair pairOf(Token token) {
        return switch (token.kind()) {
            case CHAR -> Pair.known(token.code());
            case QMARK -> Pair.unreadable(true);
            case REMNANT -> Pair.unreadable(false);
            case ASCII -> {
                int fullWidth = GbkTable.encode((char) (token.code() + 0xFEE0));
                yield fullWidth < 0 ? null : Pair.known(fullWidth);
            }
        };
    }

    /**
     * The characters that can follow the given ones across one pair. A known pair fixes the next character's lead
     * byte; its trail byte is whatever the next pair needs, so the character that pair would force is a candidate
     * even when the document never uses it.
     */
    private Layer transition(Layer from, Pair pair, Token following) {
        List<Candidate> candidates;
        int distinct; // the candidates before this index are distinct characters; the forced ones after may repeat one
        if (pair.isKnown()) {
            candidates = new ArrayList<>(vocabularyByLead.get(pair.second()));
            distinct = candidates.size();
            Pair nextPair = following == null ? null : pairOf(following);
            if (nextPair != null && nextPair.isKnown() && GbkTable.isValid(pair.second(), nextPair.first())) {
                candidates.add(candidate(GbkTable.decode(pair.second(), nextPair.first())));
            }
            if (following != null && following.kind() == Kind.ASCII && following.code() >= 0x40
                    && GbkTable.isValid(pair.second(), following.code())) {
                candidates.add(candidate(GbkTable.decode(pair.second(), following.code())));
            }
        } else {
            candidates = vocabulary;
            distinct = candidates.size();
        }
        double[] groupBest = new double[256];
        Node[] groupNode = new Node[256];
        Arrays.fill(groupBest, Double.NEGATIVE_INFINITY);
        for (int n = 0; n < from.size(); n++) {
            Node node = from.get(n);
            double a = node.score() + model.contextTerm(context(node.c()));
            int t = node.trail();
            if (a > groupBest[t]) {
                groupBest[t] = a;
                groupNode[t] = node;
            }
        }
        // a known pair fixes the previous character's trail byte: only that group can precede; an unknown pair is one
        // GBK does not define (or the folded ？), so only the few trail bytes that make none with the lead byte can
        int[] known = pair.isKnown() ? new int[] {pair.first()} : null;
        int[][] undefinedBefore = pair.mayBeQuestionMark() ? UNDEFINED_OR_QUESTION_MARK_BEFORE : UNDEFINED_BEFORE;
        int count = candidates.size();
        double[] bestScore = new double[count];
        Node[] bestNode = new Node[count];
        CandidatesByChar byChar = candidatesByChar.reset();
        // the best unseen-pair predecessor depends on the candidate's lead byte only: found once per lead byte
        double[] leadBest = new double[256];
        Node[] leadNode = new Node[256];
        boolean[] leadDone = new boolean[256];
        for (int k = 0; k < count; k++) {
            Candidate candidate = candidates.get(k);
            int lead = candidate.lead();
            if (!leadDone[lead]) {
                leadDone[lead] = true;
                leadBest[lead] = Double.NEGATIVE_INFINITY;
                for (int t : known != null ? known : undefinedBefore[lead]) {
                    if (groupNode[t] != null && pair.admits(t, lead)) {
                        double score = groupBest[t] + pair.cost(t, lead);
                        if (score > leadBest[lead]) {
                            leadBest[lead] = score;
                            leadNode[lead] = groupNode[t];
                        }
                    }
                }
            }
            bestScore[k] = leadBest[lead] + candidate.unseen();
            bestNode[k] = leadNode[lead];
            byChar.add(CharBigramModel.fold(candidate.c()), k);
        }
        // pairs the document has seen, found from each node's successors: most candidates have none
        for (int n = 0; n < from.size(); n++) {
            Node node = from.get(n);
            char p = context(node.c());
            int trail = node.trail();
            char[] seenAfter = model.successors(p);
            double[] logProbabilities = model.successorLogProbabilities(p);
            for (int s = 0; s < seenAfter.length; s++) {
                // a candidate and its full-width form fold to the seen character: the same probability after p
                for (int k = byChar.first(seenAfter[s]); k >= 0; k = byChar.next(k)) {
                    Candidate candidate = candidates.get(k);
                    if (pair.admits(trail, candidate.lead())) {
                        double score = node.score() + logProbabilities[s] + pair.cost(trail, candidate.lead());
                        if (score > bestScore[k]) {
                            bestScore[k] = score;
                            bestNode[k] = node;
                        }
                    }
                }
            }
        }
        // a forced candidate repeating an earlier character counts as that one, in its place (as Layer.keepBest would)
        for (int k = distinct; k < count; k++) {
            char c = candidates.get(k).c();
            for (int j = byChar.first(CharBigramModel.fold(c)); j >= 0 && bestNode[k] != null; j = byChar.next(j)) {
                if (j < k && candidates.get(j).c() == c && bestNode[j] != null) {
                    if (bestScore[k] > bestScore[j]) {
                        bestScore[j] = bestScore[k];
                        bestNode[j] = bestNode[k];
                    }
                    bestNode[k] = null;
                }
            }
        }
        // only the BEAM best become nodes (Layer.prune's choice, made before most of the nodes were built)
        double[] scores = new double[count];
        int reached = 0;
        for (int k = 0; k < count; k++) {
            if (bestNode[k] != null) {
                scores[reached++] = bestScore[k];
            }
        }
        BeamCut cut = BeamCut.of(Arrays.copyOf(scores, reached));
        int atCutKept = cut.keptAtCut();
        Layer next = new Layer(Math.min(reached, BEAM));
        for (int k = 0; k < count; k++) {
            if (bestNode[k] != null && (bestScore[k] > cut.score() || (bestScore[k] == cut.score() && atCutKept-- > 0))) {
                Candidate candidate = candidates.get(k);
                next.keepBest(new Node(candidate.c(), candidate.code(), bestScore[k], bestNode[k], pair.isKnown(),
                        bestNode[k].remnantUnexplained()));
            }
        }
        return next;
    }

    /**
     * Where the beam cuts a step's scores: every score above {@code score} stays, and of those equal to it the first
     * {@code keptAtCut} met; nothing is cut from {@code BEAM} scores or fewer.
     */
    private record BeamCut(double score, int keptAtCut) {
        /** @param scores reordered */
        static BeamCut of(double[] scores) {
            if (scores.length <= BEAM) {
                return new BeamCut(Double.NEGATIVE_INFINITY, scores.length);
            }
            double cut = kthLargest(scores, BEAM);
            int aboveCut = 0;
            for (double score : scores) {
                if (score > cut) {
                    aboveCut++;
                }
            }
            return new BeamCut(cut, BEAM - aboveCut);
        }
    }

    /** The k-th largest of the values (1 for the largest), by selection; the array is reordered. */
    static double kthLargest(double[] values, int k) {
        int target = values.length - k; // its index once sorted ascending
        int low = 0;
        int high = values.length - 1;
        while (low < high) {
            double pivot = values[(low + high) >>> 1];
            int i = low;
            int j = high;
            while (i <= j) {
                while (values[i] < pivot) {
                    i++;
                }
                while (values[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    double swap = values[i];
                    values[i++] = values[j];
                    values[j--] = swap;
                }
            }
            if (target <= j) {
                high = j;
            } else if (target >= i) {
                low = i;
            } else {
                return values[target];
            }
        }
        return values[target];
    }

    /**
     * The candidates of a transition by their folded character (a character and its full-width form fold together),
     * as chains of indices; reused from one transition to the next.
     */
    private static final class CandidatesByChar {
        private final int[] head = new int[Character.MAX_VALUE + 1];
        private final int[] stampOf = new int[Character.MAX_VALUE + 1];
        private int[] chain = new int[64];
        private int stamp;

        CandidatesByChar reset() {
            stamp++;
            return this;
        }

        void add(char folded, int index) {
            if (index >= chain.length) {
                chain = Arrays.copyOf(chain, Math.max(index + 1, chain.length * 2));
            }
            chain[index] = stampOf[folded] == stamp ? head[folded] : -1;
            stampOf[folded] = stamp;
            head[folded] = index;
        }

        int first(char folded) {
            return stampOf[folded] == stamp ? head[folded] : -1;
        }

        int next(int index) {
            return chain[index];
        }
    }

    private Reading bestEnding(Layer here, Ending ending, int windowEnd, char after) {
        Reading best = null;
        for (int n = 0; n < here.size(); n++) {
            Node node = here.get(n);
            int trail = node.trail();
            boolean fits = ending.finalTrail() == Ending.ANY_TRAIL ? trail >= 0x80 : trail == ending.finalTrail();
            if (!fits) {
                continue;
            }
            double score = node.score() + pinyinAgreement(node.c(), ending.reading())
                    + UNBALANCED_BRACKET * unbalancedBrackets(node)
                    + restScore(node.c(), ending.textEnd(), windowEnd, after);
            if (best == null || score > best.score()) {
                best = new Reading(score, node, ending);
            }
        }
        return best;
    }

    /** Opening brackets a reading leaves unclosed, plus closing ones it never opened. */
    private static int unbalancedBrackets(Node last) {
        int open = 0;
        int unopened = 0;
        for (Node node = last; node != null; node = node.previous()) {
            char c = CharBigramModel.fold(node.c());
            if (c == ')') {
                open--;
            } else if (c == '(') {
                if (open < 0) {
                    open++;
                } else {
                    unopened++;
                }
            }
        }
        return Math.abs(open) + unopened;
    }

    private Repair toRepair(int start, Reading best, char before) {
        List<Node> path = new ArrayList<>();
        for (Node node = best.last(); node != null; node = node.previous()) {
            path.add(0, node);
        }
        boolean certain = !best.last().remnantUnexplained();
        StringBuilder replacement = new StringBuilder();
        for (int k = 0; k < path.size(); k++) {
            Node node = path.get(k);
            boolean trailKnown = k + 1 < path.size() ? path.get(k + 1).leadKnown() : best.ending().finalTrail() >= 0;
            boolean guessed = !(node.leadKnown() && trailKnown);
            if (guessed && Character.UnicodeScript.of(node.c()) == Character.UnicodeScript.HAN) {
                char left = k == 0 ? before : context(path.get(k - 1).c());
                char right = k + 1 < path.size() ? path.get(k + 1).c() : contextAfter(best.ending().textEnd());
                certain &= model.pairCount(left, node.c()) > 0 || model.pairCount(node.c(), right) > 0;
            }
            if (node.c() != IDEOGRAPHIC_SPACE) {
                replacement.append(node.c());
            }
        }
        replacement.append(best.ending().swallowed());
        int end = best.ending().textEnd();
        return new Repair(start, end, text.substring(start, end), replacement.toString(), certain);
    }

    /**
     * The readings after some position, at most one per character (the best scoring), in the order first met: that
     * order settles equal scores. An open-addressing table from character to slot: the search looks characters up
     * at every step of every damaged run, and a map of boxed characters was a large part of its time.
     */
    private static final class Layer {
        private Node[] nodes;
        private int size;
        /** Slot + 1 of the node of a character, 0 for none; a power of two at most half full. */
        private int[] table;

        Layer(int expected) {
            nodes = new Node[Math.max(8, expected)];
            table = new int[tableSize(expected)];
        }

        private static int tableSize(int entries) {
            return Integer.highestOneBit(Math.max(16, entries * 2) - 1) << 1;
        }

        int size() {
            return size;
        }

        Node get(int slot) {
            return nodes[slot];
        }

        Layer copy() {
            Layer copy = new Layer(size);
            copy.keepBestOfAll(this);
            return copy;
        }

        /** Adds the node, or replaces the one of its character (keeping its place) if it scores higher. */
        void keepBest(Node node) {
            int mask = table.length - 1;
            int i = (node.c() * 0x9E3779B1 >>> 16) & mask;
            for (int entry = table[i]; entry != 0; entry = table[i]) {
                Node known = nodes[entry - 1];
                if (known.c() == node.c()) {
                    if (node.score() > known.score()) {
                        nodes[entry - 1] = node;
                    }
                    return;
                }
                i = (i + 1) & mask;
            }
            if (size == nodes.length) {
                nodes = Arrays.copyOf(nodes, size * 2);
            }
            nodes[size++] = node;
            table[i] = size;
            if (size * 2 > table.length) {
                rehash();
            }
        }

        void keepBestOfAll(Layer other) {
            for (int n = 0; n < other.size; n++) {
                keepBest(other.nodes[n]);
            }
        }

        private void rehash() {
            table = new int[table.length * 2];
            int mask = table.length - 1;
            for (int n = 0; n < size; n++) {
                int i = (nodes[n].c() * 0x9E3779B1 >>> 16) & mask;
                while (table[i] != 0) {
                    i = (i + 1) & mask;
                }
                table[i] = n + 1;
            }
        }

        /** The {@code BEAM} best nodes; of equal scores at the cut, those met first. */
        Layer prune() {
            if (size <= BEAM) {
                return this;
            }
            double[] scores = new double[size];
            for (int n = 0; n < size; n++) {
                scores[n] = nodes[n].score();
            }
            BeamCut cut = BeamCut.of(scores);
            int atCutKept = cut.keptAtCut();
            Layer kept = new Layer(BEAM);
            for (int n = 0; n < size; n++) {
                Node node = nodes[n];
                if (node.score() > cut.score() || (node.score() == cut.score() && atCutKept-- > 0)) {
                    kept.keepBest(node);
                }
            }
            return kept;
        }
    }

    private static boolean isAsciiWordCharacter(char c) {
        return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || "/=&.%_-".indexOf(c) >= 0;
    }

    /** The character as left context: the indentation space counts as a line start. */
    private static char context(char c) {
        return c == IDEOGRAPHIC_SPACE ? CharBigramModel.BOUNDARY : c;
    }

    private double pinyinAgreement(char c, String reading) {
        if (reading == null) {
            return 0;
        }
        Set<String> known = readings.get(c);
        if (known != null) {
            return known.contains(reading) ? PINYIN_AGREES : PINYIN_DISAGREES;
        }
        return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN ? PINYIN_ON_UNANNOTATED_HAN : PINYIN_ON_NON_HAN;
    }

    // ---------------------------------------------------------------- scoring of observed text

    private double observedScore(char before, int from, int to, char after) {
        double score = 0;
        char previous = before;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            score += model.logProbability(previous, c);
            previous = c;
        }
        return score + model.logProbability(previous, after);
    }

    /** The score of the text left between the end of a reading and the window end, after the reading's last char. */
    private double restScore(char last, int from, int to, char after) {
        char previous = last;
        double score = 0;
        int i = skipAnnotation(from);
        while (i < to) {
            char c = text.charAt(i);
            score += model.logProbability(previous, c);
            previous = c;
            i = skipAnnotation(i + 1);
        }
        return score + model.logProbability(previous, after);
    }

    private int skipAnnotation(int i) {
        Matcher remnant = REMNANT.matcher(text).region(i, text.length());
        if (remnant.lookingAt()) {
            return remnant.end();
        }
        Matcher annotation = ANNOTATION.matcher(text).region(i, text.length());
        return annotation.lookingAt() ? annotation.end() : i;
    }

    private char contextBefore(int start) {
        int p = start;
        if (p > 0 && text.charAt(p - 1) == ')') {
            int open = text.lastIndexOf('(', p - 1);
            if (open > 0 && ANNOTATION.matcher(text).region(open, p).matches()) {
                p = open;
            }
        }
        return p == 0 || text.charAt(p - 1) == '\n' ? CharBigramModel.BOUNDARY : text.charAt(p - 1);
    }

    private char contextAfter(int i) {
        int p = skipAnnotation(i);
        if (p >= text.length() || Character.isWhitespace(text.charAt(p))
                || (text.charAt(p) == '<' || TAG_REST.matcher(text).region(p, text.length()).lookingAt())) {
            return CharBigramModel.BOUNDARY;
        }
        return text.charAt(p);
    }

    // ---------------------------------------------------------------- training text

    /** The text without its pinyin annotations, so that {@code 發(fā)展} teaches the bigram 發展. */
    private static String withoutAnnotations(String text) {
        return ANNOTATION.matcher(text).replaceAll("");
    }

    /** The stretches after every {@code ?}: they may be damaged and must not teach anything. */
    private static boolean[] stretchesAfterQuestionMarks(String training) {
        boolean[] excluded = new boolean[training.length()];
        for (int i = training.indexOf('?'); i >= 0; i = training.indexOf('?', i + 1)) {
            for (int j = i; j < Math.min(training.length(), i + EXCLUDED_AFTER_QUESTION_MARK)
                    && training.charAt(j) != '\n'; j++) {
                excluded[j] = true;
            }
        }
        return excluded;
    }
}
