package jp.joren.shared;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A search for "50%" finds "50%" and not every text with a 50 in it. */
class LikePatternsTest {

    @Test
    void theWildcardsATypedTextHoldsAreSearchedForAsThemselves() {
        assertThat(LikePatterns.containing("山田")).isEqualTo("%山田%");
        assertThat(LikePatterns.containing("50%")).isEqualTo("%50\\%%");
        assertThat(LikePatterns.containing("a_b")).isEqualTo("%a\\_b%");
        assertThat(LikePatterns.escaped("C:\\memo")).isEqualTo("C:\\\\memo");
        assertThat(LikePatterns.escaped("\\%")).isEqualTo("\\\\\\%");
    }
}
