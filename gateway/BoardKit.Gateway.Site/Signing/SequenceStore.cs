using System;
using BoardKit.Gateway.Site.Storage;
using Microsoft.Data.Sqlite;

namespace BoardKit.Gateway.Site.Signing
{
    /// <summary>
    /// Sequence numbers per board and stream (docs/protocol.md 8.1, 8.2): seq = max(last + 1, unix time in ms) from a
    /// checked clock (<see cref="ClockGuard"/>), written to the site database in the same transaction before it is
    /// returned, so no number is ever used twice, even across a power cut.
    /// </summary>
    public sealed class SequenceStore
    {
        private const string Schema = "CREATE TABLE IF NOT EXISTS sequences (board_id TEXT NOT NULL, stream TEXT NOT NULL, last INTEGER NOT NULL, PRIMARY KEY (board_id, stream));";
        private readonly SiteDatabase _database;
        private readonly ClockGuard _clock;

        /// <summary>Sequences in <paramref name="database"/>, timed by <paramref name="clock"/>.</summary>
        public SequenceStore(SiteDatabase database, ClockGuard clock)
        {
            _database = database ?? throw new ArgumentNullException(nameof(database));
            _clock = clock ?? throw new ArgumentNullException(nameof(clock));
            _database.EnsureSchema(Schema);
        }

        /// <summary>
        /// The next sequence of <paramref name="boardId"/>'s <paramref name="stream"/>, persisted, and the checked time
        /// it was taken at (unix ms, for the message's issue time).
        /// </summary>
        /// <exception cref="UncheckedClockException">The clock cannot be trusted.</exception>
        public (ulong Sequence, long NowMs) Next(string boardId, SequenceStream stream)
        {
            using SqliteConnection connection = _database.Open();
            using SqliteTransaction transaction = connection.BeginTransaction();
            long now = _clock.Now(connection, transaction);
            long last = Last(connection, transaction, boardId, stream);
            long next = Math.Max(last + 1, now);
            using (SqliteCommand upsert = connection.CreateCommand())
            {
                upsert.Transaction = transaction;
                upsert.CommandText = "INSERT INTO sequences (board_id, stream, last) VALUES ($id, $stream, $last) ON CONFLICT(board_id, stream) DO UPDATE SET last = $last";
                upsert.Parameters.AddWithValue("$id", boardId);
                upsert.Parameters.AddWithValue("$stream", stream.ToString());
                upsert.Parameters.AddWithValue("$last", next);
                upsert.ExecuteNonQuery();
            }

            transaction.Commit();
            return ((ulong)next, now);
        }

        /// <summary>The last sequence used on the stream (0 = none).</summary>
        public ulong Last(string boardId, SequenceStream stream)
        {
            using SqliteConnection connection = _database.Open();
            return (ulong)Last(connection, null, boardId, stream);
        }

        private static long Last(SqliteConnection connection, SqliteTransaction? transaction, string boardId, SequenceStream stream)
        {
            using SqliteCommand query = connection.CreateCommand();
            query.Transaction = transaction;
            query.CommandText = "SELECT last FROM sequences WHERE board_id = $id AND stream = $stream";
            query.Parameters.AddWithValue("$id", boardId);
            query.Parameters.AddWithValue("$stream", stream.ToString());
            object? value = query.ExecuteScalar();
            return value is long last ? last : 0;
        }
    }

    /// <summary>The gateway's sequence counters: one per board and stream (docs/protocol.md 8.1, 8.2).</summary>
    public enum SequenceStream
    {
        /// <summary>Programs.</summary>
        Program,

        /// <summary>Alerts and alert clears (one counter: a clear outranks its alert).</summary>
        Alert,

        /// <summary>Emergency presets.</summary>
        Preset,

        /// <summary>Live frames (session-bound).</summary>
        Frame,

        /// <summary>Commands (session-bound).</summary>
        Command,
    }
}
