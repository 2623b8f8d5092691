using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Reflection;
using BoardKit.Firmware.Core.Board;
using BoardKit.Firmware.Core.Crypto;
using BoardKit.Firmware.Core.Ports;
using BoardKit.Firmware.Core.Security;
using BoardKit.Firmware.Core.Wire;
using BoardKit.Tests.Shared;

namespace BoardKit.Firmware.Core.Tests.Vectors
{
    /// <summary>
    /// The reboot vector, tests/vectors/board-reboot.txt: what a board's receive path decides before and after power
    /// cycles, for independent implementations. Text, one statement per line, '#' starts a comment, fields separated
    /// by spaces; "# name: value" lines before the first statement are metadata (vector, description, key, key-id,
    /// board, board-hash: as in the .hex vectors). Statements: see <see cref="FormatHelp"/>.
    /// </summary>
    internal sealed class RebootVectorFile
    {
        public const string Extension = ".txt";

        /// <summary>The format, written at the top of the file.</summary>
        public static readonly string[] FormatHelp =
        {
            "Reboot vector: what a board's receive path (BoardKit.Firmware.Core.Board.ContentReceiver) decides before and",
            "after a power cycle. One statement per line; '#' starts a comment; fields are separated by spaces.",
            "  boot NONCE FOUND        the board starts with session nonce NONCE (hex) on the flash the statements above left",
            "                          (empty at the first boot) and loads its replay state; FOUND = fresh (no state file),",
            "                          loaded (a valid copy), lost (copies present, none valid)",
            "  restore STREAM VERDICT  at boot, the stored content file of STREAM (program, alert, preset: the last accepted",
            "                          message of that stream, as received) is opened and checked again; every stored file",
            "                          is listed, in this order; VERDICT is a WireError name",
            "  receive NAME VERDICT    the board receives the message of tests/vectors/NAME.hex; VERDICT is a WireError name",
            "                          (None = new and acted on; Duplicate = already held; anything else = refused)",
            "  state HEX               the newest replay state on flash (ReplayGuard format 2, 148 bytes, the state-*.hex",
            "                          layout) is exactly HEX",
            "Every statement runs at monotonic time 0 of its boot, without network time: the board's time is its lower bound",
            "(the newest issue time it accepted, or the bound saved before the reboot). The board holds one key: key-id above.",
        };

        public sealed record Statement(int Line, string Kind, string First, string Second);

        private RebootVectorFile(string name, List<KeyValuePair<string, string>> meta, List<Statement> statements)
        {
            Name = name;
            Metadata = meta;
            Statements = statements;
        }

        public string Name { get; }

        public IReadOnlyList<KeyValuePair<string, string>> Metadata { get; }

        public IReadOnlyList<Statement> Statements { get; }

        public static string PathOf(string name) => Path.Combine(VectorFile.FindSourceDirectory() ?? VectorFile.Directory, name + Extension);

        public static RebootVectorFile Load(string name) => Parse(name, File.ReadAllText(PathOf(name)));

        public static RebootVectorFile Parse(string name, string text)
        {
            var meta = new List<KeyValuePair<string, string>>();
            var statements = new List<Statement>();
            string[] lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
            for (int n = 0; n < lines.Length; n++)
            {
                string line = lines[n];
                int hash = line.IndexOf('#', StringComparison.Ordinal);
                string data = (hash >= 0 ? line.Substring(0, hash) : line).Trim();
                if (data.Length == 0)
                {
                    string comment = hash >= 0 ? line.Substring(hash + 1).Trim() : string.Empty;
                    int colon = comment.IndexOf(':', StringComparison.Ordinal);
                    if (statements.Count == 0 && colon > 0 && IsMetaName(comment.Substring(0, colon)))
                    {
                        meta.Add(new KeyValuePair<string, string>(comment.Substring(0, colon), comment.Substring(colon + 1).Trim()));
                    }

                    continue;
                }

                string[] f = data.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                string where = name + " line " + (n + 1);
                int fields = f[0] switch
                {
                    "boot" or "restore" or "receive" => 3,
                    "state" => 2,
                    _ => throw new FormatException(where + ": unknown statement '" + f[0] + "'"),
                };
                if (f.Length != fields)
                {
                    throw new FormatException(where + ": '" + f[0] + "' takes " + (fields - 1) + " fields, not " + (f.Length - 1));
                }

                statements.Add(new Statement(n + 1, f[0], f[1], fields == 3 ? f[2] : string.Empty));
            }

            return new RebootVectorFile(name, meta, statements);
        }

        public string Get(string key)
        {
            foreach (var kv in Metadata)
            {
                if (kv.Key == key)
                {
                    return kv.Value;
                }
            }

            throw new KeyNotFoundException(Name + ": no metadata '" + key + "'");
        }

        private static bool IsMetaName(string s)
        {
            foreach (char c in s)
            {
                if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'))
                {
                    return false;
                }
            }

            return s.Length > 0;
        }
    }

    /// <summary>WireError constants by name ("Replay" -> 11), as the vector files write verdicts.</summary>
    internal static class WireErrorName
    {
        private static readonly Dictionary<string, int> Codes = Load();

        public static int Code(string name) => Codes.TryGetValue(name, out int code) ? code : throw new FormatException("'" + name + "' is not a WireError name");

        public static string Of(int code)
        {
            foreach (var kv in Codes)
            {
                if (kv.Value == code && kv.Key != nameof(WireError.MaxCode))
                {
                    return kv.Key;
                }
            }

            throw new ArgumentOutOfRangeException(nameof(code), code, "no WireError name");
        }

        private static Dictionary<string, int> Load()
        {
            var codes = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (FieldInfo f in typeof(WireError).GetFields(BindingFlags.Public | BindingFlags.Static))
            {
                if (f.IsLiteral && f.FieldType == typeof(int))
                {
                    codes[f.Name] = (int)f.GetRawConstantValue()!;
                }
            }

            return codes;
        }
    }

    /// <summary>
    /// A board's receive path over RAM flash that survives reboots, as the reboot vector runs it: each Boot builds
    /// storage, replay state (BoardStorage.LoadState), clock (from the saved lower bound) and a ContentReceiver anew
    /// over the same files; restores are done one stream at a time so that each verdict can be checked.
    /// </summary>
    internal sealed class RebootBoard
    {
        public static readonly string[] StreamNames = { "program", "alert", "preset" };

        private readonly KeyRing _keys;

        public RebootBoard(KeyRing keys)
        {
            _keys = keys;
        }

        public MemoryFileStore Files { get; } = new MemoryFileStore();

        public BoardStorage Storage { get; private set; } = null!;

        public ReplayGuard Replay { get; private set; } = null!;

        public ContentReceiver Receiver { get; private set; } = null!;

        /// <summary>Boots with <paramref name="nonce"/>; returns "fresh", "loaded" or "lost" (BoardStorage.LoadState).</summary>
        public string Boot(ulong nonce)
        {
            Storage = new BoardStorage(Files);
            Replay = new ReplayGuard();
            int found = Storage.LoadState(Replay);
            var clock = new BoardClock();
            clock.Start(Replay.TimeLowerBound, 0);
            Receiver = new ContentReceiver(VectorCatalog.BoardIdText, _keys, Replay, nonce, clock, Storage);
            return found == BoardStorage.StateFresh ? "fresh" : found == BoardStorage.StateLoaded ? "loaded" : "lost";
        }

        /// <summary>Streams (ReplayGuard.Stream*) whose content file is on flash.</summary>
        public List<int> StoredStreams()
        {
            var streams = new List<int>();
            for (int s = 0; s < ReplayGuard.StreamCount; s++)
            {
                if (Files.Exists(Storage.ContentFile(s)) || Files.Exists(Storage.ContentFile(s) + BoardStorage.NewSuffix))
                {
                    streams.Add(s);
                }
            }

            return streams;
        }

        public int Restore(int stream)
        {
            byte[] stored = Storage.ReadContent(stream) ?? throw new InvalidOperationException("no stored " + StreamNames[stream]);
            return Receiver.Restore(stored, stored.Length, 0);
        }

        public int Receive(byte[] message) => Receiver.Receive(message, message.Length, 0);

        public static int StreamOf(string name)
        {
            int s = Array.IndexOf(StreamNames, name);
            return s >= 0 ? s : throw new FormatException("'" + name + "' is not a stream (program, alert, preset)");
        }

        public static ulong ParseNonce(string hex) => ulong.Parse(hex.StartsWith("0x", StringComparison.Ordinal) ? hex.Substring(2) : hex, NumberStyles.HexNumber, CultureInfo.InvariantCulture);
    }
}
