package io.agentledger.query.live;

/** A live subscriber read slower than events arrived: the events after its position left the window. */
public class StreamBehind extends RuntimeException {

    private final long position;
    private final long head;

    StreamBehind(long position, long head) {
        super("Too far behind: the events after position " + position + " are no longer held for live delivery; "
                + "subscribe again with from_position " + position + " to read them from the store", null, false,
                false);
        this.position = position;
        this.head = head;
    }

    public long position() {
        return position;
    }

    public long head() {
        return head;
    }
}
