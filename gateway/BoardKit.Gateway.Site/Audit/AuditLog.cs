using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Serialization;
using BoardKit.Gateway.Site.Signing;
using BoardKit.Gateway.Site.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace BoardKit.Gateway.Site.Audit
{
    /// <summary>
    /// The site's append-only audit log (table <c>audit_log</c> of the site database): every emergency start, refused
    /// start, clear, re-issue and board acknowledgement, with time, actor, boards and sequences.
    /// <list type="bullet">
    /// <item>This class can only append and read: there is no API to edit or delete an entry.</item>
    /// <item>SQLite triggers refuse UPDATE and DELETE on the table, so a bug or a stray statement cannot change it either.</item>
    /// <item>Each entry carries SHA-256 over the previous entry's hash and its own canonical content
    /// (<see cref="AuditHash"/>): editing, inserting or removing an entry with a SQLite tool (after dropping the triggers)
    /// is found by <see cref="Verify"/>, which names the first bad entry.</item>
    /// <item>The chain cannot tell that entries were cut off the end. Every append therefore logs the new head
    /// ("audit entry N head H") through <see cref="ILogger"/>, which under systemd lands in the journal, outside the
    /// database: <see cref="Verify"/> given such an anchor (N, H) proves that entry N is still there unchanged, so the
    /// log was not truncated before it. Without an anchor, removing the last entries is not detectable.</item>
    /// </list>
    /// Appends from several threads or processes are serialised by a write transaction (BEGIN IMMEDIATE).
    /// </summary>
    public sealed class AuditLog
    {
        private const string Schema = """
            CREATE TABLE IF NOT EXISTS audit_log (
                id INTEGER PRIMARY KEY,
                time_utc TEXT NOT NULL,
                action TEXT NOT NULL,
                actor TEXT NOT NULL,
                site TEXT NOT NULL,
                emergency_id INTEGER,
                summary TEXT NOT NULL,
                boards TEXT NOT NULL,
                prev_hash TEXT NOT NULL,
                hash TEXT NOT NULL);
            CREATE TRIGGER IF NOT EXISTS audit_log_no_update BEFORE UPDATE ON audit_log
                BEGIN SELECT RAISE(ABORT, 'the audit log is append-only: entries cannot be changed'); END;
            CREATE TRIGGER IF NOT EXISTS audit_log_no_delete BEFORE DELETE ON audit_log
                BEGIN SELECT RAISE(ABORT, 'the audit log is append-only: entries cannot be deleted'); END;
            """;

        private const string Columns = "id, time_utc, action, actor, site, emergency_id, summary, boards, prev_hash, hash";

        private static readonly JsonSerializerOptions BoardsJson = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

        private readonly SiteDatabase _database;
        private readonly ITimeSource _time;
        private readonly ILogger _logger;

        /// <summary>The log in <paramref name="database"/>, timed by <paramref name="time"/>, anchoring its head in <paramref name="logger"/>.</summary>
        public AuditLog(SiteDatabase database, ITimeSource time, ILogger? logger = null)
        {
            _database = database ?? throw new ArgumentNullException(nameof(database));
            _time = time ?? throw new ArgumentNullException(nameof(time));
            _logger = logger ?? NullLogger.Instance;
            _database.EnsureSchema(Schema);
        }

        /// <summary>Appends <paramref name="record"/> as the next entry and returns it with its id, time and hash.</summary>
        /// <exception cref="SiteStorageException">The database refused the write (disk full, read-only file).</exception>
        public AuditEntry Append(AuditRecord record)
        {
            ArgumentNullException.ThrowIfNull(record);
            string time = _time.UtcNow.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
            string action = AuditActions.Name(record.Action);
            string boards = JsonSerializer.Serialize(ToStored(record.Boards), BoardsJson);
            try
            {
                using SqliteConnection connection = _database.Open();
                using SqliteTransaction transaction = connection.BeginTransaction(deferred: false);
                (long lastId, string lastHash) = Head(connection, transaction);
                long id = lastId + 1;
                string hash = AuditHash.Compute(lastHash, id, time, action, record.Actor, record.Site, record.EmergencyId, record.Summary, boards);
                using (SqliteCommand insert = connection.CreateCommand())
                {
                    insert.Transaction = transaction;
                    insert.CommandText = $"INSERT INTO audit_log ({Columns}) VALUES ($id, $time, $action, $actor, $site, $emergency, $summary, $boards, $prev, $hash)";
                    insert.Parameters.AddWithValue("$id", id);
                    insert.Parameters.AddWithValue("$time", time);
                    insert.Parameters.AddWithValue("$action", action);
                    insert.Parameters.AddWithValue("$actor", record.Actor);
                    insert.Parameters.AddWithValue("$site", record.Site);
                    insert.Parameters.AddWithValue("$emergency", (object?)record.EmergencyId ?? DBNull.Value);
                    insert.Parameters.AddWithValue("$summary", record.Summary);
                    insert.Parameters.AddWithValue("$boards", boards);
                    insert.Parameters.AddWithValue("$prev", lastHash);
                    insert.Parameters.AddWithValue("$hash", hash);
                    insert.ExecuteNonQuery();
                }

                transaction.Commit();
                _logger.LogInformation("Audit entry {AuditId} ({AuditAction} by {AuditActor}) head {AuditHead}", id, action, record.Actor, hash);
                return new AuditEntry(id, DateTimeOffset.Parse(time, CultureInfo.InvariantCulture), action, record.Actor, record.Site, record.EmergencyId, record.Summary, record.Boards, lastHash, hash);
            }
            catch (SqliteException e)
            {
                throw new SiteStorageException($"The audit log in {_database.Path} could not be written: {e.Message}", e);
            }
        }

        /// <summary>Entries with id from <paramref name="fromId"/> on, at most <paramref name="count"/>, in order.</summary>
        public IReadOnlyList<AuditEntry> Read(long fromId = 1, int count = int.MaxValue)
        {
            var entries = new List<AuditEntry>();
            using SqliteConnection connection = _database.Open();
            using SqliteCommand query = connection.CreateCommand();
            query.CommandText = $"SELECT {Columns} FROM audit_log WHERE id >= $from ORDER BY id LIMIT $count";
            query.Parameters.AddWithValue("$from", fromId);
            query.Parameters.AddWithValue("$count", count);
            using SqliteDataReader row = query.ExecuteReader();
            while (row.Read())
            {
                StoredRow stored = StoredRow.From(row);
                entries.Add(new AuditEntry(
                    stored.Id,
                    DateTimeOffset.TryParse(stored.Time, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset t) ? t : DateTimeOffset.MinValue,
                    stored.Action, stored.Actor, stored.Site, stored.EmergencyId, stored.Summary, ParseBoards(stored.Boards), stored.PreviousHash, stored.Hash));
            }

            return entries;
        }

        /// <summary>The last entry's id and hash (0 and the genesis hash when empty).</summary>
        public (long Id, string Hash) Head()
        {
            using SqliteConnection connection = _database.Open();
            return Head(connection, null);
        }

        /// <summary>
        /// Walks the whole chain: ids 1..N without a gap, each entry's previous hash equal to the hash before it, each
        /// hash recomputed from the stored columns. With <paramref name="anchor"/> (an entry id and hash taken from the
        /// journal earlier) it also checks that this entry is still there with that hash, which detects a truncation.
        /// </summary>
        public AuditVerification Verify(AuditAnchor? anchor = null)
        {
            using SqliteConnection connection = _database.Open();
            using SqliteCommand query = connection.CreateCommand();
            query.CommandText = $"SELECT {Columns} FROM audit_log ORDER BY id";
            using SqliteDataReader row = query.ExecuteReader();
            string previous = AuditHash.Genesis;
            long expectedId = 1;
            bool anchorSeen = false;
            while (row.Read())
            {
                StoredRow e = StoredRow.From(row);
                if (e.Id != expectedId)
                {
                    return Bad(expectedId - 1, previous, expectedId, $"entry {expectedId} is missing (the next entry is {e.Id}): entries were removed.");
                }

                if (!string.Equals(e.PreviousHash, previous, StringComparison.Ordinal))
                {
                    return Bad(expectedId - 1, previous, e.Id, $"entry {e.Id} does not follow entry {e.Id - 1}: its previous hash is {Short(e.PreviousHash)}, the chain has {Short(previous)}.");
                }

                string computed;
                try
                {
                    computed = AuditHash.Compute(previous, e.Id, e.Time, e.Action, e.Actor, e.Site, e.EmergencyId, e.Summary, e.Boards);
                }
                catch (FormatException)
                {
                    return Bad(expectedId - 1, previous, e.Id, $"entry {e.Id} has a malformed hash.");
                }

                if (!string.Equals(computed, e.Hash, StringComparison.Ordinal))
                {
                    return Bad(expectedId - 1, previous, e.Id, $"entry {e.Id} was changed after it was written: its content does not match its hash.");
                }

                if (anchor is not null && anchor.Id == e.Id)
                {
                    if (!string.Equals(anchor.Hash, e.Hash, StringComparison.OrdinalIgnoreCase))
                    {
                        return Bad(expectedId - 1, previous, e.Id, $"entry {e.Id} has hash {Short(e.Hash)}, not {Short(anchor.Hash)} as anchored: the log was rewritten from entry {e.Id} or before.");
                    }

                    anchorSeen = true;
                }

                previous = e.Hash;
                expectedId++;
            }

            long count = expectedId - 1;
            if (anchor is not null && !anchorSeen)
            {
                return Bad(count, previous, count + 1, $"the anchored entry {anchor.Id} is not in the log, which ends at entry {count}: the log was truncated.");
            }

            return new AuditVerification(true, count, previous, null, null);
        }

        private static AuditVerification Bad(long verified, string head, long firstBad, string problem) =>
            new(false, verified, head, firstBad, problem);

        private static string Short(string hash) => hash.Length > 16 ? hash[..16] + "…" : hash;

        private static (long Id, string Hash) Head(SqliteConnection connection, SqliteTransaction? transaction)
        {
            using SqliteCommand query = connection.CreateCommand();
            query.Transaction = transaction;
            query.CommandText = "SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1";
            using SqliteDataReader row = query.ExecuteReader();
            return row.Read() ? (row.GetInt64(0), row.GetString(1)) : (0, AuditHash.Genesis);
        }

        private static List<StoredBoard> ToStored(IReadOnlyList<AuditBoard> boards)
        {
            var stored = new List<StoredBoard>(boards.Count);
            foreach (AuditBoard b in boards)
            {
                stored.Add(new StoredBoard(b.BoardId, b.Sequence, b.Outcome));
            }

            return stored;
        }

        private static IReadOnlyList<AuditBoard> ParseBoards(string json)
        {
            try
            {
                List<StoredBoard>? stored = JsonSerializer.Deserialize<List<StoredBoard>>(json, BoardsJson);
                var boards = new List<AuditBoard>();
                foreach (StoredBoard b in stored ?? new List<StoredBoard>())
                {
                    boards.Add(new AuditBoard(b.Board, b.Sequence, b.Outcome));
                }

                return boards;
            }
            catch (JsonException)
            {
                // A damaged boards column is shown as such; Verify reports the entry.
                return new[] { new AuditBoard("?", 0, "unreadable: " + json) };
            }
        }

        /// <summary>The boards column as JSON: [{"board":..,"sequence":..,"outcome":..}].</summary>
        private sealed record StoredBoard(
            [property: JsonPropertyName("board")] string Board,
            [property: JsonPropertyName("sequence")] ulong Sequence,
            [property: JsonPropertyName("outcome")] string Outcome);

        /// <summary>One row as stored, every column as text (what the hash covers).</summary>
        private sealed record StoredRow(long Id, string Time, string Action, string Actor, string Site, long? EmergencyId, string Summary, string Boards, string PreviousHash, string Hash)
        {
            public static StoredRow From(SqliteDataReader row) => new(
                row.GetInt64(0),
                Text(row, 1),
                Text(row, 2),
                Text(row, 3),
                Text(row, 4),
                row.IsDBNull(5) ? null : row.GetInt64(5),
                Text(row, 6),
                Text(row, 7),
                Text(row, 8),
                Text(row, 9));

            // A hand edit may store a value of another type; read whatever is there as text so the hash decides.
            private static string Text(SqliteDataReader row, int i) => row.IsDBNull(i) ? string.Empty : Convert.ToString(row.GetValue(i), CultureInfo.InvariantCulture) ?? string.Empty;
        }
    }

    /// <summary>An entry id and its hash as the journal recorded them ("audit entry N head H"), to detect truncation.</summary>
    /// <param name="Id">The entry id.</param>
    /// <param name="Hash">Its hash, 64 hex digits.</param>
    public sealed record AuditAnchor(long Id, string Hash)
    {
        /// <summary>Parses "N:HASH" (as <c>boardkit audit verify --anchor</c> takes it); null when malformed.</summary>
        public static AuditAnchor? Parse(string text)
        {
            int colon = text.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0 || !long.TryParse(text.AsSpan(0, colon), NumberStyles.None, CultureInfo.InvariantCulture, out long id) || id < 1)
            {
                return null;
            }

            string hash = text[(colon + 1)..].Trim();
            return hash.Length == 64 && hash.All(Uri.IsHexDigit) ? new AuditAnchor(id, hash.ToLowerInvariant()) : null;
        }
    }
}
