package io.benchsuite.schedule;

import io.benchsuite.record.RequestRecord;

/** What a schedule reports while it runs (progress lines, self-metrics). Called from several threads. */
public interface Progress {

    void sent(int sentSoFar);

    void finished(RequestRecord record);

    Progress NONE = new Progress() {
        @Override
        public void sent(int sentSoFar) {}

        @Override
        public void finished(RequestRecord record) {}
    };
}
