using System;
using System.Globalization;
using System.Text;
using BoardKit.Firmware.Core.Wire;
using BoardKit.Tests.Shared;

namespace BoardKit.Firmware.Core.Tests.Vectors
{
    /// <summary>
    /// The script of the reboot vector (tests/vectors/board-reboot.txt). The verdicts are stated here by hand; only the
    /// state lines are taken from running the real receive path (RebootBoard). RebootVectorTests runs the file.
    /// </summary>
    internal static partial class VectorCatalog
    {
        public const string RebootVectorName = "board-reboot";

        /// <summary>Session nonce of the board after the reboot (TestBoard.RebootNonce).</summary>
        public const ulong RebootNonce = 0x01A5800102030405;

        /// <summary>One statement: boot (nonce, found), restore (stream, verdict), receive (vector, verdict), state; and its comment.</summary>
        public sealed record RebootStep(string Kind, string First, string Second, string Comment);

        private static RebootStep Boot(ulong nonce, string found, string comment) => new("boot", "0x" + nonce.ToString("X16", CultureInfo.InvariantCulture), found, comment);

        private static RebootStep Restore(string stream, int verdict, string comment) => new("restore", stream, WireErrorName.Of(verdict), comment);

        private static RebootStep Receive(string vector, int verdict, string comment) => new("receive", vector, WireErrorName.Of(verdict), comment);

        private static RebootStep State(string comment) => new("state", string.Empty, string.Empty, comment);

        public static RebootStep[] RebootScript() => new[]
        {
            Boot(Session, "fresh", "first boot of a freshly provisioned board: nothing on flash"),
            Receive("msg-program", WireError.None, "new: program.bin written, then the state (generation 1)"),
            Receive("msg-program", WireError.Duplicate, "a QoS 1 duplicate: the message it holds"),
            Receive("neg-program-older", WireError.Replay, "sequence 0x10000 < 0x10001"),
            Receive("neg-program-rollback", WireError.Rollback, "sequence 0x10001 again, another tag"),
            Receive("msg-alert", WireError.None, "board time 00:00Z (msg-program's issue time), the alert runs to 01:00Z (generation 2)"),
            Receive("msg-preset", WireError.None, "generation 3"),
            Receive("msg-command-brightness", WireError.None, "command 0x105 in this boot's session"),
            Receive("msg-command-brightness", WireError.Replay, "0x105 is used in this session"),
            Receive("msg-command-resync", WireError.None, "command 0x108: content epoch 1 starts, every stream starts over; the tags stay (generation 4)"),
            Receive("msg-program", WireError.Duplicate, "its tag is still the stored one: the message the board shows"),
            Receive("msg-program-epoch1", WireError.None, "epoch 1, sequence 0x10001 is new again (generation 5)"),
            Receive("msg-command-reboot", WireError.None, "command 0x10A: the board reboots"),
            State("what is on flash at the power cycle: generation 5, epoch 1; program record: key 1, 0x10001, msg-program-epoch1's tag; alert and preset: no record in epoch 1 (key id 0, sequence 0) but msg-alert's and msg-preset's tags"),
            Boot(RebootNonce, "loaded", "power cycle: a new session nonce; flash kept"),
            Restore("program", WireError.Duplicate, "program.bin = msg-program-epoch1, the stored tag"),
            Restore("alert", WireError.Duplicate, "alert.bin = msg-alert: its tag is kept across the resync, so it restores (and is on until 01:00Z)"),
            Restore("preset", WireError.Duplicate, "preset.bin = msg-preset"),
            Receive("msg-program-epoch1", WireError.Duplicate, "the broker's retained copy after reconnecting"),
            Receive("msg-alert", WireError.Duplicate, "the retained alert"),
            Receive("msg-program", WireError.Replay, "the older program: epoch 0 is over"),
            Receive("neg-program-older", WireError.Replay, "older still"),
            Receive("msg-alert-clear", WireError.Replay, "epoch 0: the gateway must re-sign its clear in epoch 1"),
            Receive("msg-command-reboot", WireError.WrongSession, "the captured reboot command: the nonce has changed"),
            Receive("msg-command-resync", WireError.WrongSession, "a captured resync cannot be replayed either"),
            Receive("msg-command-brightness", WireError.WrongSession, "nor any other command of the earlier boot"),
            State("nothing was saved since the boot: restores of stored copies and duplicates do not save, refusals change nothing"),
        };

        /// <summary>The text of board-reboot.txt: metadata, the format, then the script with the state lines filled in by running it.</summary>
        public static string GenerateReboot()
        {
            var text = new StringBuilder();
            void Line(string s) => text.Append(s).Append('\n');
            Line("# vector: " + RebootVectorName);
            Line("# description: msg-program, alert, preset and commands on a fresh board, a resync to content epoch 1 and a new program, a power cycle, then the stored copies, retained copies and captured messages");
            Line("# key: " + VectorFile.ToHex(Key(), 0, 32));
            Line("# key-id: " + KeyId.ToString(CultureInfo.InvariantCulture));
            Line("# board: " + BoardIdText);
            Line("# board-hash: " + VectorFile.ToHex(BoardHash(), 0, 8));
            Line("#");
            foreach (string help in RebootVectorFile.FormatHelp)
            {
                Line("# " + help);
            }

            var board = new RebootBoard(TestKit.VectorKeys());
            foreach (RebootStep step in RebootScript())
            {
                switch (step.Kind)
                {
                    case "boot":
                        board.Boot(RebootBoard.ParseNonce(step.First));
                        Line(string.Empty);
                        Line("# " + step.Comment);
                        Line("boot " + step.First + " " + step.Second);
                        break;
                    case "restore":
                        board.Restore(RebootBoard.StreamOf(step.First));
                        Line(Pad("restore " + step.First + " " + step.Second) + "# " + step.Comment);
                        break;
                    case "receive":
                        board.Receive(MessageBytes(step.First));
                        Line(Pad("receive " + step.First + " " + step.Second) + "# " + step.Comment);
                        break;
                    case "state":
                        byte[] state = NewestState(board.Files);
                        Line("# " + step.Comment);
                        Line("state " + VectorFile.ToHex(state, 0, state.Length));
                        break;
                    default:
                        throw new InvalidOperationException(step.Kind);
                }
            }

            return text.ToString();
        }

        /// <summary>The bytes of message vector or negative vector <paramref name="name"/>, built from the catalog.</summary>
        public static byte[] MessageBytes(string name)
        {
            foreach (MessageSpec m in Messages())
            {
                if (m.Name == name)
                {
                    return m.Build();
                }
            }

            foreach (NegativeSpec n in Negatives())
            {
                if (n.Name == name)
                {
                    return n.Build();
                }
            }

            throw new ArgumentException("no message vector " + name, nameof(name));
        }

        private static string Pad(string statement) => statement.PadRight(48);
    }
}
