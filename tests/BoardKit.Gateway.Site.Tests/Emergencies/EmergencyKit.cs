using System;
using System.Collections.Generic;
using System.Security.Cryptography;
using BoardKit.Firmware.Core.Board;
using BoardKit.Firmware.Core.Crypto;
using BoardKit.Firmware.Core.Wire;
using BoardKit.Gateway.Fonts;
using BoardKit.Gateway.Site.Audit;
using BoardKit.Gateway.Site.Emergencies;
using BoardKit.Gateway.Site.Registry;
using BoardKit.Gateway.Site.Signing;

namespace BoardKit.Gateway.Site.Tests.Emergencies
{
    /// <summary>
    /// A site on disk (SiteKit) with its emergency: the audit log and emergency state in the same SQLite file, the real
    /// renderer with Debian's fonts, and a recording publisher. Boards are delivered what was published through the
    /// firmware core's receive path, at the board's own time.
    /// </summary>
    internal sealed class EmergencyKit : IDisposable
    {
        /// <summary>Fonts are loaded once for all tests (Unifont takes ~100 ms).</summary>
        public static readonly FontSets Fonts = new();

        private readonly Dictionary<ContentReceiver, DateTimeOffset> _booted = new();

        public EmergencyKit()
        {
            Site = new SiteKit();
            Open();
        }

        public SiteKit Site { get; }

        public RecordingPublisher Publisher { get; } = new();

        public AuditLog Audit { get; private set; } = null!;

        public EmergencyStore Store { get; private set; } = null!;

        public SiteEmergency Emergency { get; private set; } = null!;

        /// <summary>The gateway's clock (and the boards' network time).</summary>
        public DateTimeOffset Now
        {
            get => Site.Time.UtcNow;
            set => Site.Time.UtcNow = value;
        }

        /// <summary>Opens the emergency over the site's files again, as a gateway restart does.</summary>
        public void Reopen()
        {
            Site.Reopen();
            Open();
        }

        /// <summary>Registers a board with a panel of <paramref name="width"/> x <paramref name="height"/> showing <paramref name="languages"/>.</summary>
        public BoardRecord AddBoard(string boardId, string? face, int width = 64, int height = 16, params string[] languages)
        {
            var record = new BoardRecord(boardId, SiteKit.Site, face, languages.Length == 0 ? new[] { "vi", "zh" } : languages, SiteKit.BoardJson(boardId, width: width, height: height), 1, 0);
            byte[] key = RandomNumberGenerator.GetBytes(KeyRing.KeySize);
            Site.BoardKeys[(boardId, 1)] = (byte[])key.Clone();
            Site.Registry.Add(record, new Dictionary<int, byte[]> { [1] = key });
            return record;
        }

        /// <summary>The board's receive path; its clock gets the network time now, at its monotonic 0.</summary>
        public ContentReceiver Board(string boardId)
        {
            ContentReceiver board = Site.Board(boardId);
            _booted[board] = Now;
            return board;
        }

        /// <summary>The board's monotonic time now, ms (its clock got the network time at 0).</summary>
        public long BoardMs(ContentReceiver board) => (long)(Now - _booted[board]).TotalMilliseconds;

        /// <summary>The gateway's time now, unix seconds (what the boards' clocks say).</summary>
        public long NowSeconds => Now.ToUnixTimeSeconds();

        /// <summary>Delivers <paramref name="message"/> to <paramref name="board"/> at the board's time now; returns the WireError.</summary>
        public int Deliver(ContentReceiver board, SignedMessage message) => board.Receive((byte[])message.Payload.Clone(), message.Payload.Length, BoardMs(board));

        public void Dispose() => Site.Dispose();

        private void Open()
        {
            Audit = new AuditLog(Site.Database, Site.Time);
            Store = new EmergencyStore(Site.Database);
            Emergency = new SiteEmergency(SiteKit.Site, Site.Registry, Site.Signer, Publisher, Audit, Store, new EmergencyRenderer(Fonts), Site.Time);
        }
    }
}
