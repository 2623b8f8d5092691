namespace BoardKit.Firmware.Core.Config
{
    /// <summary>
    /// A JSON text that <see cref="JsonReader"/> has checked, as numbered nodes: node 0 (<see cref="Root"/>) is the
    /// top-level value and the nodes follow in file order, so the first child of a container is the node after it.
    /// A node is addressed by its int number; -1 (<see cref="NoNode"/>) means "none". Strings and numbers stay in the
    /// file's bytes and are decoded when asked for, so reading a document allocates only the strings a parser keeps
    /// and the messages of a failure. Methods expect a valid node number of the right kind (the parsers check
    /// <see cref="GetKind"/> first); a string accessor on another kind returns an empty result.
    /// </summary>
    public sealed class JsonDocument
    {
        /// <summary>The top-level value.</summary>
        public const int Root = 0;

        /// <summary>"No node": an absent member, the parent of the root, the sibling after the last one.</summary>
        public const int NoNode = -1;

        // Most characters of a string value quoted in a message, and most bytes of a number.
        private const int ExcerptChars = 32;

        private readonly byte[] _data;
        private readonly int _count;
        private readonly byte[] _kind;
        private readonly int[] _start;
        private readonly int[] _parent;
        private readonly int[] _next;
        private readonly int[] _nameStart;

        /// <summary>Wraps the node arrays <see cref="JsonReader"/> built (the arrays may be longer than <paramref name="count"/>).</summary>
        internal JsonDocument(byte[] data, int count, byte[] kind, int[] start, int[] parent, int[] next, int[] nameStart)
        {
            _data = data;
            _count = count;
            _kind = kind;
            _start = start;
            _parent = parent;
            _next = next;
            _nameStart = nameStart;
        }

        /// <summary>Number of nodes (values) in the document, 1..<see cref="JsonLimits.MaxNodes"/>.</summary>
        public int NodeCount
        {
            get { return _count; }
        }

        /// <summary>The <see cref="JsonKind"/> of <paramref name="node"/>.</summary>
        public int GetKind(int node)
        {
            return _kind[node];
        }

        /// <summary>The object or array holding <paramref name="node"/>; <see cref="NoNode"/> for the root.</summary>
        public int GetParent(int node)
        {
            return _parent[node];
        }

        /// <summary>First member or element of a container, or <see cref="NoNode"/> when it is empty or not a container.</summary>
        public int GetFirstChild(int node)
        {
            int child = node + 1;
            return child < _count && _parent[child] == node ? child : NoNode;
        }

        /// <summary>The next member or element after <paramref name="node"/> in its container, or <see cref="NoNode"/>.</summary>
        public int GetNext(int node)
        {
            return _next[node];
        }

        /// <summary>Number of members or elements of a container (0..64); 0 for other kinds.</summary>
        public int GetCount(int node)
        {
            int n = 0;
            for (int c = GetFirstChild(node); c != NoNode; c = _next[c])
            {
                n++;
            }

            return n;
        }

        /// <summary>The value of member <paramref name="name"/> of object <paramref name="obj"/>, or <see cref="NoNode"/>.</summary>
        public int GetMember(int obj, string name)
        {
            if (_kind[obj] != JsonKind.Object)
            {
                return NoNode;
            }

            for (int c = GetFirstChild(obj); c != NoNode; c = _next[c])
            {
                if (NameEquals(c, name))
                {
                    return c;
                }
            }

            return NoNode;
        }

        /// <summary>True when <paramref name="node"/> is an object member whose name (unescaped) is <paramref name="name"/>.</summary>
        public bool NameEquals(int node, string name)
        {
            int pos = _nameStart[node];
            if (pos < 0)
            {
                return false;
            }

            int i = 0;
            while (true)
            {
                int cp = JsonText.Next(_data, ref pos);
                if (cp < 0)
                {
                    return i == name.Length;
                }

                if (cp > 0xFFFF)
                {
                    int high = 0xD800 + ((cp - 0x10000) >> 10);
                    int low = 0xDC00 + ((cp - 0x10000) & 0x3FF);
                    if (i + 1 >= name.Length || name[i] != high || name[i + 1] != low)
                    {
                        return false;
                    }

                    i += 2;
                }
                else
                {
                    if (i >= name.Length || name[i] != cp)
                    {
                        return false;
                    }

                    i++;
                }
            }
        }

        /// <summary>The member name of <paramref name="node"/> (unescaped), or "" when it is not an object member.</summary>
        public string GetName(int node)
        {
            return _nameStart[node] < 0 ? string.Empty : Decode(_nameStart[node]);
        }

        /// <summary>The unescaped text of a string node; "" for other kinds. Allocates the string.</summary>
        public string GetString(int node)
        {
            return _kind[node] == JsonKind.String ? Decode(_start[node] + 1) : string.Empty;
        }

        /// <summary>Length of a string node's text in UTF-16 code units, as string.Length counts (0..256); 0 for other kinds.</summary>
        public int GetStringLength(int node)
        {
            return _kind[node] == JsonKind.String ? Utf16Length(_start[node] + 1) : 0;
        }

        /// <summary>
        /// Copies a string node's text into dest from <paramref name="offset"/> without creating a string (secrets go
        /// into an array the caller can overwrite). Returns the UTF-16 code units written, or -1 (nothing written) when
        /// the node is not a string or dest has too little room.
        /// </summary>
        public int CopyString(int node, char[] dest, int offset)
        {
            if (_kind[node] != JsonKind.String || offset < 0 || offset > dest.Length || dest.Length - offset < GetStringLength(node))
            {
                return -1;
            }

            int pos = _start[node] + 1;
            int n = offset;
            while (true)
            {
                int cp = JsonText.Next(_data, ref pos);
                if (cp < 0)
                {
                    return n - offset;
                }

                if (cp > 0xFFFF)
                {
                    dest[n++] = (char)(0xD800 + ((cp - 0x10000) >> 10));
                    dest[n++] = (char)(0xDC00 + ((cp - 0x10000) & 0x3FF));
                }
                else
                {
                    dest[n++] = (char)cp;
                }
            }
        }

        /// <summary>
        /// A number node's value times 1,000,000, exact (2.2 gives 2200000; |value| &lt; 10^12, so the result stays
        /// within ±10^18); 0 for other kinds.
        /// </summary>
        public long GetMicros(int node)
        {
            if (_kind[node] != JsonKind.Number)
            {
                return 0;
            }

            JsonNumber.Scan(_data, _start[node], _data.Length, out int _, out long micros, out int _);
            return micros;
        }

        /// <summary>True for a number node with no fractional part (1, 1.0 and 1e2 are integers; 1.5 is not).</summary>
        public bool IsInteger(int node)
        {
            return _kind[node] == JsonKind.Number && GetMicros(node) % JsonNumber.Scale == 0;
        }

        /// <summary>
        /// Where the node sits, as messages name it: "tiles[2].rotation", "panel", "keys[0]"; "" for the root. Member
        /// names are unescaped; array indexes count from 0.
        /// </summary>
        public string GetPath(int node)
        {
            int parent = _parent[node];
            if (parent < 0)
            {
                return string.Empty;
            }

            string head = GetPath(parent);
            if (_kind[parent] == JsonKind.Array)
            {
                int index = 0;
                for (int c = GetFirstChild(parent); c != node && c != NoNode; c = _next[c])
                {
                    index++;
                }

                return head + "[" + index.ToString() + "]";
            }

            return head.Length == 0 ? GetName(node) : head + "." + GetName(node);
        }

        /// <summary>"line L, column C" of the node's value (its first character), both counted from 1.</summary>
        public string GetPosition(int node)
        {
            return JsonText.Where(_data, _start[node]);
        }

        /// <summary>"line L, column C" of the node's member name (its opening quote), or of its value when it is not a member.</summary>
        public string GetNamePosition(int node)
        {
            return _nameStart[node] < 0 ? GetPosition(node) : JsonText.Where(_data, _nameStart[node] - 1);
        }

        /// <summary>
        /// The value as a message quotes it: a string in double quotes (at most 32 characters, then "..."; control
        /// characters as '?'), a number as written (at most 32 bytes), or true / false / null / "an object" / "a list".
        /// </summary>
        public string GetExcerpt(int node)
        {
            int kind = _kind[node];
            if (kind == JsonKind.String)
            {
                return JsonText.Excerpt(_data, _start[node] + 1, ExcerptChars);
            }

            if (kind != JsonKind.Number)
            {
                return JsonKind.Describe(kind);
            }

            JsonNumber.Scan(_data, _start[node], _data.Length, out int end, out long _, out int _);
            int length = end - _start[node];
            char[] chars = new char[length > ExcerptChars ? ExcerptChars : length];
            for (int i = 0; i < chars.Length; i++)
            {
                chars[i] = (char)_data[_start[node] + i];
            }

            return new string(chars);
        }

        private string Decode(int contentStart)
        {
            char[] chars = new char[Utf16Length(contentStart)];
            int pos = contentStart;
            int n = 0;
            while (true)
            {
                int cp = JsonText.Next(_data, ref pos);
                if (cp < 0)
                {
                    return new string(chars, 0, n);
                }

                if (cp > 0xFFFF)
                {
                    chars[n++] = (char)(0xD800 + ((cp - 0x10000) >> 10));
                    chars[n++] = (char)(0xDC00 + ((cp - 0x10000) & 0x3FF));
                }
                else
                {
                    chars[n++] = (char)cp;
                }
            }
        }

        private int Utf16Length(int contentStart)
        {
            int pos = contentStart;
            int n = 0;
            while (true)
            {
                int cp = JsonText.Next(_data, ref pos);
                if (cp < 0)
                {
                    return n;
                }

                n += cp > 0xFFFF ? 2 : 1;
            }
        }
    }
}
