package io.benchsuite.load;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.Collection;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Heap held by each element of a collection: live heap after a full collection with the collection reachable,
 * minus the same once it is released, over its size. What is shared with the rest of the program (the prompt
 * strings, which the plan holds anyway) is not counted, which is what matters for the run's memory growth.
 *
 * <p>Live heap is read from each heap pool's usage as the collector left it ({@code getCollectionUsage}),
 * not from the current usage: the event loops keep allocating between the collection and the reading, and a
 * fresh thread-local allocation buffer counts as used in full, which made the current figure wander by a
 * megabyte from one collection to the next.
 *
 * <p>The collection is handed over in a reference that this class clears, so that no local variable of the
 * caller keeps it alive during the second measurement.
 */
final class RetainedHeap {

    private RetainedHeap() {
    }

    /** Bytes per element, NaN for an empty collection; clears {@code held}. */
    static double bytesEach(AtomicReference<? extends Collection<?>> held) {
        int size = held.get().size();
        long holding = liveHeapBytes();
        held.set(null);
        long released = liveHeapBytes();
        return size == 0 ? Double.NaN : Math.max(0, holding - released) / (double) size;
    }

    /**
     * Heap in use just after a full collection, summed over the heap's pools. Two collections: measured with the
     * serial collector, the records released just before one collection were still counted after it, and
     * gone after the next.
     */
    private static long liveHeapBytes() {
        System.gc();
        System.gc();
        long used = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            MemoryUsage afterCollection = pool.getType() == MemoryType.HEAP ? pool.getCollectionUsage() : null;
            if (afterCollection != null) {
                used += afterCollection.getUsed();
            }
        }
        return used;
    }
}
