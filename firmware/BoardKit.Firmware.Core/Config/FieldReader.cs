namespace BoardKit.Firmware.Core.Config
{
    /// <summary>
    /// Typed, range-checked reading of object members for <see cref="BoardConfigParser"/> and <see cref="KeyFileParser"/>.
    /// Keeps the FIRST problem only: once <see cref="Failed"/> is set, every read returns its default and changes
    /// nothing, so a parser reads straight through and checks <see cref="Failed"/> where a later step needs earlier
    /// values. Messages read "path: problem (line L, column C)", e.g.
    /// "tiles[2].rotation: must be 0, 90, 180 or 270, not 45 (line 14, column 19)". With redact set (board.key) they
    /// never quote text or numbers from the file.
    /// </summary>
    internal sealed class FieldReader
    {
        private readonly JsonDocument _doc;
        private readonly bool _redact;

        /// <summary>Reads members of <paramref name="doc"/>; <paramref name="redact"/>: never quote the file in messages.</summary>
        internal FieldReader(JsonDocument doc, bool redact)
        {
            _doc = doc;
            _redact = redact;
        }

        /// <summary>True once a problem was recorded.</summary>
        internal bool Failed
        {
            get { return ErrorCode != ConfigError.None; }
        }

        /// <summary><see cref="ConfigError"/> code of the first problem, or None.</summary>
        internal int ErrorCode { get; private set; }

        /// <summary>Message of the first problem, or "".</summary>
        internal string Message { get; private set; } = string.Empty;

        /// <summary>Records a problem with the value of <paramref name="node"/> (ignored if one is already recorded).</summary>
        internal void Fail(int node, int code, string problem)
        {
            Record(code, Name(node) + ": " + problem + " (" + _doc.GetPosition(node) + ")");
        }

        /// <summary>Records a problem that has no single node (e.g. a whole-file rule).</summary>
        internal void Record(int code, string message)
        {
            if (!Failed)
            {
                ErrorCode = code;
                Message = message;
            }
        }

        /// <summary>The node's path for messages: "panel.width", "tiles[2]", or "the top level" for the root.</summary>
        internal string Name(int node)
        {
            string path = _doc.GetPath(node);
            return path.Length == 0 ? "the top level" : path;
        }

        /// <summary>
        /// Refuses any member of <paramref name="obj"/> not listed in <paramref name="names"/>: a typo must not be
        /// ignored (the default would silently apply). Returns false after recording the problem.
        /// </summary>
        internal bool OnlyKnown(int obj, string[] names)
        {
            if (Failed)
            {
                return false;
            }

            for (int c = _doc.GetFirstChild(obj); c != JsonDocument.NoNode; c = _doc.GetNext(c))
            {
                bool known = false;
                for (int i = 0; i < names.Length && !known; i++)
                {
                    known = _doc.NameEquals(c, names[i]);
                }

                if (!known)
                {
                    string list = names[0];
                    for (int i = 1; i < names.Length; i++)
                    {
                        list = list + ", " + names[i];
                    }

                    string what = _redact ? "unknown field (names are not shown for this file)" : "unknown field \"" + _doc.GetName(c) + "\"";
                    Record(ConfigError.UnknownField, Name(obj) + ": " + what + " (" + _doc.GetNamePosition(c)
                        + "); fields are never ignored, so a typo cannot pass unnoticed. Known here: " + list);
                    return false;
                }
            }

            return true;
        }

        /// <summary>
        /// "format" must be the number <paramref name="expected"/>. Parsers check it before anything else and report
        /// UnsupportedFormat, quoting the version the file asks for (unless redacting), so the installer knows to update
        /// the firmware or the file rather than chase unknown fields of a newer format.
        /// </summary>
        internal void Format(int root, int expected)
        {
            if (Failed)
            {
                return;
            }

            int node = _doc.GetMember(root, "format");
            if (node == JsonDocument.NoNode)
            {
                Record(ConfigError.UnsupportedFormat, "format: missing; this firmware reads files with \"format\": " + expected.ToString()
                    + " (in the object at " + _doc.GetPosition(root) + ")");
                return;
            }

            if (_doc.GetKind(node) != JsonKind.Number || _doc.GetMicros(node) != expected * JsonNumber.Scale)
            {
                Fail(node, ConfigError.UnsupportedFormat, "this firmware reads format " + expected.ToString() + Not(node)
                    + ": update the firmware or write the file in format " + expected.ToString());
            }
        }

        /// <summary>
        /// The member's node, or <see cref="JsonDocument.NoNode"/> when absent (recording MissingField if
        /// <paramref name="required"/>) or after an earlier failure.
        /// </summary>
        internal int Member(int obj, string name, bool required)
        {
            if (Failed)
            {
                return JsonDocument.NoNode;
            }

            int node = _doc.GetMember(obj, name);
            if (node == JsonDocument.NoNode && required)
            {
                string path = _doc.GetPath(obj);
                Record(ConfigError.MissingField, (path.Length == 0 ? name : path + "." + name) + ": required field missing (in the object at "
                    + _doc.GetPosition(obj) + ")");
            }

            return node;
        }

        /// <summary>
        /// Member <paramref name="name"/> as an object node; NoNode when absent (MissingField if required), when it is
        /// null and <paramref name="nullable"/> (no failure), or after a failure (WrongType for any other kind).
        /// </summary>
        internal int Object(int obj, string name, bool required, bool nullable)
        {
            int node = Member(obj, name, required);
            if (node == JsonDocument.NoNode || (nullable && _doc.GetKind(node) == JsonKind.Null))
            {
                return JsonDocument.NoNode;
            }

            return Expect(node, JsonKind.Object, nullable ? "an object or null" : "an object") ? node : JsonDocument.NoNode;
        }

        /// <summary>
        /// Member <paramref name="name"/> as an array node of <paramref name="min"/>..<paramref name="max"/> elements;
        /// NoNode when absent (MissingField if required) or on failure (WrongType, BadValue for the count).
        /// </summary>
        internal int Array(int obj, string name, int min, int max, bool required)
        {
            int node = Member(obj, name, required);
            if (node == JsonDocument.NoNode || !Expect(node, JsonKind.Array, "a list"))
            {
                return JsonDocument.NoNode;
            }

            int count = _doc.GetCount(node);
            if (count < min || count > max)
            {
                Fail(node, ConfigError.BadValue, "must have " + Range(min, max) + " elements, not " + count.ToString());
                return JsonDocument.NoNode;
            }

            return node;
        }

        /// <summary>
        /// Member <paramref name="name"/> as a whole number in <paramref name="min"/>..<paramref name="max"/>;
        /// <paramref name="fallback"/> when absent and optional, or after any failure.
        /// </summary>
        internal int Int(int obj, string name, int min, int max, int fallback, bool required)
        {
            int node = Member(obj, name, required);
            return node == JsonDocument.NoNode ? fallback : IntValue(node, min, max, fallback);
        }

        /// <summary>The number at <paramref name="node"/> as a whole number in min..max; fallback after a failure.</summary>
        internal int IntValue(int node, int min, int max, int fallback)
        {
            if (Failed || !Expect(node, JsonKind.Number, "a number"))
            {
                return fallback;
            }

            long micros = _doc.GetMicros(node);
            if (micros % JsonNumber.Scale != 0)
            {
                Fail(node, ConfigError.BadValue, "must be a whole number" + Not(node));
                return fallback;
            }

            long value = micros / JsonNumber.Scale;
            if (value < min || value > max)
            {
                Fail(node, ConfigError.BadValue, "must be " + Range(min, max) + Not(node));
                return fallback;
            }

            return (int)value;
        }

        /// <summary>
        /// Member <paramref name="name"/> as a whole number that must be one of <paramref name="allowed"/> (e.g. rotation
        /// 0, 90, 180, 270); <paramref name="fallback"/> when absent and optional, or after a failure.
        /// </summary>
        internal int IntChoice(int obj, string name, int[] allowed, int fallback, bool required)
        {
            int node = Member(obj, name, required);
            if (node == JsonDocument.NoNode)
            {
                return fallback;
            }

            int value = IntValue(node, int.MinValue, int.MaxValue, fallback);
            for (int i = 0; i < allowed.Length && !Failed; i++)
            {
                if (allowed[i] == value)
                {
                    return value;
                }
            }

            string list = string.Empty;
            for (int i = 0; i < allowed.Length; i++)
            {
                list = list + (i == 0 ? string.Empty : (i == allowed.Length - 1 ? " or " : ", ")) + allowed[i].ToString();
            }

            Fail(node, ConfigError.BadValue, "must be " + list + Not(node));
            return fallback;
        }

        /// <summary>
        /// Member <paramref name="name"/> as a decimal with at most <paramref name="decimals"/> places (0..6), returned
        /// times 10^decimals (gamma 2.2 with 3 places gives 2200); range min..max in those units.
        /// </summary>
        internal int Scaled(int obj, string name, int decimals, int min, int max, int fallback, bool required)
        {
            int node = Member(obj, name, required);
            if (node == JsonDocument.NoNode || Failed || !Expect(node, JsonKind.Number, "a number"))
            {
                return fallback;
            }

            long step = JsonNumber.Scale;
            for (int i = 0; i < decimals; i++)
            {
                step /= 10;
            }

            long micros = _doc.GetMicros(node);
            long value = micros / step;
            if (micros % step != 0 || value < min || value > max)
            {
                Fail(node, ConfigError.BadValue, "must be " + Decimal(min, decimals) + ".." + Decimal(max, decimals) + " with at most "
                    + decimals.ToString() + " decimal places" + Not(node));
                return fallback;
            }

            return (int)value;
        }

        /// <summary>Member <paramref name="name"/> as true or false; <paramref name="fallback"/> when absent and optional, or after a failure.</summary>
        internal bool Bool(int obj, string name, bool fallback, bool required)
        {
            int node = Member(obj, name, required);
            if (node == JsonDocument.NoNode || Failed)
            {
                return fallback;
            }

            int kind = _doc.GetKind(node);
            if (kind == JsonKind.True || kind == JsonKind.False)
            {
                return kind == JsonKind.True;
            }

            Fail(node, ConfigError.WrongType, "must be true or false (without quotes), not " + JsonKind.Describe(kind));
            return fallback;
        }

        /// <summary>
        /// Member <paramref name="name"/> as a string of <paramref name="minLength"/>..<paramref name="maxLength"/>
        /// characters (UTF-16 code units); <paramref name="fallback"/> when absent and optional, or after a failure.
        /// </summary>
        internal string Text(int obj, string name, int minLength, int maxLength, string fallback, bool required)
        {
            int node = Member(obj, name, required);
            return node == JsonDocument.NoNode ? fallback : TextValue(node, minLength, maxLength, fallback);
        }

        /// <summary>The string at <paramref name="node"/> with minLength..maxLength characters; fallback after a failure.</summary>
        internal string TextValue(int node, int minLength, int maxLength, string fallback)
        {
            if (Failed || !Expect(node, JsonKind.String, "a string"))
            {
                return fallback;
            }

            int length = _doc.GetStringLength(node);
            if (length < minLength || length > maxLength)
            {
                Fail(node, ConfigError.BadValue, "must have " + Range(minLength, maxLength) + " characters, not " + length.ToString());
                return fallback;
            }

            return _doc.GetString(node);
        }

        /// <summary>
        /// Member <paramref name="name"/> as one of <paramref name="words"/> (exact, case-sensitive); returns its index,
        /// or <paramref name="fallback"/> when absent and optional, or after a failure.
        /// </summary>
        internal int Choice(int obj, string name, string[] words, int fallback, bool required)
        {
            int node = Member(obj, name, required);
            if (node == JsonDocument.NoNode || Failed || !Expect(node, JsonKind.String, "a string"))
            {
                return fallback;
            }

            string value = _doc.GetString(node);
            for (int i = 0; i < words.Length; i++)
            {
                if (value == words[i])
                {
                    return i;
                }
            }

            string list = string.Empty;
            for (int i = 0; i < words.Length; i++)
            {
                list = list + (i == 0 ? "\"" : "\", \"") + words[i];
            }

            Fail(node, ConfigError.BadValue, "must be one of " + list + "\"" + Not(node));
            return fallback;
        }

        /// <summary>
        /// Member <paramref name="name"/> as a local time "HH:MM" (00:00..23:59, two digits each) returned as minutes
        /// after midnight (0..1439); <paramref name="fallback"/> when absent and optional, or after a failure.
        /// </summary>
        internal int TimeOfDay(int obj, string name, int fallback, bool required)
        {
            int node = Member(obj, name, required);
            if (node == JsonDocument.NoNode || Failed || !Expect(node, JsonKind.String, "a string"))
            {
                return fallback;
            }

            string s = _doc.GetString(node);
            if (s.Length == 5 && s[2] == ':' && Digit(s[0]) && Digit(s[1]) && Digit(s[3]) && Digit(s[4]))
            {
                int hours = ((s[0] - '0') * 10) + (s[1] - '0');
                int minutes = ((s[3] - '0') * 10) + (s[4] - '0');
                if (hours < 24 && minutes < 60)
                {
                    return (hours * 60) + minutes;
                }
            }

            Fail(node, ConfigError.BadValue, "must be a 24-hour time \"HH:MM\" from \"00:00\" to \"23:59\"" + Not(node));
            return fallback;
        }

        /// <summary>True when node has the kind; else records WrongType ("must be a number, not a string").</summary>
        internal bool Expect(int node, int kind, string what)
        {
            if (Failed)
            {
                return false;
            }

            if (_doc.GetKind(node) == kind)
            {
                return true;
            }

            Fail(node, ConfigError.WrongType, "must be " + what + ", not " + JsonKind.Describe(_doc.GetKind(node)));
            return false;
        }

        /// <summary>", not X" quoting the node's value, or "" when redacting.</summary>
        internal string Not(int node)
        {
            return _redact ? string.Empty : ", not " + _doc.GetExcerpt(node);
        }

        /// <summary>"min..max", or just "min" when they are equal.</summary>
        internal static string Range(int min, int max)
        {
            return min == max ? min.ToString() : min.ToString() + ".." + max.ToString();
        }

        private static string Decimal(int value, int decimals)
        {
            int scale = 1;
            for (int i = 0; i < decimals; i++)
            {
                scale *= 10;
            }

            int whole = value / scale;
            int fraction = value % scale;
            if (fraction == 0)
            {
                return whole.ToString() + ".0";
            }

            string digits = fraction.ToString();
            while (digits.Length < decimals)
            {
                digits = "0" + digits;
            }

            while (digits.Length > 1 && digits[digits.Length - 1] == '0')
            {
                digits = digits.Substring(0, digits.Length - 1);
            }

            return whole.ToString() + "." + digits;
        }

        private static bool Digit(char c)
        {
            return c >= '0' && c <= '9';
        }
    }
}
