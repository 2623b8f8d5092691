using System;
using System.Collections.Generic;
using BoardKit.Firmware.Core.Board;
using BoardKit.Firmware.Core.Ports;
using BoardKit.Firmware.Core.Security;
using BoardKit.Firmware.Core.Tests.Board;
using BoardKit.Tests.Shared;

namespace BoardKit.Firmware.Core.Tests.Vectors
{
    /// <summary>
    /// The replay state vectors, tests/vectors/state-*.hex: what ReplayGuard.Save writes (format 2, 148 bytes) in three
    /// situations, each produced by the real code (a fresh guard, or the board's receive path over a RAM flash), and
    /// the values ReplayGuard.Load must give back, stated here by hand.
    /// </summary>
    internal static partial class VectorCatalog
    {
        /// <summary>Issue time of the program restored in state-recovering: 2026-01-02T00:00:00Z.</summary>
        public const uint RecoveredIssuedAt = 1767312000;

        /// <summary>Network time of the board in state-recovering: 2026-01-02T01:00:00Z.</summary>
        public const uint RecoveringNetworkTime = 1767315600;

        /// <summary>Sequence of the program restored in state-recovering.</summary>
        public const ulong RecoveredSequence = 0x0000000000010003;

        /// <summary>Content epoch of the program restored in state-recovering.</summary>
        public const uint RecoveredEpoch = 3;

        /// <summary>One stream's record in a saved state: key id (0 = none in this epoch), sequence, tag (all zero = none).</summary>
        public sealed record StreamRecord(int KeyId, ulong Sequence, byte[] Tag)
        {
            public static StreamRecord None => new(0, 0, new byte[32]);
        }

        /// <summary>The values a saved state holds.</summary>
        public sealed record StateValues(uint Generation, uint Epoch, uint TimeLowerBound, bool Recovering, uint RecoveryFloor, StreamRecord Program, StreamRecord Alert, StreamRecord Preset)
        {
            public StreamRecord Stream(int stream) => stream == ReplayGuard.StreamProgram ? Program : stream == ReplayGuard.StreamAlert ? Alert : Preset;
        }

        public sealed record StateSpec(string Name, string Description, StateValues Values, Func<byte[]> Build, string? RestoredProgram = null);

        public static StateSpec[] States() => new[]
        {
            new StateSpec("state-fresh", "a freshly provisioned board's state after its first save: new ReplayGuard, Save once",
                new StateValues(1, 0, 0, false, 0, StreamRecord.None, StreamRecord.None, StreamRecord.None),
                FreshState),
            new StateSpec("state-after-program", "the state a fresh board saves when it accepts msg-program (no network time: the time lower bound is msg-program's issue time)",
                new StateValues(1, 0, IssuedAt, false, 0, new StreamRecord(KeyId, ProgramSequence, TagOf(Program())), StreamRecord.None, StreamRecord.None),
                StateAfterProgram),
            new StateSpec("state-recovering",
                "both state slots damaged at boot (recovery), network time 2026-01-02T01:00:00Z; the board restores its program.bin, the program in restored-program (content epoch 3, sequence 0x10003, issued 2026-01-02T00:00:00Z): it adopts epoch 3, the issue time becomes the recovery floor, and it saves",
                new StateValues(1, RecoveredEpoch, RecoveringNetworkTime, true, RecoveredIssuedAt, new StreamRecord(KeyId, RecoveredSequence, TagOf(RecoveredProgram())), StreamRecord.None, StreamRecord.None),
                StateRecovering, VectorFile.ToHex(RecoveredProgram(), 0, RecoveredProgram().Length)),
        };

        /// <summary>The program restored in state-recovering: SmallProgram in epoch 3.</summary>
        public static byte[] RecoveredProgram() => SmallProgram(RecoveredSequence, RecoveredEpoch, KeyId, RecoveredIssuedAt);

        /// <summary>The last 32 bytes of a message: its tag.</summary>
        public static byte[] TagOf(byte[] message) => message.AsSpan(message.Length - 32).ToArray();

        /// <summary>Tag (contiguous hex) -> the vector it is the tag of, for the annotation of stream records.</summary>
        public static Dictionary<string, string> TagNames()
        {
            var names = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (MessageSpec m in Messages())
            {
                byte[] tag = TagOf(m.Build());
                names[VectorFile.ToHex(tag, 0, 32)] = m.Name;
            }

            names[VectorFile.ToHex(TagOf(RecoveredProgram()), 0, 32)] = "restored-program";
            return names;
        }

        private static byte[] FreshState()
        {
            byte[] state = new byte[ReplayGuard.StateSize];
            int n = new ReplayGuard().Save(state, 0);
            return n == ReplayGuard.StateSize ? state : throw new InvalidOperationException("Save returned " + n);
        }

        private static byte[] StateAfterProgram()
        {
            var board = new TestBoard();
            int verdict = board.Receive(Program());
            if (verdict != 0)
            {
                throw new InvalidOperationException("msg-program refused: " + verdict);
            }

            return NewestState(board.Files);
        }

        private static byte[] StateRecovering()
        {
            var files = new MemoryFileStore();
            byte[] damaged = new byte[ReplayGuard.StateSize];
            Array.Fill(damaged, (byte)0xA5);
            files.Write(BoardStorage.StateFile0, damaged, damaged.Length);
            byte[] program = RecoveredProgram();
            files.Write(BoardStorage.ProgramFile, program, program.Length);
            var board = new TestBoard(files, networkUtcMs: RecoveringNetworkTime * 1000L);
            if (board.Restored != 1)
            {
                throw new InvalidOperationException("the program was not restored");
            }

            return NewestState(files);
        }

        /// <summary>The newest valid replay state slot on <paramref name="files"/> (as LoadNewest picks it), or null when none is valid.</summary>
        public static byte[] NewestState(IFileStore files)
        {
            byte[]? s0 = files.Read(BoardStorage.StateFile0);
            byte[]? s1 = files.Read(BoardStorage.StateFile1);
            int slot = new ReplayGuard().LoadNewest(s0, s0?.Length ?? 0, s1, s1?.Length ?? 0, out _);
            return slot == 0 ? s0! : slot == 1 ? s1! : throw new InvalidOperationException("no valid replay state slot");
        }
    }
}
