package io.agentledger.app.observe;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Declared in {@code logback-spring.xml}, so it survives every reconfiguration of Logback: keeps the
 * process's last {@link #CAPACITY} log records as structured entries (no stack traces: the
 * exception's message only), newest first. The buffer is the process's, like Logback itself.
 */
public class RecentLogsAppender extends AppenderBase<ILoggingEvent> {

    static final int CAPACITY = 2000;
    private static final Deque<Map<String, Object>> ENTRIES = new ArrayDeque<>();

    @Override
    protected void append(ILoggingEvent event) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("timestamp", Instant.ofEpochMilli(event.getTimeStamp()));
        entry.put("level", event.getLevel().toString());
        entry.put("logger", event.getLoggerName());
        entry.put("thread", event.getThreadName());
        entry.put("message", event.getFormattedMessage());
        String requestId = event.getMDCPropertyMap().get("request_id");
        if (requestId != null) {
            entry.put("request_id", requestId);
        }
        if (event.getThrowableProxy() != null) {
            entry.put("error", event.getThrowableProxy().getMessage());
        }
        synchronized (ENTRIES) {
            ENTRIES.addFirst(entry);
            while (ENTRIES.size() > CAPACITY) {
                ENTRIES.removeLast();
            }
        }
    }

    static List<Map<String, Object>> newestFirst() {
        synchronized (ENTRIES) {
            return new ArrayList<>(ENTRIES);
        }
    }
}
