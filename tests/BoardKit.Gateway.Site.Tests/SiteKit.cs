using System;
using System.Collections.Generic;
using System.IO;
using System.Security.Cryptography;
using BoardKit.Firmware.Core.Board;
using BoardKit.Firmware.Core.Crypto;
using BoardKit.Firmware.Core.Ports;
using BoardKit.Firmware.Core.Security;
using BoardKit.Gateway.Site.Registry;
using BoardKit.Gateway.Site.Signing;
using BoardKit.Gateway.Site.Storage;

namespace BoardKit.Gateway.Site.Tests
{
    /// <summary>
    /// A site on disk for a test: a real SQLite site database and master key file in a fresh temporary folder, a clock
    /// the test sets, the registry, sequences and signer over them, and boards with random keys whose raw bytes the
    /// test keeps (as the board's own key file would) to build the board's side.
    /// </summary>
    internal sealed class SiteKit : IDisposable
    {
        public const string Site = "lc-mlt";

        public SiteKit()
        {
            Folder = Path.Combine(Path.GetTempPath(), "boardkit-site-" + Guid.NewGuid().ToString("N")[..10]);
            Directory.CreateDirectory(Folder);
            Reopen();
        }

        public string Folder { get; }

        public string DatabasePath => Path.Combine(Folder, "site.db");

        public string MasterKeyPath => Path.Combine(Folder, "master.key");

        /// <summary>The gateway's clock: starts at 2026-11-29T08:00:00Z, NTP state unknown.</summary>
        public FakeTime Time { get; } = new(new DateTimeOffset(2026, 11, 29, 8, 0, 0, TimeSpan.Zero));

        public SiteDatabase Database { get; private set; } = null!;

        public KeyVault Vault { get; private set; } = null!;

        public BoardRegistry Registry { get; private set; } = null!;

        public ClockGuard Clock { get; private set; } = null!;

        public SequenceStore Sequences { get; private set; } = null!;

        public BoardSigner Signer { get; private set; } = null!;

        /// <summary>Raw keys of the boards added here, by board and key id: what each board's key file holds.</summary>
        public Dictionary<(string Board, int KeyId), byte[]> BoardKeys { get; } = new();

        /// <summary>Opens everything again over the same files, as a gateway restart does.</summary>
        public void Reopen()
        {
            Database = new SiteDatabase(DatabasePath);
            Vault = KeyVault.Open(MasterKeyPath, create: true);
            Registry = new BoardRegistry(Database, Vault);
            Clock = new ClockGuard(Database, Time);
            Sequences = new SequenceStore(Database, Clock);
            Signer = new BoardSigner(Registry, Sequences);
        }

        /// <summary>A board.json for a 64 x 16 panel of 2 tiles on one chain, naming <paramref name="boardId"/>.</summary>
        public static string BoardJson(string boardId, string site = Site, int width = 64, int height = 16) =>
            "{\"format\":1,\"board\":\"" + boardId + "\",\"site\":\"" + site + "\"," +
            "\"panel\":{\"width\":" + width + ",\"height\":" + height + "},\"chains\":[{\"spiBus\":1,\"mosiGpio\":23,\"clockGpio\":18,\"leds\":" + (width * height) + "}]," +
            "\"tiles\":[{\"firstLed\":0,\"x\":0,\"y\":0,\"width\":" + width + ",\"height\":" + height + "}]," +
            "\"power\":{\"supplyMilliamps\":40000,\"budgetPercent\":80}," +
            "\"button\":{\"gpio\":27,\"holdMs\":2000,\"debounceMs\":50},\"broker\":{\"host\":\"127.0.0.1\",\"port\":8883,\"tls\":true}}";

        /// <summary>Registers <paramref name="boardId"/> with one random key, id <paramref name="keyId"/>.</summary>
        public BoardRecord AddBoard(string boardId, string? face = null, int keyId = 1)
        {
            var record = new BoardRecord(boardId, Site, face, new[] { "vi", "zh" }, BoardJson(boardId), keyId, 0);
            byte[] key = RandomNumberGenerator.GetBytes(KeyRing.KeySize);
            BoardKeys[(boardId, keyId)] = (byte[])key.Clone();
            Registry.Add(record, new Dictionary<int, byte[]> { [keyId] = key });
            return record;
        }

        /// <summary>A new random key for <paramref name="boardId"/>, remembered as the board's.</summary>
        public byte[] NewKey(string boardId, int keyId)
        {
            byte[] key = RandomNumberGenerator.GetBytes(KeyRing.KeySize);
            BoardKeys[(boardId, keyId)] = (byte[])key.Clone();
            return key;
        }

        /// <summary>
        /// The board's receive path as the board boots it (the firmware core's ContentReceiver over flash in memory),
        /// holding the keys this test gave it and knowing the time from the network.
        /// </summary>
        public ContentReceiver Board(string boardId, params int[] keyIds)
        {
            var keys = new KeyRing(2);
            foreach (int id in keyIds.Length == 0 ? new[] { 1 } : keyIds)
            {
                keys.Add(id, BoardKeys[(boardId, id)]);
            }

            var storage = new BoardStorage(new MemoryFileStore());
            var replay = new ReplayGuard();
            storage.LoadState(replay);
            var clock = new BoardClock();
            clock.Start(replay.TimeLowerBound, 0);
            clock.SetNetworkTime(Time.UtcNow.ToUnixTimeMilliseconds(), 0);
            return new ContentReceiver(boardId, keys, replay, 0x0102030405060708, clock, storage);
        }

        public void Dispose()
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(Folder, recursive: true);
            }
            catch (IOException)
            {
                // A test host still holding a file: the folder is in the temp directory and harmless.
            }
        }
    }

    /// <summary>A gateway clock the test sets; <see cref="IsSynchronized"/> is what timedatectl would say.</summary>
    internal sealed class FakeTime(DateTimeOffset start) : ITimeSource
    {
        public DateTimeOffset UtcNow { get; set; } = start;

        public bool? IsSynchronized { get; set; }
    }
}
