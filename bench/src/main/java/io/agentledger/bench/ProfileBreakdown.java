package io.agentledger.bench;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where a Flight Recorder profile's CPU samples went, by the innermost frame outside the JDK, grouped by
 * framework; the request threads and every thread apart. Usage:
 * {@code java -cp bench/target/classes io.agentledger.bench.ProfileBreakdown service.jfr [thread-name-part]}.
 */
public final class ProfileBreakdown {

    private static final Map<String, String> FRAMEWORKS = frameworks();

    private ProfileBreakdown() {
    }

    public static void main(String[] args) throws IOException {
        Path recording = Path.of(args[0]);
        String requestThreads = args.length > 1 ? args[1] : "http-nio";
        Map<String, Long> requests = new TreeMap<>();
        Map<String, Long> threads = new TreeMap<>();
        for (RecordedEvent event : RecordingFile.readAllEvents(recording)) {
            if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null) {
                continue;
            }
            String thread = event.getThread("sampledThread").getJavaName();
            threads.merge(threadGroup(thread), 1L, Long::sum);
            if (thread != null && thread.contains(requestThreads)) {
                requests.merge(framework(event.getStackTrace().getFrames()), 1L, Long::sum);
            }
        }
        print("request threads (" + requestThreads + "), by innermost framework frame", requests);
        print("all threads, by thread", threads);
    }

    static String framework(List<RecordedFrame> frames) {
        for (RecordedFrame frame : frames) {
            String type = frame.getMethod().getType().getName();
            for (Map.Entry<String, String> framework : FRAMEWORKS.entrySet()) {
                if (type.startsWith(framework.getKey())) {
                    if (!framework.getValue().isEmpty()) {
                        return framework.getValue();
                    }
                    break;
                }
            }
        }
        return "JDK";
    }

    /** A thread's name without its number, so that a pool is one line. */
    private static String threadGroup(String thread) {
        return thread == null ? "?" : thread.replaceAll("[-#]?\\d+$", "").replaceAll("\\d+", "N");
    }

    private static void print(String title, Map<String, Long> counts) {
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        System.out.printf("%s: %,d samples%n", title, total);
        counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(entry -> System.out.printf("  %5.1f %%  %s%n", 100.0 * entry.getValue() / total,
                        entry.getKey()));
    }

    /** Prefixes in the order they are tried; an empty name means "look further out". */
    private static Map<String, String> frameworks() {
        Map<String, String> map = new LinkedHashMap<>();
        for (String jdk : List.of("java.", "javax.", "jdk.", "sun.", "com.sun.")) {
            map.put(jdk, "");
        }
        map.put("org.axonframework.", "Axon");
        map.put("org.apache.catalina.", "Tomcat");
        map.put("org.apache.coyote.", "Tomcat");
        map.put("org.apache.tomcat.", "Tomcat");
        map.put("org.springframework.security.", "Spring Security");
        map.put("org.springframework.web.", "Spring MVC");
        map.put("org.springframework.jdbc.", "Spring JDBC");
        map.put("org.springframework.transaction.", "Spring transactions");
        map.put("org.springframework.", "other Spring");
        map.put("io.micrometer.", "Micrometer");
        map.put("com.fasterxml.jackson.", "Jackson");
        map.put("org.postgresql.", "PostgreSQL driver");
        map.put("com.zaxxer.hikari.", "Hikari");
        map.put("org.hibernate.", "Hibernate");
        map.put("reactor.", "Reactor");
        map.put("io.agentledger.", "AgentLedger");
        map.put("org.slf4j.", "logging");
        map.put("ch.qos.logback.", "logging");
        return map;
    }
}
