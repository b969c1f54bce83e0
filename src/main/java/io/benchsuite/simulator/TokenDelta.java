package io.benchsuite.simulator;

/**
 * What one generated token adds to a response.
 *
 * @param text             text to send now (may be empty: an EOS token, or text held back while it could
 *                         still turn out to be the start of a stop string)
 * @param completionTokens tokens generated so far, this one included
 * @param finishReason     null while the request goes on
 * @param stopReason       the stop string that ended the request, else null
 */
public record TokenDelta(String text, int completionTokens, FinishReason finishReason, String stopReason) {

    public boolean finished() {
        return finishReason != null;
    }
}
