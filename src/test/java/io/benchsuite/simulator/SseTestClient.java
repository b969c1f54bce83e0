package io.benchsuite.simulator;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

/** A plain JDK HTTP client reading SSE line by line, stamping each {@code data:} event as it arrives. */
final class SseTestClient {

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    /** One event: the raw payload after {@code data: } and when it arrived. */
    record Event(String data, long arrivalNanos) {
        JsonObject json() {
            return new JsonObject(data);
        }
    }

    record Result(int status, String contentType, long sentNanos, List<Event> events) {
        /** Events before {@code [DONE]}. */
        List<JsonObject> chunks() {
            return events.stream()
                    .filter(e -> !e.data().equals("[DONE]"))
                    .map(Event::json)
                    .toList();
        }

        double firstTokenMillis() {
            return (events.get(0).arrivalNanos() - sentNanos) / 1e6;
        }
    }

    static Result post(String url, String body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .timeout(Duration.ofSeconds(20))
                .build();
        long sent = System.nanoTime();
        HttpResponse<Stream<String>> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofLines());
        List<Event> events = new ArrayList<>();
        try (Stream<String> lines = response.body()) {
            Iterator<String> it = lines.iterator();
            while (it.hasNext()) {
                String line = it.next();
                long at = System.nanoTime();
                if (line.startsWith("data: ")) {
                    events.add(new Event(line.substring(6), at));
                } else if (!line.isEmpty()) {
                    throw new IllegalStateException("not an SSE line: " + line);
                }
            }
        }
        return new Result(
                response.statusCode(),
                response.headers().firstValue("content-type").orElse(""),
                sent,
                events);
    }

    /** A prompt of exactly n tokens: "go" then n - 1 times " abc". */
    static String promptOfTokens(int n) {
        return "go" + " abc".repeat(n - 1);
    }
}
