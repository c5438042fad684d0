package dev.samplinglab.engine.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.samplinglab.engine.tokenizer.BpeModel;
import dev.samplinglab.engine.tokenizer.ByteLevel;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

class BpeTrainerTest {

    private static List<String> mergeTexts(BpeModel model, int count) {
        return model.merges().stream()
                .limit(count)
                .map(m -> model.vocab().get(m.left()) + " " + model.vocab().get(m.right()))
                .collect(Collectors.toList());
    }

    @Test
    void learnsTheWikipediaExampleMerges() {
        // "aaabdaaabac": aa=4 first; then (aa,a)=2 ties (a,b)=2 and "a" < "aa"; then (aa,ab)=2.
        BpeModel model = BpeTrainer.train("aaabdaaabac", 260);

        assertThat(mergeTexts(model, 3)).containsExactly("a a", "a b", "aa ab");
        assertThat(model.vocab().subList(256, 260))
                .containsExactly("aa", "ab", "aaab", BpeModel.EOS);
    }

    @Test
    void learnsMergesFromWordCounts() {
        // low x5, lower x2, newest x6, widest x3 (one word per line): es=9 ties st=9, then est=9,
        // then lo=7 ties ow=7, low=7, then ew/ne/w+est tie at 6 -> ew, ew+est, n+ewest.
        String corpus =
                String.join("\n", Collections.nCopies(5, "low"))
                        + "\n"
                        + String.join("\n", Collections.nCopies(2, "lower"))
                        + "\n"
                        + String.join("\n", Collections.nCopies(6, "newest"))
                        + "\n"
                        + String.join("\n", Collections.nCopies(3, "widest"))
                        + "\n";

        BpeModel model = BpeTrainer.train(corpus, 300);

        assertThat(mergeTexts(model, 7))
                .containsExactly("e s", "es t", "l o", "lo w", "e w", "ew est", "n ewest");
    }

    @Test
    void spacesBelongToTheFollowingWord() {
        // words: "to" once, " to" three times (the space shown as Ġ): to=4, then Ġ+to=3.
        BpeModel model = BpeTrainer.train("to to to to", 259);

        assertThat(mergeTexts(model, 2)).containsExactly("t o", "Ġ to");
    }

    @Test
    void honoursTheVocabSizeAndPutsEndOfTextLast() {
        BpeModel model = BpeTrainer.train(SyntheticCorpus.words(20_000, 7), 400);

        assertThat(model.vocabSize()).isEqualTo(400);
        assertThat(model.eosId()).isEqualTo(399);
        assertThat(model.vocab().get(399)).isEqualTo(BpeModel.EOS);
        assertThat(new HashSet<>(model.vocab())).hasSize(400);
        assertThat(model.merges()).hasSizeGreaterThanOrEqualTo(400 - 257);
    }

    @Test
    void firstIdsAreTheGpt2ByteSymbols() {
        BpeModel model = BpeTrainer.train("ab", 258);

        assertThat(model.vocab().get(0)).isEqualTo("!");
        assertThat(model.vocab().get(ByteLevel.idOfByte(' '))).isEqualTo("Ġ");
        assertThat(ByteLevel.idOfByte(' ')).isEqualTo(220); // as in GPT-2's encoder.json
        assertThat(ByteLevel.idOfByte('\n')).isEqualTo(198);
        assertThat(ByteLevel.idOfByte(0)).isEqualTo(188);
    }

    @Test
    void stopsEarlyWhenTheCorpusRunsOutOfPairs() {
        BpeModel model = BpeTrainer.train("ab", 1000);

        assertThat(model.vocab().subList(256, model.vocabSize()))
                .containsExactly("ab", BpeModel.EOS);
    }

    @Test
    void isDeterministic() {
        String corpus = SyntheticCorpus.words(5_000, 3);

        assertThat(BpeTrainer.train(corpus, 320)).isEqualTo(BpeTrainer.train(corpus, 320));
    }

    @Test
    @Tag("slow")
    void trainsTheDefaultVocabOnAMegabyteInSeconds() {
        String corpus = SyntheticCorpus.words(200_000, 1);
        assertThat(corpus.length()).isGreaterThan(1_000_000);

        long start = System.nanoTime();
        BpeModel model = BpeTrainer.train(corpus, BpeTrainer.DEFAULT_VOCAB_SIZE);

        assertThat(model.vocabSize()).isEqualTo(2048);
        assertThat((System.nanoTime() - start) / 1e9).isLessThan(10.0);
    }

    @Test
    void rejectsAnEmptyCorpus() {
        assertOneLineError(() -> BpeTrainer.train("", 300), "corpus is empty");
        assertOneLineError(() -> BpeTrainer.train(new byte[0], 300), "corpus is empty");
    }

    @Test
    void rejectsNonUtf8Bytes() {
        byte[] bytes = {'a', 'b', (byte) 0xFF, 'c'};

        assertOneLineError(() -> BpeTrainer.train(bytes, 300), "not valid UTF-8", "offset 2");
    }

    @Test
    void rejectsAnUnpairedSurrogate() {
        assertOneLineError(() -> BpeTrainer.train("ab\uD800c", 300), "unpaired surrogate");
    }

    @Test
    void rejectsAVocabTooSmallForTheBytes() {
        assertOneLineError(() -> BpeTrainer.train("abc", 256), "vocab size 256", "at least 257");
    }

    private static void assertOneLineError(Runnable action, String... fragments) {
        assertThatThrownBy(action::run)
                .isInstanceOf(IllegalArgumentException.class)
                .message()
                .contains(fragments)
                .doesNotContain("\n");
    }
}
