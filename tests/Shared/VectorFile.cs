using System;
using System.Collections.Generic;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.IO;
using System.Text;

namespace BoardKit.Tests.Shared
{
    /// <summary>
    /// A golden vector file (tests/vectors/*.hex; format in docs/protocol.md, "Test vectors"):
    /// <code>
    /// # name: value            metadata, only in the leading comment block (before the first hex byte)
    /// # free text              any other comment line
    /// 42 4B                    # magic "BK"   hex byte pairs, whitespace-separated; '#' starts a comment
    /// </code>
    /// Metadata names are lower-case [a-z0-9-]; a name may repeat only if the caller reads it with GetAll.
    /// Linked as source into the firmware core tests and the gateway tests.
    /// </summary>
    public sealed class VectorFile
    {
        private readonly List<KeyValuePair<string, string>> _meta;

        private VectorFile(string name, byte[] bytes, List<KeyValuePair<string, string>> meta)
        {
            Name = name;
            Bytes = bytes;
            _meta = meta;
        }

        /// <summary>File name without extension, e.g. "frame-mono1-rle".</summary>
        public string Name { get; }

        /// <summary>The vector's bytes.</summary>
        public byte[] Bytes { get; }

        /// <summary>All metadata entries in file order.</summary>
        public IReadOnlyList<KeyValuePair<string, string>> Metadata => _meta;

        /// <summary>Directory with the vector files: "vectors" next to the test assembly, else tests/vectors found upwards.</summary>
        public static string Directory
        {
            get
            {
                string local = Path.Combine(AppContext.BaseDirectory, "vectors");
                if (System.IO.Directory.Exists(local))
                {
                    return local;
                }

                string? source = FindSourceDirectory();
                return source ?? throw new DirectoryNotFoundException("tests/vectors not found from " + AppContext.BaseDirectory);
            }
        }

        /// <summary>
        /// The source tree's tests/vectors: next to this source file's folder (known at compile time), else found
        /// walking up from the test assembly; null if neither exists.
        /// </summary>
        public static string? FindSourceDirectory()
        {
            string thisFile = ThisSourceFile();
            if (thisFile.Length > 0)
            {
                string? shared = Path.GetDirectoryName(thisFile);
                string candidate = Path.Combine(shared ?? string.Empty, "..", "vectors");
                if (shared != null && System.IO.Directory.Exists(candidate))
                {
                    return Path.GetFullPath(candidate);
                }
            }

            DirectoryInfo? dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir != null)
            {
                string candidate = Path.Combine(dir.FullName, "tests", "vectors");
                if (System.IO.Directory.Exists(candidate))
                {
                    return candidate;
                }

                dir = dir.Parent;
            }

            return null;
        }

        /// <summary>Loads tests/vectors/{name}.hex.</summary>
        public static VectorFile Load(string name)
        {
            string path = Path.Combine(Directory, name + ".hex");
            return Parse(name, File.ReadAllText(path));
        }

        /// <summary>Names of all vector files (without extension), sorted ordinally.</summary>
        public static string[] AllNames()
        {
            string[] files = System.IO.Directory.GetFiles(Directory, "*.hex");
            string[] names = new string[files.Length];
            for (int i = 0; i < files.Length; i++)
            {
                names[i] = Path.GetFileNameWithoutExtension(files[i]);
            }

            Array.Sort(names, StringComparer.Ordinal);
            return names;
        }

        /// <summary>Parses vector text. Throws FormatException with the line number on a malformed hex token.</summary>
        public static VectorFile Parse(string name, string text)
        {
            var bytes = new List<byte>();
            var meta = new List<KeyValuePair<string, string>>();
            string[] lines = text.Replace("\r\n", "\n").Split('\n');
            for (int n = 0; n < lines.Length; n++)
            {
                string line = lines[n];
                int hash = line.IndexOf('#');
                string data = hash >= 0 ? line.Substring(0, hash) : line;
                string comment = hash >= 0 ? line.Substring(hash + 1).Trim() : string.Empty;
                if (bytes.Count == 0 && data.Trim().Length == 0 && comment.Length > 0)
                {
                    int colon = comment.IndexOf(':');
                    if (colon > 0 && IsMetaName(comment.Substring(0, colon)))
                    {
                        meta.Add(new KeyValuePair<string, string>(comment.Substring(0, colon), comment.Substring(colon + 1).Trim()));
                    }
                }

                foreach (string token in data.Split(new[] { ' ', '\t' }, StringSplitOptions.RemoveEmptyEntries))
                {
                    if (token.Length != 2 || !byte.TryParse(token, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out byte b))
                    {
                        throw new FormatException(name + " line " + (n + 1) + ": '" + token + "' is not a hex byte pair");
                    }

                    bytes.Add(b);
                }
            }

            return new VectorFile(name, bytes.ToArray(), meta);
        }

        /// <summary>The value of metadata <paramref name="key"/>; throws KeyNotFoundException if absent.</summary>
        public string Get(string key)
        {
            foreach (var kv in _meta)
            {
                if (kv.Key == key)
                {
                    return kv.Value;
                }
            }

            throw new KeyNotFoundException(Name + ": no metadata '" + key + "'");
        }

        /// <summary>The value of metadata <paramref name="key"/>, or null.</summary>
        public string? TryGet(string key)
        {
            foreach (var kv in _meta)
            {
                if (kv.Key == key)
                {
                    return kv.Value;
                }
            }

            return null;
        }

        /// <summary>Metadata value parsed as a decimal or 0x-prefixed hex integer.</summary>
        public long GetInt(string key)
        {
            string v = Get(key);
            return v.StartsWith("0x", StringComparison.Ordinal)
                ? long.Parse(v.Substring(2), NumberStyles.HexNumber, CultureInfo.InvariantCulture)
                : long.Parse(v, CultureInfo.InvariantCulture);
        }

        /// <summary>Metadata value parsed as an unsigned 64-bit decimal or 0x-prefixed hex integer.</summary>
        public ulong GetUInt64(string key)
        {
            string v = Get(key);
            return v.StartsWith("0x", StringComparison.Ordinal)
                ? ulong.Parse(v.Substring(2), NumberStyles.HexNumber, CultureInfo.InvariantCulture)
                : ulong.Parse(v, CultureInfo.InvariantCulture);
        }

        /// <summary>Metadata value parsed as contiguous hex ("000102..."; spaces allowed).</summary>
        public byte[] GetHex(string key)
        {
            return ParseHex(Get(key));
        }

        /// <summary>Parses contiguous hex, ignoring spaces.</summary>
        public static byte[] ParseHex(string hex)
        {
            string compact = hex.Replace(" ", string.Empty);
            if (compact.Length % 2 != 0)
            {
                throw new FormatException("odd number of hex digits");
            }

            byte[] result = new byte[compact.Length / 2];
            for (int i = 0; i < result.Length; i++)
            {
                result[i] = byte.Parse(compact.Substring(2 * i, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            }

            return result;
        }

        /// <summary>Upper-case contiguous hex of <paramref name="bytes"/>.</summary>
        public static string ToHex(byte[] bytes, int offset, int count)
        {
            var sb = new StringBuilder(count * 2);
            for (int i = 0; i < count; i++)
            {
                sb.Append(bytes[offset + i].ToString("X2", CultureInfo.InvariantCulture));
            }

            return sb.ToString();
        }

        private static string ThisSourceFile([CallerFilePath] string path = "") => path;

        private static bool IsMetaName(string s)
        {
            if (s.Length == 0)
            {
                return false;
            }

            foreach (char c in s)
            {
                if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'))
                {
                    return false;
                }
            }

            return true;
        }
    }

    /// <summary>
    /// Writes vector files: metadata lines, then one line per field with its hex bytes and a comment (long fields are
    /// split 16 bytes per line, the comment on the first).
    /// </summary>
    public sealed class VectorFileWriter
    {
        private readonly StringBuilder _text = new StringBuilder();

        /// <summary>Adds a metadata line "# name: value" (call before any field).</summary>
        public VectorFileWriter Meta(string name, string value)
        {
            _text.Append("# ").Append(name).Append(": ").Append(value).Append('\n');
            return this;
        }

        /// <summary>Adds a free comment line.</summary>
        public VectorFileWriter Comment(string text)
        {
            _text.Append("# ").Append(text).Append('\n');
            return this;
        }

        /// <summary>Adds a field: bytes[offset..offset+count) with <paramref name="comment"/>.</summary>
        public VectorFileWriter Field(byte[] bytes, int offset, int count, string comment)
        {
            if (count == 0)
            {
                _text.Append(new string(' ', 48)).Append("# ").Append(comment).Append(" (empty)\n");
                return this;
            }

            for (int line = 0; line < count; line += 16)
            {
                int n = Math.Min(16, count - line);
                var sb = new StringBuilder();
                for (int i = 0; i < n; i++)
                {
                    if (i > 0)
                    {
                        sb.Append(' ');
                    }

                    sb.Append(bytes[offset + line + i].ToString("X2", CultureInfo.InvariantCulture));
                }

                string hex = sb.ToString();
                _text.Append(hex);
                if (line == 0)
                {
                    _text.Append(new string(' ', Math.Max(1, 48 - hex.Length))).Append("# ").Append(comment);
                }

                _text.Append('\n');
            }

            return this;
        }

        /// <summary>The file text.</summary>
        public override string ToString() => _text.ToString();
    }
}
