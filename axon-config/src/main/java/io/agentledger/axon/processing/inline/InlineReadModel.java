package io.agentledger.axon.processing.inline;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the event handlers of a processing group that keep a read model up to date in the
 * transaction of the command publishing the events (a subscribing processor), so a caller reads its
 * own write without waiting for a tracking processor. The read model's tracking projection still
 * applies every event (rebuild, catch-up after a contained failure); both write only the version that
 * follows the stored one, so whichever comes second changes nothing. A failing inline handler is rolled
 * back to a savepoint and left to the tracking projection: it never fails the command.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface InlineReadModel {
}
