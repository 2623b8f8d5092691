using System;
using System.Collections.Generic;
using System.Text.Json;
using BoardKit.Gateway.Site.Storage;
using Microsoft.Data.Sqlite;

namespace BoardKit.Gateway.Site.Emergencies
{
    /// <summary>
    /// The state of the site's emergencies (tables <c>emergencies</c> and <c>emergency_boards</c> of the site database):
    /// what is on, since when, which alert each board was sent and what the board acknowledged. This is working state,
    /// updated in place; the record of what happened is the append-only <see cref="Audit.AuditLog"/>. Times are unix ms.
    /// </summary>
    public sealed class EmergencyStore
    {
        private const string Schema = """
            CREATE TABLE IF NOT EXISTS emergencies (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                site TEXT NOT NULL,
                texts TEXT NOT NULL,
                started_ms INTEGER NOT NULL,
                started_by TEXT NOT NULL,
                until_ms INTEGER,
                issued_ms INTEGER NOT NULL,
                ended_ms INTEGER,
                ended_by TEXT);
            CREATE INDEX IF NOT EXISTS emergencies_site ON emergencies (site, id);
            CREATE TABLE IF NOT EXISTS emergency_boards (
                emergency_id INTEGER NOT NULL REFERENCES emergencies(id),
                board_id TEXT NOT NULL,
                alert_sequence INTEGER NOT NULL,
                issued_ms INTEGER,
                error TEXT,
                shown_ms INTEGER,
                ended_ms INTEGER,
                PRIMARY KEY (emergency_id, board_id));
            """;

        private const string EmergencyColumns = "id, site, texts, started_ms, started_by, until_ms, issued_ms, ended_ms, ended_by";

        private readonly SiteDatabase _database;

        /// <summary>The emergency state in <paramref name="database"/>.</summary>
        public EmergencyStore(SiteDatabase database)
        {
            _database = database ?? throw new ArgumentNullException(nameof(database));
            _database.EnsureSchema(Schema);
        }

        /// <summary>Records a new emergency and returns its id.</summary>
        public long Create(string site, EmergencyTexts texts, DateTimeOffset started, string startedBy, DateTimeOffset? until)
        {
            using SqliteConnection connection = _database.Open();
            using SqliteCommand insert = connection.CreateCommand();
            insert.CommandText = "INSERT INTO emergencies (site, texts, started_ms, started_by, until_ms, issued_ms) VALUES ($site, $texts, $started, $by, $until, $started); SELECT last_insert_rowid();";
            insert.Parameters.AddWithValue("$site", site);
            insert.Parameters.AddWithValue("$texts", JsonSerializer.Serialize(texts.All));
            insert.Parameters.AddWithValue("$started", started.ToUnixTimeMilliseconds());
            insert.Parameters.AddWithValue("$by", startedBy);
            insert.Parameters.AddWithValue("$until", until is null ? DBNull.Value : until.Value.ToUnixTimeMilliseconds());
            return (long)insert.ExecuteScalar()!;
        }

        /// <summary>The latest emergency of <paramref name="site"/> (active or not), or null.</summary>
        public EmergencyRecord? Latest(string site)
        {
            using SqliteConnection connection = _database.Open();
            using SqliteCommand query = connection.CreateCommand();
            query.CommandText = $"SELECT {EmergencyColumns} FROM emergencies WHERE site = $site ORDER BY id DESC LIMIT 1";
            query.Parameters.AddWithValue("$site", site);
            using SqliteDataReader row = query.ExecuteReader();
            return row.Read() ? ReadEmergency(row) : null;
        }

        /// <summary>The emergency <paramref name="id"/>, or null.</summary>
        public EmergencyRecord? Find(long id)
        {
            using SqliteConnection connection = _database.Open();
            using SqliteCommand query = connection.CreateCommand();
            query.CommandText = $"SELECT {EmergencyColumns} FROM emergencies WHERE id = $id";
            query.Parameters.AddWithValue("$id", id);
            using SqliteDataReader row = query.ExecuteReader();
            return row.Read() ? ReadEmergency(row) : null;
        }

        /// <summary>Marks the emergency ended (cleared, or replaced by a newer one).</summary>
        public void End(long id, DateTimeOffset when, string by) =>
            Execute("UPDATE emergencies SET ended_ms = $when, ended_by = $by WHERE id = $id AND ended_ms IS NULL",
                ("$id", id), ("$when", when.ToUnixTimeMilliseconds()), ("$by", by));

        /// <summary>Notes that the emergency's alerts were signed again at <paramref name="when"/>.</summary>
        public void Reissued(long id, DateTimeOffset when) =>
            Execute("UPDATE emergencies SET issued_ms = $when WHERE id = $id", ("$id", id), ("$when", when.ToUnixTimeMilliseconds()));

        /// <summary>Records what the last start or re-issue did on one board (the acknowledgements start again).</summary>
        public void SetBoard(long emergencyId, BoardOutcome outcome, DateTimeOffset when) =>
            Execute("""
                INSERT INTO emergency_boards (emergency_id, board_id, alert_sequence, issued_ms, error) VALUES ($id, $board, $seq, $when, $error)
                ON CONFLICT (emergency_id, board_id) DO UPDATE SET
                    alert_sequence = CASE WHEN $error IS NULL THEN $seq ELSE alert_sequence END,
                    issued_ms = CASE WHEN $error IS NULL THEN $when ELSE issued_ms END,
                    error = $error,
                    shown_ms = CASE WHEN $error IS NULL THEN NULL ELSE shown_ms END,
                    ended_ms = CASE WHEN $error IS NULL THEN NULL ELSE ended_ms END
                """,
                ("$id", emergencyId), ("$board", outcome.BoardId), ("$seq", outcome.Error is null ? (long)outcome.Sequence : 0L),
                ("$when", when.ToUnixTimeMilliseconds()), ("$error", (object?)outcome.Error ?? DBNull.Value));

        /// <summary>
        /// Records a board's verified acknowledgement of its alert <paramref name="alertSequence"/> (shown or ended);
        /// returns the emergency that alert belongs to, or null when the gateway sent no such alert to that board.
        /// </summary>
        public long? Acknowledge(string boardId, ulong alertSequence, bool shown, DateTimeOffset when)
        {
            using SqliteConnection connection = _database.Open();
            using SqliteCommand update = connection.CreateCommand();
            update.CommandText = (shown
                ? "UPDATE emergency_boards SET shown_ms = $when"
                : "UPDATE emergency_boards SET ended_ms = $when") +
                " WHERE board_id = $board AND alert_sequence = $seq AND $seq <> 0 RETURNING emergency_id";
            update.Parameters.AddWithValue("$board", boardId);
            update.Parameters.AddWithValue("$seq", (long)alertSequence);
            update.Parameters.AddWithValue("$when", when.ToUnixTimeMilliseconds());
            object? id = update.ExecuteScalar();
            return id is long emergency ? emergency : null;
        }

        /// <summary>The boards of emergency <paramref name="emergencyId"/>, ordered by id.</summary>
        public IReadOnlyList<EmergencyBoard> Boards(long emergencyId)
        {
            using SqliteConnection connection = _database.Open();
            using SqliteCommand query = connection.CreateCommand();
            query.CommandText = "SELECT board_id, alert_sequence, issued_ms, error, shown_ms, ended_ms FROM emergency_boards WHERE emergency_id = $id ORDER BY board_id";
            query.Parameters.AddWithValue("$id", emergencyId);
            var boards = new List<EmergencyBoard>();
            using SqliteDataReader row = query.ExecuteReader();
            while (row.Read())
            {
                boards.Add(new EmergencyBoard(row.GetString(0), (ulong)row.GetInt64(1), Time(row, 2), row.IsDBNull(3) ? null : row.GetString(3), Time(row, 4), Time(row, 5)));
            }

            return boards;
        }

        private void Execute(string sql, params (string Name, object Value)[] parameters)
        {
            using SqliteConnection connection = _database.Open();
            using SqliteCommand command = connection.CreateCommand();
            command.CommandText = sql;
            foreach ((string name, object value) in parameters)
            {
                command.Parameters.AddWithValue(name, value);
            }

            command.ExecuteNonQuery();
        }

        private static EmergencyRecord ReadEmergency(SqliteDataReader row)
        {
            KeyValuePair<string, string>[] texts = JsonSerializer.Deserialize<KeyValuePair<string, string>[]>(row.GetString(2)) ?? Array.Empty<KeyValuePair<string, string>>();
            return new EmergencyRecord(
                row.GetInt64(0),
                row.GetString(1),
                new EmergencyTexts(texts),
                DateTimeOffset.FromUnixTimeMilliseconds(row.GetInt64(3)),
                row.GetString(4),
                Time(row, 5),
                DateTimeOffset.FromUnixTimeMilliseconds(row.GetInt64(6)),
                Time(row, 7),
                row.IsDBNull(8) ? null : row.GetString(8));
        }

        private static DateTimeOffset? Time(SqliteDataReader row, int i) => row.IsDBNull(i) ? null : DateTimeOffset.FromUnixTimeMilliseconds(row.GetInt64(i));
    }
}
