package io.benchsuite.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResumeCommandTest {

    @Test
    void keepsTheUsersArgumentsAndSetsResumeAndTheRunFolder() {
        assertEquals(
                "bench-suite --base-url http://10.0.0.5:8000 --parallel-requests 1,4 --resume --run-folder "
                        + "results/run-1",
                ResumeCommand.of(
                        List.of(
                                "--base-url",
                                "http://10.0.0.5:8000",
                                "--run-folder",
                                "old",
                                "--parallel-requests",
                                "1,4"),
                        Path.of("results/run-1")));
        assertEquals(
                "bench-suite --quick --resume --run-folder r",
                ResumeCommand.of(List.of("--resume", "--run-folder=r", "--quick"), Path.of("r")));
    }

    @Test
    void neverEchoesTheApiKey() {
        assertEquals(
                "bench-suite --api-key \"$BENCH_API_KEY\" --api-key=\"$BENCH_API_KEY\" --resume --run-folder r",
                ResumeCommand.of(List.of("--api-key", "sk-secret", "--api-key=sk-other"), Path.of("r")));
    }

    @Test
    void quotesWhatAShellWouldSplitOrExpand() {
        assertEquals(
                "bench-suite --gpu-name 'A100 80GB' --model-name 'it'\\''s' --resume --run-folder '/tmp/my run'",
                ResumeCommand.of(List.of("--gpu-name", "A100 80GB", "--model-name", "it's"), Path.of("/tmp/my run")));
        assertEquals("''", ResumeCommand.quote(""));
        assertEquals("'$HOME'", ResumeCommand.quote("$HOME"));
    }
}
