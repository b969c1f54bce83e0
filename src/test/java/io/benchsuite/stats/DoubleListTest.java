package io.benchsuite.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class DoubleListTest {

    @Test
    void equalsAnyListWithTheSameElementsAndHashesAlike() {
        DoubleList list = DoubleList.wrap(new double[] {0.5, 1.25, -3});
        List<Double> boxed = List.of(0.5, 1.25, -3.0);
        assertEquals(boxed, list);
        assertEquals(list, boxed);
        assertEquals(boxed.hashCode(), list.hashCode());
        assertEquals(1.25, list.getDouble(1));
        assertEquals(3, list.size());
    }

    @Test
    void copyOfKeepsADoubleListAndCopiesOthers() {
        DoubleList list = DoubleList.wrap(new double[] {1, 2});
        assertSame(list, DoubleList.copyOf(list));
        List<Double> source = new ArrayList<>(List.of(1.0, 2.0));
        DoubleList copy = DoubleList.copyOf(source);
        source.set(0, 9.0);
        assertEquals(List.of(1.0, 2.0), copy, "a copy does not follow later changes of its source");
        assertThrows(NullPointerException.class, () -> DoubleList.copyOf(Arrays.asList(1.0, null)));
    }

    @Test
    void isUnmodifiable() {
        DoubleList list = DoubleList.wrap(new double[] {1});
        assertThrows(UnsupportedOperationException.class, () -> list.add(2.0));
        assertThrows(UnsupportedOperationException.class, () -> list.set(0, 2.0));
        assertThrows(UnsupportedOperationException.class, () -> list.remove(0));
    }

    @Test
    void serializesAsAJsonArrayOfNumbers() throws Exception {
        assertEquals("[0.1,2.0]", new ObjectMapper().writeValueAsString(DoubleList.wrap(new double[] {0.1, 2})));
        assertEquals("[]", new ObjectMapper().writeValueAsString(DoubleList.wrap(new double[0])));
    }
}
