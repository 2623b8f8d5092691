namespace BoardKit.Firmware.Core.Config
{
    /// <summary>
    /// A strict JSON (RFC 8259) reader for board.json and board.key: it checks the whole file once and builds a
    /// <see cref="JsonDocument"/>, or reports the first problem with a <see cref="ConfigError"/> code and a message with
    /// line and column ("line 3, column 12: expected ',' or '}' after the member's value").
    /// <para>
    /// Why a document and not a pull reader: the parsers must refuse unknown and duplicate members, report a missing
    /// member by its path, check one field against another (a tile against its chain) and read sections in a fixed
    /// order (format first) whatever order the file uses. A document makes each of these a lookup. It is kept small
    /// for the ESP32's ~80 KB heap: no object per value, but five arrays indexed by node number (kind, start offset,
    /// parent, next sibling, member-name offset: 17 bytes per node, at most <see cref="JsonLimits.MaxNodes"/>), plus
    /// the caller's byte array, which the document reads strings and numbers from on demand. Nothing is copied out of
    /// the file unless a parser asks for a string.
    /// </para>
    /// <para>
    /// Accepted: one JSON value surrounded by optional whitespace (space, tab, CR, LF); objects, arrays, strings with
    /// every RFC 8259 escape (\uXXXX surrogate pairs must be complete), numbers as <see cref="JsonNumber"/> describes,
    /// true, false, null. A leading UTF-8 byte order mark is skipped (RFC 8259 allows that). Refused: UTF-16 files,
    /// invalid UTF-8, control characters inside strings, comments, trailing commas, single quotes, duplicate member
    /// names (compared after unescaping), anything after the value, and everything beyond <see cref="JsonLimits"/>.
    /// </para>
    /// <para>
    /// Never throws and never loops without consuming input: every step moves forward through at most
    /// <see cref="JsonLimits.MaxInputBytes"/> bytes; duplicate-name checks cost at most 63 comparisons per member
    /// name. Recursion depth is at most <see cref="JsonLimits.MaxDepth"/>. Not thread-safe; reusable.
    /// </para>
    /// </summary>
    public sealed class JsonReader
    {
        // Node arrays start small and double: a typical board.json has about 120 nodes.
        private const int InitialCapacity = 64;

        // Most characters of a member name quoted in a message.
        private const int NameExcerptChars = 32;

        private byte[] _data = new byte[0];
        private int _end;
        private int _pos;
        private bool _redact;
        private int _count;
        private byte[] _kind = new byte[0];
        private int[] _start = new int[0];
        private int[] _parent = new int[0];
        private int[] _next = new int[0];
        private int[] _nameStart = new int[0];

        /// <summary><see cref="ConfigError"/> code of the last <see cref="Read"/>: None when it returned a document.</summary>
        public int ErrorCode { get; private set; }

        /// <summary>
        /// English description of the last <see cref="Read"/>'s problem with its line and column, or "" after success.
        /// With redact set it never quotes text from the file.
        /// </summary>
        public string ErrorMessage { get; private set; } = string.Empty;

        /// <summary>
        /// Reads <paramref name="data"/> (the whole file; null when the file is missing). Returns the document, which
        /// keeps a reference to <paramref name="data"/> (do not change the array while using it), or null with
        /// <see cref="ErrorCode"/> and <see cref="ErrorMessage"/> set. With <paramref name="redact"/> (board.key)
        /// messages never quote member names from the file, so a key pasted in the wrong place cannot reach a log.
        /// Allocates the node arrays (grown by doubling) and, on failure, the message.
        /// </summary>
        public JsonDocument? Read(byte[]? data, bool redact)
        {
            ErrorCode = ConfigError.None;
            ErrorMessage = string.Empty;
            _redact = redact;
            _count = 0;
            _kind = new byte[0];
            _start = new int[0];
            _parent = new int[0];
            _next = new int[0];
            _nameStart = new int[0];
            if (data == null)
            {
                Fail(ConfigError.FileMissing, -1, "file not found");
                return null;
            }

            _data = data;
            _end = data.Length;
            if (data.Length > JsonLimits.MaxInputBytes)
            {
                Fail(ConfigError.FileTooLarge, -1, "the file has " + data.Length.ToString() + " bytes, more than the " + JsonLimits.MaxInputBytes.ToString() + " allowed");
                return null;
            }

            if (data.Length >= 2 && ((data[0] == 0xFF && data[1] == 0xFE) || (data[0] == 0xFE && data[1] == 0xFF) || data[0] == 0 || data[1] == 0))
            {
                Fail(ConfigError.Encoding, -1, "the file looks like UTF-16: save it as UTF-8");
                return null;
            }

            _pos = JsonText.HasBom(data) ? 3 : 0;
            SkipWhitespace();
            if (_pos >= _end)
            {
                Fail(ConfigError.Syntax, -1, "the file is empty");
                return null;
            }

            if (!ParseValue(-1, -1, 1))
            {
                return null;
            }

            SkipWhitespace();
            if (_pos < _end)
            {
                Fail(ConfigError.Syntax, _pos, "unexpected text after the end of the JSON value");
                return null;
            }

            return new JsonDocument(_data, _count, _kind, _start, _parent, _next, _nameStart);
        }

        private bool ParseValue(int parent, int nameStart, int depth)
        {
            SkipWhitespace();
            if (_pos >= _end)
            {
                return Fail(ConfigError.Syntax, _pos, "a value is missing: the file ends here");
            }

            int b = _data[_pos];
            int kind;
            switch (b)
            {
                case '{': kind = JsonKind.Object; break;
                case '[': kind = JsonKind.Array; break;
                case '"': kind = JsonKind.String; break;
                case 't': kind = JsonKind.True; break;
                case 'f': kind = JsonKind.False; break;
                case 'n': kind = JsonKind.Null; break;
                case '/': return Fail(ConfigError.Syntax, _pos, "JSON has no comments");
                default:
                    if (b == '-' || JsonNumber.IsDigit(b))
                    {
                        kind = JsonKind.Number;
                        break;
                    }

                    return Fail(ConfigError.Syntax, _pos, ValueExpected(b));
            }

            if ((kind == JsonKind.Object || kind == JsonKind.Array) && depth > JsonLimits.MaxDepth)
            {
                return Fail(ConfigError.LimitExceeded, _pos, "nested deeper than " + JsonLimits.MaxDepth.ToString() + " levels");
            }

            int node = AddNode(kind, parent, nameStart);
            if (node < 0)
            {
                return false;
            }

            switch (kind)
            {
                case JsonKind.Object: return ParseObject(node, depth);
                case JsonKind.Array: return ParseArray(node, depth);
                case JsonKind.String: return ScanString();
                case JsonKind.Number: return ScanNumber();
                case JsonKind.True: return MatchLiteral("true");
                case JsonKind.False: return MatchLiteral("false");
                default: return MatchLiteral("null");
            }
        }

        private bool ParseObject(int node, int depth)
        {
            _pos++;
            SkipWhitespace();
            if (_pos < _end && _data[_pos] == '}')
            {
                _pos++;
                return true;
            }

            int members = 0;
            int last = -1;
            while (true)
            {
                SkipWhitespace();
                if (_pos >= _end)
                {
                    return Fail(ConfigError.Syntax, _pos, "the file ends inside an object: '}' is missing");
                }

                if (_data[_pos] != '"')
                {
                    return Fail(ConfigError.Syntax, _pos, members > 0 && _data[_pos] == '}'
                        ? "trailing comma: remove the ',' before '}'"
                        : "expected a member name in double quotes");
                }

                int nameStart = _pos + 1;
                if (!ScanString())
                {
                    return false;
                }

                members++;
                if (members > JsonLimits.MaxObjectMembers)
                {
                    return Fail(ConfigError.LimitExceeded, nameStart - 1, "more than " + JsonLimits.MaxObjectMembers.ToString() + " members in one object");
                }

                for (int m = members > 1 ? node + 1 : -1; m >= 0; m = _next[m])
                {
                    if (NamesEqual(_nameStart[m], nameStart))
                    {
                        string what = _redact ? "this member name" : JsonText.Excerpt(_data, nameStart, NameExcerptChars);
                        return Fail(ConfigError.DuplicateKey, nameStart - 1, what + " appears twice in this object (first at " + JsonText.Where(_data, _nameStart[m] - 1) + ")");
                    }
                }

                SkipWhitespace();
                if (_pos >= _end || _data[_pos] != ':')
                {
                    return Fail(ConfigError.Syntax, _pos, "expected ':' after the member name");
                }

                _pos++;
                int child = _count;
                if (!ParseValue(node, nameStart, depth + 1))
                {
                    return false;
                }

                if (last >= 0)
                {
                    _next[last] = child;
                }

                last = child;
                SkipWhitespace();
                if (_pos >= _end)
                {
                    return Fail(ConfigError.Syntax, _pos, "the file ends inside an object: '}' is missing");
                }

                if (_data[_pos] == ',')
                {
                    _pos++;
                    continue;
                }

                if (_data[_pos] == '}')
                {
                    _pos++;
                    return true;
                }

                return Fail(ConfigError.Syntax, _pos, "expected ',' or '}' after the member's value");
            }
        }

        private bool ParseArray(int node, int depth)
        {
            _pos++;
            SkipWhitespace();
            if (_pos < _end && _data[_pos] == ']')
            {
                _pos++;
                return true;
            }

            int elements = 0;
            int last = -1;
            while (true)
            {
                SkipWhitespace();
                if (_pos < _end && _data[_pos] == ']' && elements > 0)
                {
                    return Fail(ConfigError.Syntax, _pos, "trailing comma: remove the ',' before ']'");
                }

                elements++;
                if (elements > JsonLimits.MaxArrayLength)
                {
                    return Fail(ConfigError.LimitExceeded, _pos, "more than " + JsonLimits.MaxArrayLength.ToString() + " elements in one list");
                }

                int child = _count;
                if (!ParseValue(node, -1, depth + 1))
                {
                    return false;
                }

                if (last >= 0)
                {
                    _next[last] = child;
                }

                last = child;
                SkipWhitespace();
                if (_pos >= _end)
                {
                    return Fail(ConfigError.Syntax, _pos, "the file ends inside a list: ']' is missing");
                }

                if (_data[_pos] == ',')
                {
                    _pos++;
                    continue;
                }

                if (_data[_pos] == ']')
                {
                    _pos++;
                    return true;
                }

                return Fail(ConfigError.Syntax, _pos, "expected ',' or ']' after the list element");
            }
        }

        // Validates the string starting at the '"' at _pos and moves past its closing quote.
        private bool ScanString()
        {
            int open = _pos;
            _pos++;
            int bytes = 0;
            while (true)
            {
                if (_pos >= _end)
                {
                    return Fail(ConfigError.Syntax, open, "string not closed: a '\"' is missing");
                }

                int b = _data[_pos];
                if (b == '"')
                {
                    _pos++;
                    return true;
                }

                if (b < 0x20)
                {
                    return Fail(ConfigError.Syntax, _pos, b == '\n'
                        ? "line break inside a string (a closing '\"' is missing?)"
                        : "control character inside a string (write it as an escape such as \\t)");
                }

                if (b == '\\')
                {
                    int units = ScanEscape(open);
                    if (units < 0)
                    {
                        return false;
                    }

                    bytes += units;
                }
                else if (b < 0x80)
                {
                    _pos++;
                    bytes++;
                }
                else
                {
                    int n = Utf8SequenceLength(_data, _pos, _end);
                    if (n == 0)
                    {
                        return Fail(ConfigError.Encoding, _pos, "bytes that are not UTF-8 inside a string: save the file as UTF-8");
                    }

                    _pos += n;
                    bytes += n;
                }

                if (bytes > JsonLimits.MaxStringBytes)
                {
                    return Fail(ConfigError.LimitExceeded, open, "string longer than " + JsonLimits.MaxStringBytes.ToString() + " bytes");
                }
            }
        }

        // Validates the escape at _pos (a backslash), moves past it and returns its UTF-8 size, or -1 after Fail.
        private int ScanEscape(int open)
        {
            if (_pos + 1 >= _end)
            {
                Fail(ConfigError.Syntax, open, "string not closed: a '\"' is missing");
                return -1;
            }

            int e = _data[_pos + 1];
            if (e == '"' || e == '\\' || e == '/' || e == 'b' || e == 'f' || e == 'n' || e == 'r' || e == 't')
            {
                _pos += 2;
                return 1;
            }

            if (e != 'u')
            {
                Fail(ConfigError.Syntax, _pos, "unknown escape: use \\\", \\\\, \\/, \\b, \\f, \\n, \\r, \\t or \\u and 4 hex digits");
                return -1;
            }

            int cp = _pos + 6 <= _end ? JsonText.Hex4(_data, _pos + 2) : -1;
            if (cp < 0)
            {
                Fail(ConfigError.Syntax, _pos, "\\u must be followed by 4 hex digits");
                return -1;
            }

            if (cp >= 0xDC00 && cp <= 0xDFFF)
            {
                Fail(ConfigError.Syntax, _pos, "\\u escape of a lone low surrogate (DC00-DFFF)");
                return -1;
            }

            if (cp >= 0xD800 && cp <= 0xDBFF)
            {
                int low = _pos + 12 <= _end && _data[_pos + 6] == '\\' && _data[_pos + 7] == 'u' ? JsonText.Hex4(_data, _pos + 8) : -1;
                if (low < 0xDC00 || low > 0xDFFF)
                {
                    Fail(ConfigError.Syntax, _pos, "a \\u escape of a high surrogate (D800-DBFF) must be followed by one of a low surrogate (DC00-DFFF)");
                    return -1;
                }

                _pos += 12;
                return 4;
            }

            _pos += 6;
            return cp < 0x80 ? 1 : (cp < 0x800 ? 2 : 3);
        }

        private bool ScanNumber()
        {
            string? problem = JsonNumber.Scan(_data, _pos, _end, out int end, out long _, out int code);
            if (problem != null)
            {
                return Fail(code, end, problem);
            }

            _pos = end;
            return true;
        }

        private bool MatchLiteral(string word)
        {
            if (_end - _pos < word.Length)
            {
                return Fail(ConfigError.Syntax, _pos, ValueExpected(_data[_pos]));
            }

            for (int i = 0; i < word.Length; i++)
            {
                if (_data[_pos + i] != word[i])
                {
                    return Fail(ConfigError.Syntax, _pos, ValueExpected(_data[_pos]));
                }
            }

            _pos += word.Length;
            return true;
        }

        private static string ValueExpected(int b)
        {
            return b == '\''
                ? "JSON strings need double quotes, not single quotes"
                : "expected a value: an object, a list, a string in double quotes, a number, true, false or null (lower case)";
        }

        private void SkipWhitespace()
        {
            while (_pos < _end)
            {
                int b = _data[_pos];
                if (b != ' ' && b != '\t' && b != '\n' && b != '\r')
                {
                    return;
                }

                _pos++;
            }
        }

        // Appends a node; returns its index, or -1 after Fail when the document would exceed MaxNodes.
        private int AddNode(int kind, int parent, int nameStart)
        {
            if (_count >= JsonLimits.MaxNodes)
            {
                Fail(ConfigError.LimitExceeded, _pos, "more than " + JsonLimits.MaxNodes.ToString() + " values in the file");
                return -1;
            }

            if (_count == _kind.Length)
            {
                Grow();
            }

            int node = _count++;
            _kind[node] = (byte)kind;
            _start[node] = _pos;
            _parent[node] = parent;
            _next[node] = -1;
            _nameStart[node] = nameStart;
            return node;
        }

        private void Grow()
        {
            int capacity = _kind.Length == 0 ? InitialCapacity : _kind.Length * 2;
            if (capacity > JsonLimits.MaxNodes)
            {
                capacity = JsonLimits.MaxNodes;
            }

            byte[] kind = new byte[capacity];
            int[] start = new int[capacity];
            int[] parent = new int[capacity];
            int[] next = new int[capacity];
            int[] nameStart = new int[capacity];
            System.Array.Copy(_kind, kind, _count);
            System.Array.Copy(_start, start, _count);
            System.Array.Copy(_parent, parent, _count);
            System.Array.Copy(_next, next, _count);
            System.Array.Copy(_nameStart, nameStart, _count);
            _kind = kind;
            _start = start;
            _parent = parent;
            _next = next;
            _nameStart = nameStart;
        }

        // True when the validated names starting at data[a] and data[b] are the same text after unescaping.
        private bool NamesEqual(int a, int b)
        {
            while (true)
            {
                int ca = JsonText.Next(_data, ref a);
                int cb = JsonText.Next(_data, ref b);
                if (ca != cb)
                {
                    return false;
                }

                if (ca < 0)
                {
                    return true;
                }
            }
        }

        // Records the problem (offset -1: no position) and returns false, so callers can write "return Fail(...)".
        private bool Fail(int code, int offset, string problem)
        {
            ErrorCode = code;
            ErrorMessage = offset < 0 ? problem : JsonText.Where(_data, offset) + ": " + problem;
            return false;
        }

        /// <summary>
        /// Length of the well-formed UTF-8 sequence (2..4 bytes) at data[pos] not reaching <paramref name="end"/>, or 0:
        /// overlong forms, surrogates U+D800..U+DFFF, code points above U+10FFFF, stray continuation bytes and
        /// truncated sequences are refused (RFC 3629, the same rules as Text.Utf8.Decode).
        /// </summary>
        private static int Utf8SequenceLength(byte[] data, int pos, int end)
        {
            int b0 = data[pos];
            int extra;
            int min;
            if (b0 >= 0xC2 && b0 <= 0xDF)
            {
                extra = 1;
                min = 0x80;
            }
            else if (b0 >= 0xE0 && b0 <= 0xEF)
            {
                extra = 2;
                min = 0x800;
            }
            else if (b0 >= 0xF0 && b0 <= 0xF4)
            {
                extra = 3;
                min = 0x10000;
            }
            else
            {
                return 0;
            }

            if (end - pos - 1 < extra)
            {
                return 0;
            }

            int cp = b0 & (0x3F >> extra);
            for (int k = 1; k <= extra; k++)
            {
                int b = data[pos + k];
                if ((b & 0xC0) != 0x80)
                {
                    return 0;
                }

                cp = (cp << 6) | (b & 0x3F);
            }

            if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            {
                return 0;
            }

            return extra + 1;
        }
    }
}
