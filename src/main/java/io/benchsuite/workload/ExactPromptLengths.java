package io.benchsuite.workload;

import io.benchsuite.datasets.ProseWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * {@code --exact-input-lengths}: fits a benchmark's prompts to its nominal length by the server's count. The
 * growing prompts (nominal length 0) vary in length on purpose and are left as they are.
 */
public final class ExactPromptLengths {

    private final TokenCounter counter;

    public ExactPromptLengths(TokenCounter counter) {
        this.counter = counter;
    }

    /**
     * @param seed seeds the prose that extends short prompts, so a resumed run sends the same texts
     */
    public List<String> fit(List<String> prompts, int nominalLength, long seed) {
        if (nominalLength == 0) {
            return prompts;
        }
        PromptLengthFitter fitter = new PromptLengthFitter(counter, new ProseWriter(new Random(seed))::next);
        List<String> fitted = new ArrayList<>(prompts.size());
        for (String prompt : prompts) {
            fitted.add(fitter.fit(prompt, nominalLength).text());
        }
        return fitted;
    }
}
