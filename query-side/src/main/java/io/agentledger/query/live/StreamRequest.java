package io.agentledger.query.live;

/** What a subscriber may send with a stream request: the position it last received, to resume after. */
public record StreamRequest(Long fromPosition) {

    static final StreamRequest NONE = new StreamRequest(null);
}
