using BenchmarkDotNet.Attributes;
using BoardKit.Firmware.Core.Board;
using BoardKit.Firmware.Core.Crypto;
using BoardKit.Firmware.Core.Security;
using BoardKit.Firmware.Core.Wire;
using BoardKit.Gateway.Publishing;
using BoardKit.Gateway.Rendering;

namespace BoardKit.Bench
{
    /// <summary>
    /// A whole signed program: the gateway composing and signing it for one board, and the board's receive path
    /// verifying the HMAC-SHA256 tag (pure managed SHA-256, as on the device) and validating every frame.
    /// </summary>
    [MemoryDiagnoser]
    [ShortRunJob]
    public class MessageBenchmarks
    {
        private const string BoardName = "lc-mlt-gate-1";
        private MessageBuilder gateway = null!;
        private BulletinItem[] items = null!;
        private ContentReceiver board = null!;
        private byte[] program = null!;

        /// <summary>Renders the bulletin as pages for 128x32 and builds one program to receive.</summary>
        [GlobalSetup]
        public void Setup()
        {
            var key = new byte[KeyRing.KeySize];
            for (int i = 0; i < key.Length; i++)
            {
                key[i] = (byte)(0xA5 ^ i);
            }

            var hash = new byte[BoardId.HashSize];
            BoardId.ComputeHash(BoardName, hash, 0);
            gateway = new MessageBuilder(hash, 1, key);
            items = new[] { new BulletinItem(SampleContent.Render(128, 32, RenderMode.Pages, SampleContent.Bulletin)) };
            int length = ProgramComposer.ComposeProgram(gateway, items, 1, 0);
            program = gateway.Buffer[..length];
            var keys = new KeyRing(1);
            keys.Add(1, key);
            board = new ContentReceiver(BoardName, keys, new ReplayGuard(), 1, new BoardClock(), null);
            board.Receive(program, program.Length, 0);
        }

        /// <summary>Gateway: pack 7 pages, compress, sign (≈ 1.4 KB message).</summary>
        [Benchmark]
        public int ComposeAndSign() => ProgramComposer.ComposeProgram(gateway, items, 2, 0);

        /// <summary>Board: verify the tag and validate the payload of the same program again (answer: Duplicate).</summary>
        [Benchmark]
        public int VerifyOnBoard() => board.Receive(program, program.Length, 0);
    }
}
