package io.benchsuite.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Where each stream fault fires and what it writes, on a scripted 3-token answer with a usage chunk. */
class InjectedFaultTest {

    /** Feeds role, 3 tokens, usage, [DONE] (as a chat stream) until the fault stops the stream. */
    private static List<StreamStep> play(String spec) {
        InjectedFault fault = new InjectedFault(Fault.parse(spec));
        List<StreamStep> steps = new ArrayList<>();
        List<StreamFrame> frames = List.of(
                new StreamFrame(StreamFrame.Kind.ROLE, 0, "role"),
                new StreamFrame(StreamFrame.Kind.TOKEN, 0, "t0"),
                new StreamFrame(StreamFrame.Kind.TOKEN, 1, "t1"),
                new StreamFrame(StreamFrame.Kind.TOKEN, 2, "t2"),
                new StreamFrame(StreamFrame.Kind.USAGE, 3, "usage"),
                new StreamFrame(StreamFrame.Kind.DONE, 3, "done"));
        for (StreamFrame frame : frames) {
            StreamStep step = fault.onFrame(frame);
            steps.add(step);
            if (step.then() != StreamStep.Then.CONTINUE) {
                break;
            }
        }
        return steps;
    }

    @Test
    void dropFiresAtTheFirstTokenFrameAfterKTokens() {
        List<StreamStep> steps = play("drop:2");
        assertEquals(4, steps.size(), "role, t0, t1, then the drop instead of t2");
        assertEquals(new StreamStep("", StreamStep.Then.DROP), steps.get(3));
    }

    @Test
    void aFaultBeyondTheAnswerFiresAtItsEnd() {
        List<StreamStep> steps = play("stall:50");
        assertEquals(new StreamStep("", StreamStep.Then.STALL), steps.get(4), "at the usage chunk");
    }

    @Test
    void malformedWritesBrokenJsonOnceAndCarriesOn() {
        List<StreamStep> steps = play("malformed:1");
        assertEquals(6, steps.size());
        assertTrue(steps.get(2).write().startsWith("data: {\"id\":\"cmpl-broken\""));
        assertTrue(steps.get(2).write().endsWith("t1"), "the real frame follows the broken one");
        assertEquals("t2", steps.get(3).write(), "only once");
    }

    @Test
    void errorEventsEndWithDone() {
        StreamStep nested = play("error-event:1").get(2);
        assertEquals(StreamStep.Then.END, nested.then());
        assertTrue(
                nested.write()
                        .startsWith(
                                "data: {\"error\":{\"message\":\"Simulated fault: generation failed"
                                        + " after 1 tokens.\",\"type\":\"InternalServerError\",\"param\":null,\"code\":500}}\n\n"),
                nested.write());
        assertTrue(nested.write().endsWith("data: [DONE]\n\n"));
        StreamStep flat = play("error-object:0").get(1);
        assertTrue(flat.write().startsWith("data: {\"object\":\"error\",\"message\":"), flat.write());
        assertTrue(flat.write().endsWith("data: [DONE]\n\n"));
    }

    @Test
    void noDoneWithoutKLeavesOnlyDoneOut() {
        List<StreamStep> steps = play("no-done");
        assertEquals(6, steps.size());
        assertEquals("usage", steps.get(4).write());
        assertEquals(new StreamStep("", StreamStep.Then.END), steps.get(5));
        assertEquals(new StreamStep("", StreamStep.Then.END), play("no-done:1").get(2));
    }

    @Test
    void statusesCarryVllmTypesAndRetryAfter() {
        assertEquals(
                new ApiError(429, "RateLimitError", "Simulated fault: too many requests, retry later.", 1),
                InjectedFault.statusError(429));
        assertEquals(0, InjectedFault.statusError(500).retryAfterSeconds());
        assertEquals(1, InjectedFault.statusError(503).retryAfterSeconds());
        assertEquals("BadRequestError", InjectedFault.statusError(418).type());
    }
}
