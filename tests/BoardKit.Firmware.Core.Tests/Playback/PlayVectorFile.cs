using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using BoardKit.Tests.Shared;

namespace BoardKit.Firmware.Core.Tests.Playback
{
    /// <summary>
    /// A playback vector, tests/vectors/play-*.txt: what a board's player shows, step by step, for independent
    /// implementations of the board behaviour. Text, one statement per line, '#' starts a comment, fields separated
    /// by spaces; "# name: value" lines before the first statement are metadata (vector, description, key, key-id,
    /// board, session: as in the .hex vectors):
    /// <code>
    /// panel W H                       the logical panel, W x H pixels, black before the first step
    /// receive MS HEX                  at monotonic ms MS (before the step at MS) the board receives this whole signed message
    /// step MS UNIX CRC SHOWING ITEM   Player.Step(MS, UNIX), UNIX = board time in unix s (0 = unknown); then the CRC-32
    ///                                 (zlib) of the panel's W x H x 3 bytes (R, G, B, row-major from the top-left) as 8
    ///                                 hex digits, the ShowingCode and the program item index (255 = none)
    /// </code>
    /// Statements run in file order; monotonic times never decrease.
    /// </summary>
    internal sealed class PlayVectorFile
    {
        public const string Prefix = "play-";
        public const string Extension = ".txt";

        /// <summary>The format, written at the top of every file.</summary>
        public static readonly string[] FormatHelp =
        {
            "Playback vector: what the board's player (BoardKit.Firmware.Core.Playback.Player) shows, step by step.",
            "One statement per line; '#' starts a comment; fields are separated by spaces.",
            "  panel W H                      the logical panel, W x H pixels, all black before the first step",
            "  receive MS HEX                 at monotonic ms MS, before the step at MS, the board receives this whole",
            "                                 signed message (key and board above; the payload is at offset 38, before the",
            "                                 32-byte tag: protocol section 3)",
            "  step MS UNIX CRC SHOWING ITEM  Player.Step(MS, UNIX): MS monotonic ms, UNIX board time in unix s (0 = unknown);",
            "                                 then CRC = CRC-32 (zlib polynomial) of the panel's W x H x 3 bytes R,G,B,",
            "                                 row-major from the top-left, 8 hex digits; SHOWING = 0 dark, 1 program item,",
            "                                 2 live frame, 3 alert, 4 local emergency, 5 identify, 6 diagnostic;",
            "                                 ITEM = program item index on screen, 255 when none",
            "Statements run in file order; monotonic times never decrease.",
        };

        public sealed record Statement(int Line, string Kind, long Ms, byte[]? Message, long Unix, uint Crc, int Showing, int Item);

        private PlayVectorFile(string name, int width, int height, List<KeyValuePair<string, string>> meta, List<Statement> statements)
        {
            Name = name;
            Width = width;
            Height = height;
            Metadata = meta;
            Statements = statements;
        }

        public string Name { get; }

        public int Width { get; }

        public int Height { get; }

        public IReadOnlyList<KeyValuePair<string, string>> Metadata { get; }

        public IReadOnlyList<Statement> Statements { get; }

        /// <summary>The directory play vectors are read from and written to: the source tree's tests/vectors (else the copy next to the tests).</summary>
        public static string Directory => VectorFile.FindSourceDirectory() ?? VectorFile.Directory;

        public static string PathOf(string name) => Path.Combine(Directory, name + Extension);

        public static string[] AllNames()
        {
            string[] files = System.IO.Directory.GetFiles(Directory, Prefix + "*" + Extension);
            string[] names = new string[files.Length];
            for (int i = 0; i < files.Length; i++)
            {
                names[i] = Path.GetFileNameWithoutExtension(files[i]);
            }

            Array.Sort(names, StringComparer.Ordinal);
            return names;
        }

        public static PlayVectorFile Load(string name) => Parse(name, File.ReadAllText(PathOf(name)));

        public static PlayVectorFile Parse(string name, string text)
        {
            var meta = new List<KeyValuePair<string, string>>();
            var statements = new List<Statement>();
            int width = 0, height = 0;
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
                    if (width == 0 && statements.Count == 0 && colon > 0 && IsMetaName(comment.Substring(0, colon)))
                    {
                        meta.Add(new KeyValuePair<string, string>(comment.Substring(0, colon), comment.Substring(colon + 1).Trim()));
                    }

                    continue;
                }

                string[] f = data.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                string where = name + " line " + (n + 1);
                switch (f[0])
                {
                    case "panel":
                        Expect(f, 3, where);
                        width = Int(f[1], where);
                        height = Int(f[2], where);
                        break;
                    case "receive":
                        Expect(f, 3, where);
                        statements.Add(new Statement(n + 1, "receive", Long(f[1], where), VectorFile.ParseHex(f[2]), 0, 0, 0, 0));
                        break;
                    case "step":
                        Expect(f, 6, where);
                        statements.Add(new Statement(n + 1, "step", Long(f[1], where), null, Long(f[2], where),
                            uint.Parse(f[3], NumberStyles.HexNumber, CultureInfo.InvariantCulture), Int(f[4], where), Int(f[5], where)));
                        break;
                    default:
                        throw new FormatException(where + ": unknown statement '" + f[0] + "'");
                }
            }

            if (width < 1 || height < 1)
            {
                throw new FormatException(name + ": no panel statement");
            }

            return new PlayVectorFile(name, width, height, meta, statements);
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

        private static void Expect(string[] f, int count, string where)
        {
            if (f.Length != count)
            {
                throw new FormatException(where + ": '" + f[0] + "' takes " + (count - 1) + " fields, not " + (f.Length - 1));
            }
        }

        private static int Int(string s, string where) => checked((int)Long(s, where));

        private static long Long(string s, string where)
            => long.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out long v) ? v : throw new FormatException(where + ": '" + s + "' is not a number");

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
}
