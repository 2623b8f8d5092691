using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using BoardKit.Firmware.Core.Config;
using BoardKit.Firmware.Core.Crypto;
using BoardKit.Firmware.Core.Wire;
using BoardKit.Gateway.Site.Storage;
using Microsoft.Data.Sqlite;

namespace BoardKit.Gateway.Site.Registry
{
    /// <summary>
    /// The boards of a site and their keys (tables <c>boards</c> and <c>board_keys</c> of the site database). Keys are
    /// stored only sealed by the <see cref="KeyVault"/>, and leave the registry only as HMAC instances
    /// (<see cref="SigningKey"/>, <see cref="Keys"/>): the raw bytes are cleared as soon as they are turned into one.
    /// A board holds at most 2 keys, as the board itself does (docs/protocol.md 7.1).
    /// </summary>
    public sealed class BoardRegistry
    {
        /// <summary>Keys a board holds at most: the current one and the next (docs/protocol.md 7.1).</summary>
        public const int MaxKeysPerBoard = 2;

        private const string Schema = """
            CREATE TABLE IF NOT EXISTS boards (
                board_id TEXT PRIMARY KEY,
                site TEXT NOT NULL,
                face TEXT,
                languages TEXT NOT NULL,
                board_json TEXT NOT NULL,
                key_id INTEGER NOT NULL,
                epoch INTEGER NOT NULL DEFAULT 0,
                added_utc TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS board_keys (
                board_id TEXT NOT NULL REFERENCES boards(board_id) ON DELETE CASCADE,
                key_id INTEGER NOT NULL,
                sealed BLOB NOT NULL,
                PRIMARY KEY (board_id, key_id));
            """;

        private readonly SiteDatabase _database;
        private readonly KeyVault _vault;

        /// <summary>The registry in <paramref name="database"/>, with keys sealed by <paramref name="vault"/>.</summary>
        public BoardRegistry(SiteDatabase database, KeyVault vault)
        {
            _database = database ?? throw new ArgumentNullException(nameof(database));
            _vault = vault ?? throw new ArgumentNullException(nameof(vault));
            _database.EnsureSchema(Schema);
        }

        /// <summary>
        /// Adds a board with its keys (key id → 32 bytes; the record's KeyId must be one of them). Checks what a board
        /// would check: the board.json parses, names this board and site, and every key is usable.
        /// </summary>
        /// <exception cref="RegistryException">Invalid id, board.json, key, or the board exists.</exception>
        public void Add(BoardRecord board, IReadOnlyDictionary<int, byte[]> keys)
        {
            ArgumentNullException.ThrowIfNull(board);
            ArgumentNullException.ThrowIfNull(keys);
            Validate(board);
            if (keys.Count is < 1 or > MaxKeysPerBoard || !keys.ContainsKey(board.KeyId))
            {
                throw new RegistryException($"Board {board.BoardId}: give 1 or 2 keys, including key {board.KeyId} to sign with.");
            }

            foreach ((int keyId, byte[] key) in keys)
            {
                CheckKey(board.BoardId, keyId, key);
            }

            using SqliteConnection connection = _database.Open();
            using SqliteTransaction transaction = connection.BeginTransaction();
            if (Exists(connection, transaction, board.BoardId))
            {
                throw new RegistryException($"Board {board.BoardId} is already registered.");
            }

            using (SqliteCommand insert = connection.CreateCommand())
            {
                insert.Transaction = transaction;
                insert.CommandText = "INSERT INTO boards (board_id, site, face, languages, board_json, key_id, epoch, added_utc) VALUES ($id, $site, $face, $languages, $json, $key, $epoch, $added)";
                insert.Parameters.AddWithValue("$id", board.BoardId);
                insert.Parameters.AddWithValue("$site", board.Site);
                insert.Parameters.AddWithValue("$face", (object?)board.Face ?? DBNull.Value);
                insert.Parameters.AddWithValue("$languages", string.Join(",", board.Languages));
                insert.Parameters.AddWithValue("$json", board.BoardJson);
                insert.Parameters.AddWithValue("$key", board.KeyId);
                insert.Parameters.AddWithValue("$epoch", (long)board.Epoch);
                insert.Parameters.AddWithValue("$added", DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture));
                insert.ExecuteNonQuery();
            }

            foreach ((int keyId, byte[] key) in keys)
            {
                InsertKey(connection, transaction, board.BoardId, keyId, key);
            }

            transaction.Commit();
        }

        /// <summary>The board, or null.</summary>
        public BoardRecord? Find(string boardId)
        {
            using SqliteConnection connection = _database.Open();
            using SqliteCommand query = connection.CreateCommand();
            query.CommandText = "SELECT board_id, site, face, languages, board_json, key_id, epoch FROM boards WHERE board_id = $id";
            query.Parameters.AddWithValue("$id", boardId);
            using SqliteDataReader row = query.ExecuteReader();
            return row.Read() ? Read(row) : null;
        }

        /// <summary>The board.</summary>
        /// <exception cref="RegistryException">No such board.</exception>
        public BoardRecord Get(string boardId) => Find(boardId) ?? throw new RegistryException($"Board {boardId} is not registered.");

        /// <summary>Every board, or those of <paramref name="site"/>, ordered by id.</summary>
        public IReadOnlyList<BoardRecord> List(string? site = null)
        {
            using SqliteConnection connection = _database.Open();
            using SqliteCommand query = connection.CreateCommand();
            query.CommandText = site == null
                ? "SELECT board_id, site, face, languages, board_json, key_id, epoch FROM boards ORDER BY board_id"
                : "SELECT board_id, site, face, languages, board_json, key_id, epoch FROM boards WHERE site = $site ORDER BY board_id";
            if (site != null)
            {
                query.Parameters.AddWithValue("$site", site);
            }

            var boards = new List<BoardRecord>();
            using SqliteDataReader row = query.ExecuteReader();
            while (row.Read())
            {
                boards.Add(Read(row));
            }

            return boards;
        }

        /// <summary>The key ids installed for the board, ascending.</summary>
        public IReadOnlyList<int> KeyIds(string boardId)
        {
            using SqliteConnection connection = _database.Open();
            using SqliteCommand query = connection.CreateCommand();
            query.CommandText = "SELECT key_id FROM board_keys WHERE board_id = $id ORDER BY key_id";
            query.Parameters.AddWithValue("$id", boardId);
            var ids = new List<int>();
            using SqliteDataReader row = query.ExecuteReader();
            while (row.Read())
            {
                ids.Add(row.GetInt32(0));
            }

            return ids;
        }

        /// <summary>
        /// Adds the board's next key (a rotation, docs/protocol.md 7.1). Key ids only go up: it must be above every id
        /// the board has.
        /// </summary>
        /// <exception cref="RegistryException">Unknown board, 2 keys already, a key id not above the others, an unusable key.</exception>
        public void AddKey(string boardId, int keyId, byte[] key)
        {
            CheckKey(boardId, keyId, key);
            using SqliteConnection connection = _database.Open();
            using SqliteTransaction transaction = connection.BeginTransaction();
            if (!Exists(connection, transaction, boardId))
            {
                throw new RegistryException($"Board {boardId} is not registered.");
            }

            IReadOnlyList<int> ids = KeyIds(boardId);
            if (ids.Count >= MaxKeysPerBoard)
            {
                throw new RegistryException($"Board {boardId} already holds {MaxKeysPerBoard} keys ({string.Join(", ", ids)}): remove the old one first.");
            }

            if (ids.Count > 0 && keyId <= ids.Max())
            {
                throw new RegistryException($"Board {boardId}: key ids only go up; the next key needs an id above {ids.Max()}, not {keyId}.");
            }

            InsertKey(connection, transaction, boardId, keyId, key);
            transaction.Commit();
        }

        /// <summary>Signs with <paramref name="keyId"/> from now on (it must be installed).</summary>
        public void UseKey(string boardId, int keyId)
        {
            if (!KeyIds(boardId).Contains(keyId))
            {
                throw new RegistryException($"Board {boardId} has no key {keyId}.");
            }

            Update(boardId, "UPDATE boards SET key_id = $value WHERE board_id = $id", keyId);
        }

        /// <summary>Forgets a key the gateway no longer signs with (after the board's own copy was removed).</summary>
        public void RemoveKey(string boardId, int keyId)
        {
            if (Get(boardId).KeyId == keyId)
            {
                throw new RegistryException($"Board {boardId} signs with key {keyId}: switch to another key first.");
            }

            using SqliteConnection connection = _database.Open();
            using SqliteCommand delete = connection.CreateCommand();
            delete.CommandText = "DELETE FROM board_keys WHERE board_id = $id AND key_id = $key";
            delete.Parameters.AddWithValue("$id", boardId);
            delete.Parameters.AddWithValue("$key", keyId);
            delete.ExecuteNonQuery();
        }

        /// <summary>Records the board's new content epoch (after a resync command it accepted).</summary>
        public void SetEpoch(string boardId, uint epoch) => Update(boardId, "UPDATE boards SET epoch = $value WHERE board_id = $id", epoch);

        /// <summary>Removes the board and its keys.</summary>
        public bool Remove(string boardId)
        {
            using SqliteConnection connection = _database.Open();
            using SqliteCommand delete = connection.CreateCommand();
            delete.CommandText = "DELETE FROM boards WHERE board_id = $id";
            delete.Parameters.AddWithValue("$id", boardId);
            return delete.ExecuteNonQuery() == 1;
        }

        /// <summary>The key the gateway signs the board's messages with, and its id.</summary>
        public (int KeyId, HmacSha256 Mac) SigningKey(string boardId)
        {
            BoardRecord board = Get(boardId);
            return (board.KeyId, Mac(boardId, board.KeyId));
        }

        /// <summary>Every key of the board, to verify what it sends (its status is signed with its highest key id).</summary>
        public KeyRing Keys(string boardId)
        {
            var ring = new KeyRing(MaxKeysPerBoard);
            foreach (int keyId in KeyIds(boardId))
            {
                byte[] key = OpenKey(boardId, keyId);
                try
                {
                    ring.Add(keyId, key);
                }
                finally
                {
                    Array.Clear(key);
                }
            }

            return ring;
        }

        private HmacSha256 Mac(string boardId, int keyId)
        {
            byte[] key = OpenKey(boardId, keyId);
            try
            {
                return new HmacSha256(key);
            }
            finally
            {
                Array.Clear(key);
            }
        }

        private byte[] OpenKey(string boardId, int keyId)
        {
            using SqliteConnection connection = _database.Open();
            using SqliteCommand query = connection.CreateCommand();
            query.CommandText = "SELECT sealed FROM board_keys WHERE board_id = $id AND key_id = $key";
            query.Parameters.AddWithValue("$id", boardId);
            query.Parameters.AddWithValue("$key", keyId);
            object? sealedKey = query.ExecuteScalar();
            if (sealedKey is not byte[] blob)
            {
                throw new RegistryException($"Board {boardId} has no key {keyId}.");
            }

            return _vault.Open(boardId, keyId, blob);
        }

        private void InsertKey(SqliteConnection connection, SqliteTransaction transaction, string boardId, int keyId, byte[] key)
        {
            using SqliteCommand insert = connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = "INSERT INTO board_keys (board_id, key_id, sealed) VALUES ($id, $key, $sealed)";
            insert.Parameters.AddWithValue("$id", boardId);
            insert.Parameters.AddWithValue("$key", keyId);
            insert.Parameters.AddWithValue("$sealed", _vault.Seal(boardId, keyId, key));
            insert.ExecuteNonQuery();
        }

        private void Update(string boardId, string sql, long value)
        {
            using SqliteConnection connection = _database.Open();
            using SqliteCommand update = connection.CreateCommand();
            update.CommandText = sql;
            update.Parameters.AddWithValue("$id", boardId);
            update.Parameters.AddWithValue("$value", value);
            if (update.ExecuteNonQuery() != 1)
            {
                throw new RegistryException($"Board {boardId} is not registered.");
            }
        }

        private static bool Exists(SqliteConnection connection, SqliteTransaction transaction, string boardId)
        {
            using SqliteCommand query = connection.CreateCommand();
            query.Transaction = transaction;
            query.CommandText = "SELECT 1 FROM boards WHERE board_id = $id";
            query.Parameters.AddWithValue("$id", boardId);
            return query.ExecuteScalar() != null;
        }

        private static void Validate(BoardRecord board)
        {
            if (!BoardId.IsValid(board.BoardId) || !BoardId.IsValid(board.Site))
            {
                throw new RegistryException($"'{board.BoardId}' at '{board.Site}': board and site ids are 1..64 of a-z 0-9 - _ .");
            }

            if (board.KeyId is < 1 or > 255)
            {
                throw new RegistryException($"Board {board.BoardId}: key ids are 1..255, not {board.KeyId}.");
            }

            BoardConfigResult config = BoardConfigParser.Parse(Encoding.UTF8.GetBytes(board.BoardJson));
            if (!config.Succeeded || config.Config == null)
            {
                throw new RegistryException($"Board {board.BoardId}: board.json is not valid ({config.OnPanelCode}): {config.Message}");
            }

            if (config.Config.Board != board.BoardId || config.Config.Site != board.Site)
            {
                throw new RegistryException($"Board {board.BoardId} at {board.Site}: its board.json names board '{config.Config.Board}' at '{config.Config.Site}'.");
            }
        }

        private static void CheckKey(string boardId, int keyId, byte[] key)
        {
            if (keyId is < 1 or > 255)
            {
                throw new RegistryException($"Board {boardId}: key ids are 1..255, not {keyId}.");
            }

            string? reason = KeyRing.UnusableReason(key);
            if (reason != null)
            {
                throw new RegistryException($"Board {boardId}, key {keyId}: {reason}.");
            }
        }

        private static BoardRecord Read(SqliteDataReader row) => new(
            row.GetString(0),
            row.GetString(1),
            row.IsDBNull(2) ? null : row.GetString(2),
            row.GetString(3).Split(',', StringSplitOptions.RemoveEmptyEntries),
            row.GetString(4),
            row.GetInt32(5),
            (uint)row.GetInt64(6));
    }

    /// <summary>A registry operation was refused; the message names the board and why.</summary>
    public sealed class RegistryException(string message) : Exception(message);
}
