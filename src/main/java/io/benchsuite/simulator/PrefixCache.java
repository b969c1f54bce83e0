package io.benchsuite.simulator;

import io.benchsuite.tokenizer.SimpleTokenizer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A prefix cache as vLLM's automatic prefix caching (and llama.cpp's prompt cache) reports it: the prompt is
 * cut into full blocks of {@code blockSize} tokens, each block is known by the hash of every token up to its
 * end, and a prompt whose first blocks were seen recently reports those blocks' tokens as
 * {@code usage.prompt_tokens_details.cached_tokens}. As in vLLM, the last prompt token is always computed,
 * so at most {@code floor((prompt tokens - 1) / blockSize)} blocks hit.
 *
 * <p>Reporting only: the engine model still prefills the whole prompt, so a hit does not shorten the time to
 * first token here. It exists so that a client's cache-hit warning can be tested over HTTP. Thread-safe;
 * the least recently used blocks are forgotten beyond {@code capacityBlocks}.
 */
final class PrefixCache {

    /** Enough for every prompt of a few benchmarks; bounded so an "unlimited" KV cache does not grow forever. */
    static final int MAX_CAPACITY_BLOCKS = 1 << 16;

    private final int blockSize;
    private final int capacity;
    private final Map<Long, Boolean> blocks;

    PrefixCache(int blockSize, long capacityBlocks) {
        this.blockSize = blockSize;
        this.capacity = (int) Math.max(1, Math.min(capacityBlocks, MAX_CAPACITY_BLOCKS));
        this.blocks = new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Long, Boolean> eldest) {
                return size() > capacity;
            }
        };
    }

    static PrefixCache of(SimulatorConfig config) {
        return new PrefixCache(config.blockSize(), config.kvBlocks());
    }

    /**
     * Looks the prompt's blocks up, then remembers them all.
     *
     * @return the prompt tokens found in the cache (a multiple of the block size, below the prompt's length)
     */
    int lookUpAndStore(Prompt prompt) {
        long[] hashes = blockHashes(prompt);
        int promptTokens = prompt.tokens();
        int usable = promptTokens <= 0 ? 0 : Math.min(hashes.length, (promptTokens - 1) / blockSize);
        int hits = 0;
        synchronized (blocks) {
            while (hits < usable && blocks.get(hashes[hits]) != null) {
                hits++;
            }
            for (long hash : hashes) {
                blocks.put(hash, Boolean.TRUE);
            }
        }
        return hits * blockSize;
    }

    /** One hash per full block, each covering every token from the start of the prompt to the block's end. */
    private long[] blockHashes(Prompt prompt) {
        List<?> tokens = prompt.text() != null ? SimpleTokenizer.tokenize(prompt.text()) : prompt.tokenIds();
        long[] hashes = new long[tokens.size() / blockSize];
        long hash = 0x9E3779B97F4A7C15L;
        for (int i = 0; i < hashes.length * blockSize; i++) {
            hash = mix(hash * 31 + tokens.get(i).hashCode());
            if ((i + 1) % blockSize == 0) {
                hashes[i / blockSize] = hash;
            }
        }
        return hashes;
    }

    /** SplitMix64's finaliser: spreads the bits so that similar prefixes do not collide. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
