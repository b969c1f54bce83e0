package io.benchsuite.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ConnectException;
import org.junit.jupiter.api.Test;

/** The one-line message a failed request's record carries (pure: exceptions in, text out). */
class FailureDescriptionTest {

    @Test
    void aPlainExceptionIsItsClassAndMessage() {
        assertEquals(
                "ConnectException: Connection refused: /127.0.0.1:9",
                StreamingClient.describe(new ConnectException("Connection refused: /127.0.0.1:9")));
    }

    @Test
    void theRootCauseIsAddedWhenTheTopMessageHidesIt() {
        var wrapped = new io.netty.channel.ChannelException(
                "Failed to open a socket.", new IOException("Network is unreachable"));
        assertEquals(
                "ChannelException: Failed to open a socket. (IOException: Network is unreachable)",
                StreamingClient.describe(wrapped));
    }

    @Test
    void runningOutOfFileDescriptorsNamesTheLimitAndTheFix() {
        var wrapped = new io.netty.channel.ChannelException(
                "Failed to open a socket.", new java.net.SocketException("Too many open files"));
        String text = StreamingClient.describe(wrapped);
        assertTrue(
                text.startsWith("too many open files:")
                        && text.contains("ulimit -n")
                        && text.contains("Failed to open a socket"),
                text);
    }
}
