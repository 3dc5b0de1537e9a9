package io.agentledger.command.memory;

import io.agentledger.kernel.memory.DocumentContent;
import io.agentledger.kernel.memory.EntityMention;
import io.agentledger.kernel.memory.Episode;
import io.agentledger.kernel.memory.Extraction;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The offline extractor, with documented rules (README, "Memory"):
 * <ul>
 *   <li>episode type: {@code email} for mail apps, mail URIs, {@code message/rfc822} or a {@code thread_id}/
 *   {@code from} in metadata; {@code meeting} for calendar and meeting apps, or "meeting" in the title;
 *   {@code call} for "call" in the title; otherwise {@code note};</li>
 *   <li>participants: e-mail addresses in metadata ({@code from}, {@code to}, {@code cc}, {@code participants},
 *   {@code attendees}), the title and content, and the owner;</li>
 *   <li>entities: each participant a {@code person}, each non-webmail domain an {@code organization},
 *   "Project X" a {@code project}, each tag a {@code topic}.</li>
 * </ul>
 */
public class HeuristicExtractor implements DocumentExtractor {

    public static final String NAME = "heuristic";
    static final int MAX_PARTICIPANTS = 50;
    static final int MAX_ENTITIES = 100;

    /*
     * Bounded and possessive: each starting position costs a fixed number of steps, so an input made to
     * backtrack (a long run of address characters without a domain) is scanned in linear time.
     */
    static final Pattern EMAIL = Pattern.compile(
            "(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]{1,64}+@(?:[A-Za-z0-9-]{1,63}+\\.){1,8}[A-Za-z]{2,24}+");
    static final Pattern PROJECT = Pattern.compile(
            "\\b[Pp]roject[ \\t]{1,8}+([A-Z][\\w-]{0,60}+(?:[ \\t]{1,8}+[A-Z][\\w-]{0,60}+)?)");
    private static final Pattern MEETING = Pattern.compile("\\b(meeting|standup|stand-up|sync|1:1)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern CALL = Pattern.compile("\\b(call|phone)\\b", Pattern.CASE_INSENSITIVE);
    private static final Set<String> MAIL_APPS = Set.of("gmail", "outlook", "mail", "email", "imap", "exchange");
    private static final Set<String> MEETING_APPS = Set.of("calendar", "gcal", "zoom", "meet", "teams", "webex");
    private static final Set<String> WEBMAIL = Set.of("gmail.com", "googlemail.com", "outlook.com", "hotmail.com",
            "yahoo.com", "icloud.com", "proton.me", "protonmail.com", "aol.com", "live.com");
    private static final List<String> PARTICIPANT_KEYS = List.of("from", "to", "cc", "participants", "attendees");

    @Override
    public Extraction extract(DocumentContent document, Instant receivedAt) {
        Map<String, Object> metadata = document.metadata() == null ? Map.of() : document.metadata();
        List<String> participants = participants(document, metadata);
        String type = type(document, metadata);
        Episode episode = new Episode(type, document.title(), participants, occurredAt(metadata, receivedAt),
                summary(document.content()));
        Set<EntityMention> entities = new LinkedHashSet<>();
        participants.forEach(p -> entities.add(new EntityMention("person", p)));
        participants.stream().map(p -> p.substring(p.indexOf('@') + 1)).filter(d -> !WEBMAIL.contains(d))
                .forEach(d -> entities.add(new EntityMention("organization", d)));
        Matcher project = PROJECT.matcher(text(document));
        while (project.find()) {
            entities.add(new EntityMention("project", project.group(1)));
        }
        document.tags().forEach(tag -> entities.add(new EntityMention("topic", tag.toLowerCase(Locale.ROOT))));
        return new Extraction(episode, entities.stream().limit(MAX_ENTITIES).toList(), NAME);
    }

    static String type(DocumentContent document, Map<String, Object> metadata) {
        String app = document.app() == null ? "" : document.app().toLowerCase(Locale.ROOT);
        String uri = document.sourceUri().toLowerCase(Locale.ROOT);
        String title = document.title() == null ? "" : document.title();
        if (MAIL_APPS.contains(app) || uri.startsWith("gmail:") || uri.startsWith("mailto:")
                || uri.startsWith("imap:") || "message/rfc822".equals(document.mimeType())
                || metadata.containsKey("thread_id") || metadata.containsKey("from")) {
            return "email";
        }
        if (MEETING_APPS.contains(app) || metadata.containsKey("attendees") || MEETING.matcher(title).find()) {
            return "meeting";
        }
        return CALL.matcher(title).find() ? "call" : "note";
    }

    private static List<String> participants(DocumentContent document, Map<String, Object> metadata) {
        Set<String> found = new LinkedHashSet<>();
        for (String key : PARTICIPANT_KEYS) {
            Object value = metadata.get(key);
            emails(value instanceof List<?> list ? String.valueOf(list) : String.valueOf(value), found);
        }
        emails(document.owner() == null ? "" : document.owner(), found);
        emails(text(document), found);
        return new ArrayList<>(found).subList(0, Math.min(found.size(), MAX_PARTICIPANTS));
    }

    private static void emails(String text, Set<String> into) {
        Matcher matcher = EMAIL.matcher(text);
        while (matcher.find()) {
            into.add(matcher.group().toLowerCase(Locale.ROOT));
        }
    }

    private static Instant occurredAt(Map<String, Object> metadata, Instant fallback) {
        for (String key : List.of("date", "sent_at", "occurred_at", "start")) {
            if (metadata.get(key) instanceof String value) {
                try {
                    return Instant.parse(value);
                } catch (DateTimeParseException ignored) {
                    // not an instant: try the next key
                }
            }
        }
        return fallback;
    }

    /** The first sentence, at most 280 characters. */
    static String summary(String content) {
        String text = content.strip().replaceAll("\\s+", " ");
        int end = text.length();
        for (int i = 0; i < text.length() - 1; i++) {
            char c = text.charAt(i);
            if ((c == '.' || c == '!' || c == '?') && text.charAt(i + 1) == ' ') {
                end = i + 1;
                break;
            }
        }
        end = Math.min(end, 280);
        return text.substring(0, end);
    }

    private static String text(DocumentContent document) {
        return (document.title() == null ? "" : document.title() + "\n") + document.content();
    }
}
