-- An append no longer notifies the sealer (each node's sealer is woken in memory after its own commits
-- and polls for the rest). A transaction that sends a notification takes a database-wide lock from its
-- commit until it ends, so notifying appends committed one at a time, each waiting for the previous
-- one's write to disk; appends that do not notify share their commits' flushes again.
DROP TRIGGER domain_event_entry_notify ON domain_event_entry;
DROP FUNCTION domain_event_entry_notify();
