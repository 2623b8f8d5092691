using System;
using System.IO;
using Microsoft.Data.Sqlite;

namespace BoardKit.Gateway.Site.Storage
{
    /// <summary>
    /// The site's SQLite database (one file, e.g. /var/lib/boardkit/site.db): board registry, sequences, the outgoing
    /// MQTT queue, board history and the audit log. Each component creates its own tables (CREATE TABLE IF NOT EXISTS)
    /// through <see cref="EnsureSchema"/>. Journal mode WAL with synchronous FULL: a write that returned survives a power
    /// cut, which the sequence rule depends on (a sequence is persisted before the message that uses it is published).
    /// Thread-safe: every operation opens its own pooled connection.
    /// </summary>
    public sealed class SiteDatabase
    {
        private readonly string _connectionString;

        /// <summary>Opens (creating if missing) the database at <paramref name="path"/>.</summary>
        /// <exception cref="SiteStorageException">The file cannot be opened or is not a SQLite database.</exception>
        public SiteDatabase(string path)
        {
            ArgumentException.ThrowIfNullOrEmpty(path);
            Path = System.IO.Path.GetFullPath(path);
            string? folder = System.IO.Path.GetDirectoryName(Path);
            if (folder != null)
            {
                Directory.CreateDirectory(folder);
            }

            _connectionString = new SqliteConnectionStringBuilder { DataSource = Path, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = true }.ToString();
            try
            {
                using SqliteConnection connection = Open();
                Execute(connection, "PRAGMA journal_mode=WAL;");
            }
            catch (SqliteException e)
            {
                throw new SiteStorageException($"The site database {Path} cannot be opened: {e.Message}", e);
            }
        }

        /// <summary>Full path of the database file.</summary>
        public string Path { get; }

        /// <summary>Opens a connection (caller disposes it) with foreign keys on and full synchronous writes.</summary>
        public SqliteConnection Open()
        {
            var connection = new SqliteConnection(_connectionString);
            connection.Open();
            Execute(connection, "PRAGMA foreign_keys=ON; PRAGMA synchronous=FULL; PRAGMA busy_timeout=5000;");
            return connection;
        }

        /// <summary>Runs <paramref name="ddl"/> (CREATE TABLE IF NOT EXISTS ...) once per component at start-up.</summary>
        public void EnsureSchema(string ddl)
        {
            using SqliteConnection connection = Open();
            Execute(connection, ddl);
        }

        /// <summary>Runs a statement without results.</summary>
        public static void Execute(SqliteConnection connection, string sql, SqliteTransaction? transaction = null)
        {
            using SqliteCommand command = connection.CreateCommand();
            command.CommandText = sql;
            command.Transaction = transaction;
            command.ExecuteNonQuery();
        }
    }

    /// <summary>The site database failed (missing folder rights, a corrupt file, a full disk): the message says which and why.</summary>
    public sealed class SiteStorageException(string message, Exception? inner = null) : Exception(message, inner);
}
