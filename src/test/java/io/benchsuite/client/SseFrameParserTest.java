package io.benchsuite.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SseFrameParserTest {

    private record Event(String data, long at) {}

    private final List<Event> events = new ArrayList<>();
    private final SseFrameParser parser = new SseFrameParser(
            (b, offset, length, t) -> events.add(new Event(new String(b, offset, length, StandardCharsets.UTF_8), t)));

    private void feed(String text, long at) {
        parser.feed(text.getBytes(StandardCharsets.UTF_8), at);
    }

    @Test
    void oneEventPerBlankLineWithTheArrivalOfTheReadThatCompletedIt() {
        feed("data: {\"a\":1}\n\ndata: {\"a\":", 10);
        feed("2}\n", 20);
        feed("\n", 30);
        assertEquals(List.of(new Event("{\"a\":1}", 10), new Event("{\"a\":2}", 30)), events);
    }

    @Test
    void crlfCommentsAndOtherFieldsAreHandled() {
        feed(": keep-alive\r\n\r\nevent: x\r\ndata: [DONE]\r\n\r\n", 5);
        assertEquals(List.of(new Event("[DONE]", 5)), events);
    }

    @Test
    void crlfSplitBetweenReadsIsOneLineEnd() {
        feed("data: x\r", 1);
        feed("\n\r", 2);
        feed("\n", 3);
        assertEquals(List.of(new Event("x", 2)), events);
    }

    @Test
    void multiLineDataIsJoinedAndNoSpaceAfterColonIsAccepted() {
        feed("data:first\ndata: second\n\n", 7);
        assertEquals(List.of(new Event("first\nsecond", 7)), events);
    }

    @Test
    void multiByteUtf8SplitAcrossReadsIsDecodedWhole() {
        byte[] bytes = "data: caf\u00e9\n\n".getBytes(StandardCharsets.UTF_8);
        parser.feed(bytes, 0, 10, 1);
        parser.feed(bytes, 10, bytes.length - 10, 2);
        assertEquals("caf\u00e9", events.get(0).data());
    }

    @Test
    void reportsAPartialEventWhenTheStreamStopsMidway() {
        feed("data: {\"half\":", 1);
        assertTrue(parser.hasPartialEvent());
        feed("1}\n\n", 2);
        assertFalse(parser.hasPartialEvent());
    }

    @Test
    void longLinesGrowTheBuffer() {
        String big = "x".repeat(5000);
        feed("data: " + big + "\n\n", 1);
        assertEquals(big, events.get(0).data());
    }

    @Test
    void anEventWhoseBlankLineComesInTheNextReadSurvivesTheCallersBufferBeingReused() {
        byte[] read = "data: {\"a\":1}\n".getBytes(StandardCharsets.UTF_8);
        parser.feed(read, 1);
        java.util.Arrays.fill(read, (byte) 'z'); // a network layer may reuse its buffer after the call
        feed("\n", 2);
        assertEquals(List.of(new Event("{\"a\":1}", 2)), events);
    }

    @Test
    void aLineSplitAcrossReadsFollowedByMoreEventsInTheSameRead() {
        feed("da", 1);
        feed("ta: one\n\ndata: two\n\ndata: thr", 2);
        feed("ee\n\n", 3);
        assertEquals(List.of(new Event("one", 2), new Event("two", 2), new Event("three", 3)), events);
    }

    @Test
    void multiLineDataWhoseFirstLineWasInPlace() {
        feed("data: a\n", 1);
        feed("data: b\ndata: c\n\n", 2);
        feed("data: d\ndata: e\n\n", 3);
        assertEquals(List.of(new Event("a\nb\nc", 2), new Event("d\ne", 3)), events);
    }
}
