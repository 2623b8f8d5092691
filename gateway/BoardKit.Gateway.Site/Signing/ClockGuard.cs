using System;
using BoardKit.Gateway.Site.Storage;
using Microsoft.Data.Sqlite;

namespace BoardKit.Gateway.Site.Signing
{
    /// <summary>
    /// The gateway never signs with a clock it has not checked (docs/protocol.md 8.5): sequences are numbered from the
    /// clock (max(last + 1, unix ms)) and every message carries its issue time, so one message signed with a clock far
    /// ahead locks a board's stream until a resync, and a clock far behind makes boards refuse alerts as expired. The
    /// guard keeps the highest time it has ever signed with (table <c>clock</c>) and refuses, with an explanation:
    /// <list type="bullet">
    /// <item>a clock before <see cref="EarliestPlausible"/> (never set: a Raspberry Pi has no battery clock);</item>
    /// <item>a clock more than <see cref="MaxBehind"/> behind the highest time it signed with;</item>
    /// <item>a clock more than <see cref="MaxAheadUnsynchronised"/> ahead of it while NTP is not known to be synchronised.</item>
    /// </list>
    /// To recover from a refusal: let NTP synchronise (timedatectl; the refusal lifts by itself), or, after checking
    /// the time by hand, <see cref="TrustCurrentClock"/> (<c>boardkit clock trust</c>). docs/operations.md says more.
    /// </summary>
    public sealed class ClockGuard
    {
        /// <summary>Nothing is signed with a clock before 2026-01-01T00:00:00Z (the software did not exist before).</summary>
        public static readonly DateTimeOffset EarliestPlausible = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

        /// <summary>How far the clock may go back (NTP steps, a restart): 5 minutes.</summary>
        public static readonly TimeSpan MaxBehind = TimeSpan.FromMinutes(5);

        /// <summary>How far ahead of the last signing time the clock may be without NTP's confirmation: 7 days (a gateway off for a week).</summary>
        public static readonly TimeSpan MaxAheadUnsynchronised = TimeSpan.FromDays(7);

        private const string Schema = "CREATE TABLE IF NOT EXISTS clock (id INTEGER PRIMARY KEY CHECK (id = 1), high_water_ms INTEGER NOT NULL);";

        private readonly SiteDatabase _database;
        private readonly ITimeSource _time;

        /// <summary>A guard over <paramref name="time"/>, remembering in <paramref name="database"/>.</summary>
        public ClockGuard(SiteDatabase database, ITimeSource time)
        {
            _database = database ?? throw new ArgumentNullException(nameof(database));
            _time = time ?? throw new ArgumentNullException(nameof(time));
            _database.EnsureSchema(Schema);
        }

        /// <summary>The highest time the gateway has signed with, unix ms (0 = never).</summary>
        public long HighWaterMs
        {
            get
            {
                using SqliteConnection connection = _database.Open();
                return Read(connection, null);
            }
        }

        /// <summary>
        /// Checks the clock now and returns it (unix ms), raising the high-water mark in the same transaction as
        /// <paramref name="transaction"/>'s work when given.
        /// </summary>
        /// <exception cref="UncheckedClockException">The clock cannot be trusted; the message says why and how to recover.</exception>
        public long Now(SqliteConnection connection, SqliteTransaction? transaction)
        {
            DateTimeOffset now = _time.UtcNow;
            long nowMs = now.ToUnixTimeMilliseconds();
            if (now < EarliestPlausible)
            {
                throw new UncheckedClockException($"The gateway's clock reads {now:u}, before {EarliestPlausible:yyyy-MM-dd}: it was never set. Connect the gateway to an NTP server (timedatectl) before publishing.");
            }

            long highWater = Read(connection, transaction);
            if (highWater > 0 && nowMs < highWater - (long)MaxBehind.TotalMilliseconds)
            {
                throw new UncheckedClockException($"The gateway's clock reads {now:u}, earlier than {DateTimeOffset.FromUnixTimeMilliseconds(highWater):u} it already signed with. Let NTP set the clock (timedatectl), or if that later time was wrong, check the time and run 'boardkit clock trust'.");
            }

            if (highWater > 0 && nowMs > highWater + (long)MaxAheadUnsynchronised.TotalMilliseconds && _time.IsSynchronized != true)
            {
                throw new UncheckedClockException($"The gateway's clock reads {now:u}, more than {MaxAheadUnsynchronised.TotalDays:0} days after it last signed ({DateTimeOffset.FromUnixTimeMilliseconds(highWater):u}), and NTP has not confirmed it. Let NTP synchronise (timedatectl), or check the time and run 'boardkit clock trust'.");
            }

            if (nowMs > highWater)
            {
                Write(connection, transaction, nowMs);
            }

            return nowMs;
        }

        /// <summary>Accepts the clock as it is now (after checking it by hand): the high-water mark becomes now.</summary>
        public void TrustCurrentClock()
        {
            using SqliteConnection connection = _database.Open();
            Write(connection, null, _time.UtcNow.ToUnixTimeMilliseconds());
        }

        private static long Read(SqliteConnection connection, SqliteTransaction? transaction)
        {
            using SqliteCommand query = connection.CreateCommand();
            query.Transaction = transaction;
            query.CommandText = "SELECT high_water_ms FROM clock WHERE id = 1";
            object? value = query.ExecuteScalar();
            return value is long ms ? ms : 0;
        }

        private static void Write(SqliteConnection connection, SqliteTransaction? transaction, long ms)
        {
            using SqliteCommand upsert = connection.CreateCommand();
            upsert.Transaction = transaction;
            upsert.CommandText = "INSERT INTO clock (id, high_water_ms) VALUES (1, $ms) ON CONFLICT(id) DO UPDATE SET high_water_ms = $ms";
            upsert.Parameters.AddWithValue("$ms", ms);
            upsert.ExecuteNonQuery();
        }
    }

    /// <summary>The gateway refused to sign because its clock cannot be trusted.</summary>
    public sealed class UncheckedClockException(string message) : Exception(message);
}
