using BoardKit.Firmware.Core.Board;
using BoardKit.Firmware.Core.Crypto;
using BoardKit.Firmware.Core.Ports;
using BoardKit.Firmware.Core.Security;
using BoardKit.Firmware.Core.Tests.Vectors;

namespace BoardKit.Firmware.Core.Tests.Board
{
    /// <summary>
    /// The board's receive path as the board boots it: flash files, replay state loaded by BoardStorage, the clock
    /// started from the saved lower bound, a ContentReceiver, and every stored content file restored. Reboot() does
    /// the same again over the same files, as a power cycle does.
    /// </summary>
    internal sealed class TestBoard
    {
        public const ulong FirstNonce = VectorCatalog.Session;
        public const ulong RebootNonce = 0x01A5800102030405;

        public TestBoard(IFileStore? files = null, KeyRing? keys = null, ulong nonce = FirstNonce, long networkUtcMs = 0)
        {
            Files = files ?? new MemoryFileStore();
            Keys = keys ?? TestKit.VectorKeys();
            Storage = new BoardStorage(Files);
            Replay = new ReplayGuard();
            StateLoad = Storage.LoadState(Replay);
            Clock = new BoardClock();
            Clock.Start(Replay.TimeLowerBound, 0);
            if (networkUtcMs > 0)
            {
                Clock.SetNetworkTime(networkUtcMs, 0);
            }

            Receiver = new ContentReceiver(VectorCatalog.BoardIdText, Keys, Replay, nonce, Clock, Storage);
            Restored = Receiver.RestoreStoredContent(0);
        }

        public IFileStore Files { get; }

        public KeyRing Keys { get; }

        public BoardStorage Storage { get; }

        public ReplayGuard Replay { get; }

        public BoardClock Clock { get; }

        public ContentReceiver Receiver { get; }

        /// <summary>BoardStorage.LoadState's answer at this boot.</summary>
        public int StateLoad { get; }

        /// <summary>Content files taken back at this boot.</summary>
        public int Restored { get; }

        public HeldContent Content => Receiver.Content;

        public int Receive(byte[] message, long monotonicMs = 0) => Receiver.Receive(message, message.Length, monotonicMs);

        public TestBoard Reboot(ulong nonce = RebootNonce, long networkUtcMs = 0) => new TestBoard(Files, Keys, nonce, networkUtcMs);
    }
}
