/**
 * The sandbox's data directory: what survives a restart and a crash.
 *
 * <p>Entry points: {@link io.amplify4j.sandbox.persistence.DataDirectory} (the directory, its lock and the auth
 * state) and {@link io.amplify4j.sandbox.persistence.PersistentTables} (the tables as a write-ahead log with atomic
 * snapshots; its javadoc explains the choice and the recovery).
 *
 * <h2>Decisions</h2>
 * <ul>
 *   <li><b>Durability</b>: a write is acknowledged only after its log record is forced to disk; an acknowledged
 *       write survives {@code kill -9} and power loss. A batch or transaction is one record: after a crash it is
 *       there whole or not at all (fault D5).</li>
 *   <li><b>Subscription events are at most once</b> (fault D6): an event goes to the subscriptions open when the
 *       write is acknowledged and is never stored; after a restart or crash nothing is redelivered, and clients
 *       reconnect and re-query (what Amplify's clients do after losing a connection). An event is only ever sent
 *       for a write that is already durable, since the mutation's response, and then its events, come after the
 *       flush.</li>
 *   <li><b>Visibility</b>: a write is visible to other requests once applied in memory, which is before its flush
 *       completes (so that writes to one table share a flush); for that window a read may see a write that a crash
 *       would undo. It was never acknowledged.</li>
 *   <li><b>Auth state</b>: the user pool's ids, signing key and users and the API keys are one small JSON file,
 *       replaced atomically on every change; tokens issued before a restart verify after it when the sandbox comes
 *       back on the same port (the issuer is the sandbox's URL).</li>
 * </ul>
 */
package io.amplify4j.sandbox.persistence;
