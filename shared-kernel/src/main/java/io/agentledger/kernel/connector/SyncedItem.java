package io.agentledger.kernel.connector;

import java.util.List;

/** One item a connector's sync fetched: a mail, a calendar event… ({@code text} cut to a bound). */
public record SyncedItem(String id, String type, String title, List<String> labels, String text) {
}
