using System;
using System.Collections.Generic;
using System.Globalization;
using BoardKit.Firmware.Core.Wire;
using BoardKit.Tests.Shared;

namespace BoardKit.Firmware.Core.Tests.Vectors
{
    /// <summary>
    /// Writes a vector's bytes with one comment per field. It walks the bytes with its own small reader (not the
    /// production decoders), so a regenerated file is also a second reading of the layout in docs/protocol.md.
    /// It never trusts a length: a field that runs past the end of the bytes (or of its frame data) is written as far
    /// as it goes and marked "cut short", so the negative vectors (neg-*.hex) are annotated too. A negative vector's
    /// <see cref="Note"/>s are appended to the comment of the field they name, after "&lt;&lt; FAULT:".
    /// </summary>
    internal sealed class VectorAnnotator
    {
        /// <summary>Marks the comment of a faulty field in a negative vector.</summary>
        public const string FaultMarker = "<< FAULT: ";

        private readonly byte[] _b;
        private readonly VectorFileWriter _w;
        private readonly List<Note> _notes;
        private readonly bool[] _noteUsed;
        private readonly IReadOnlyDictionary<string, string>? _tagNames;
        private int _p;

        private VectorAnnotator(byte[] bytes, VectorFileWriter writer, IReadOnlyList<Note>? notes, IReadOnlyDictionary<string, string>? tagNames)
        {
            _b = bytes;
            _w = writer;
            _notes = new List<Note>(notes ?? Array.Empty<Note>());
            _noteUsed = new bool[_notes.Count];
            _tagNames = tagNames;
        }

        /// <summary>
        /// What is wrong with a field of a negative vector: <paramref name="Text"/> is appended to the comment of the
        /// first field whose comment contains <paramref name="Field"/> (every note must find its field).
        /// </summary>
        public sealed record Note(string Field, string Text);

        public static void AnnotateFrame(byte[] bytes, VectorFileWriter writer)
        {
            var a = new VectorAnnotator(bytes, writer, null, null);
            a.Frame(string.Empty, bytes.Length);
            a.End();
        }

        public static void AnnotateMessage(byte[] bytes, VectorFileWriter writer, IReadOnlyList<Note>? notes = null)
        {
            var a = new VectorAnnotator(bytes, writer, notes, null);
            a.Message();
            a.End();
        }

        /// <summary>A saved replay state (ReplayGuard format 2). <paramref name="tagNames"/>: hex of a tag -> the vector it belongs to.</summary>
        public static void AnnotateState(byte[] bytes, VectorFileWriter writer, IReadOnlyDictionary<string, string> tagNames)
        {
            var a = new VectorAnnotator(bytes, writer, null, tagNames);
            a.State();
            a.End();
        }

        private void End()
        {
            if (_p != _b.Length)
            {
                throw new InvalidOperationException("annotator stopped at " + _p + " of " + _b.Length);
            }

            for (int i = 0; i < _notes.Count; i++)
            {
                if (!_noteUsed[i])
                {
                    throw new InvalidOperationException("no field matches the note '" + _notes[i].Field + "'");
                }
            }
        }

        private int Left => _b.Length - _p;

        /// <summary>Writes the field _b[_p.._p+n) (as much of it as there is) and moves past it.</summary>
        private void Field(int n, string comment)
        {
            int count = n;
            if (n > Left)
            {
                count = Left;
                comment += ", cut short: " + count + " of " + n + " bytes";
            }

            for (int i = 0; i < _notes.Count; i++)
            {
                if (!_noteUsed[i] && comment.Contains(_notes[i].Field, StringComparison.Ordinal))
                {
                    _noteUsed[i] = true;
                    comment += " " + FaultMarker + _notes[i].Text;
                    break;
                }
            }

            _w.Field(_b, _p, count, comment);
            _p += count;
        }

        private int Byte(int p) => p < _b.Length ? _b[p] : 0;

        private int Read16(int p) => (Byte(p) << 8) | Byte(p + 1);

        private uint Read32(int p) => ((uint)Byte(p) << 24) | ((uint)Byte(p + 1) << 16) | ((uint)Byte(p + 2) << 8) | (uint)Byte(p + 3);

        private ulong Read64(int p) => ((ulong)Read32(p) << 32) | Read32(p + 4);

        private int U8(string comment)
        {
            int v = Byte(_p);
            Field(1, comment);
            return v;
        }

        private int U16(string comment)
        {
            int v = Read16(_p);
            Field(2, comment);
            return v;
        }

        private uint U32(string comment)
        {
            uint v = Read32(_p);
            Field(4, comment);
            return v;
        }

        private ulong U64(string comment)
        {
            ulong v = Read64(_p);
            Field(8, comment);
            return v;
        }

        private void Bytes(int n, string comment) => Field(n, comment);

        private static string Hex(ulong v) => "0x" + v.ToString("X", CultureInfo.InvariantCulture);

        private static string Time(uint unix) => unix == 0 ? "0 = open" : unix + " = " + Utc(unix);

        private static string Utc(uint unix) => DateTimeOffset.FromUnixTimeSeconds(unix).UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

        private void Frame(string prefix, int available)
        {
            int format = Byte(_p);
            string name = format switch { 1 => "Mono1", 2 => "Palette2", 4 => "Palette4", 24 => "Rgb888", _ => "?" };
            U8(prefix + "frame format " + format + " = " + name);
            int flags = Byte(_p);
            U8(prefix + "frame flags 0x" + flags.ToString("X2", CultureInfo.InvariantCulture) + ((flags & 1) != 0 ? " = run-length compressed" : " = raw"));
            int width = Read16(_p);
            U16(prefix + "width " + width + " px");
            int height = Read16(_p);
            U16(prefix + "height " + height + " px");
            int entries = format switch { 1 => 2, 2 => 4, 4 => 16, _ => 0 };
            for (int i = 0; i < entries; i++)
            {
                Bytes(3, prefix + "palette[" + i + "] R G B");
            }

            int length = U16(prefix + "pixel data length " + Read16(_p) + " bytes");
            int bpp = format == 24 ? 24 : format;
            int raw = (width * height * bpp + 7) / 8;
            if ((flags & 1) == 0)
            {
                int rowBytes = width * bpp / 8;
                if (length != raw)
                {
                    Bytes(length, prefix + "pixels, packed: " + length + " bytes");
                }
                else if (rowBytes * 8 == width * bpp && rowBytes > 0)
                {
                    for (int y = 0; y < height; y++)
                    {
                        Bytes(rowBytes, prefix + "row " + y);
                    }
                }
                else
                {
                    Bytes(raw, prefix + "pixels, packed");
                }

                return;
            }

            int unit = format == 24 ? 3 : 1;
            int end = Math.Min(_p + length, _b.Length);
            while (_p < end)
            {
                int c = _b[_p];
                string control = prefix + "control 0x" + c.ToString("X2", CultureInfo.InvariantCulture) + ": ";
                int size = c < 0x80 ? 1 + (c + 1) * unit : 1 + unit;
                string what = c < 0x80 ? (c + 1) + " literal unit(s)" : "next unit x" + (c - 0x80 + 2);
                if (size > end - _p)
                {
                    what += ", cut short by the data length: " + (end - _p) + " of " + size + " bytes";
                    size = end - _p;
                }

                Field(size, control + what);
            }
        }

        private void Item(string prefix)
        {
            int start = _p;
            int length = U16(prefix + "item length " + Read16(_p) + " (bytes after this field)");
            int layout = Byte(_p);
            U8(prefix + "layout " + layout + (layout == 0 ? " = static" : layout == 1 ? " = scroll" : layout == 2 ? " = page" : " = scroll beside a still frame"));
            int level = Byte(_p);
            U8(prefix + "level " + level + (level == 0 ? " = normal" : level == 1 ? " = priority" : " = emergency"));
            U32(prefix + "dwell " + Read32(_p) + " ms");
            U16(prefix + "scroll speed " + Read16(_p) + " px/s");
            U32(prefix + "valid from " + Time(Read32(_p)));
            U32(prefix + "valid until " + Time(Read32(_p)));
            U16(prefix + "schedule start minute " + Read16(_p));
            U16(prefix + "schedule end minute " + Read16(_p));
            int frames = U8(prefix + "frame count " + Byte(_p));
            int blink = Read16(_p);
            U16(prefix + "blink period " + blink + " ms" + (blink == 0 ? " = steady" : " = shown " + (blink / 2) + " ms, dark " + (blink - blink / 2) + " ms"));
            // Layout 3 (scroll beside a still frame): frame 0 is the still frame, frame 1 the strip; both are shown
            // while the item holds them, also when its frame count is wrong (the fault of a negative vector).
            bool beside = layout == ProgramItem.LayoutScrollBesideStill;
            for (int f = 0; Left > 0 && (f < frames || (beside && f < 2 && _p < start + 2 + length)); f++)
            {
                string role = beside ? (f == 0 ? " (still frame)" : f == 1 ? " (strip)" : string.Empty) : string.Empty;
                Frame(prefix + "frame " + f + role + ": ", start + 2 + length - _p);
            }

            if (_p < start + 2 + length)
            {
                Bytes(start + 2 + length - _p, prefix + "extension bytes (ignored)");
            }
        }

        private static string KindName(int kind) => kind switch
        {
            1 => "program",
            2 => "alert",
            3 => "alert clear",
            4 => "emergency preset",
            0x10 => "live frame",
            0x11 => "command",
            0x20 => "status",
            0x21 => "event",
            _ => "unknown",
        };

        private void Message()
        {
            string magic = Byte(0) == 0x42 && Byte(1) == 0x4B ? "magic \"BK\"" : "magic \"" + (char)Byte(0) + (char)Byte(1) + "\"";
            Bytes(2, magic);
            U8("version " + Byte(_p));
            int kind = Byte(_p);
            U8("kind 0x" + kind.ToString("X2", CultureInfo.InvariantCulture) + " = " + KindName(kind));
            U8(Byte(_p) == 0 ? "flags (0 in version 1)" : "flags 0x" + Byte(_p).ToString("X2", CultureInfo.InvariantCulture));
            U8("key id " + Byte(_p));
            bool ours = _b.Length >= 14 && _b.AsSpan(6, 8).SequenceEqual(VectorCatalog.BoardHash());
            Bytes(8, ours ? "board hash = SHA-256(\"" + VectorCatalog.BoardIdText + "\")[0..8]" : "board hash, not SHA-256(\"" + VectorCatalog.BoardIdText + "\")[0..8]");
            U64("sequence " + Hex(Read64(_p)));
            ulong session = Read64(_p);
            bool persistent = kind >= 0x01 && kind <= 0x0F;
            U64("session " + Hex(session) + (persistent && session != 0 ? " = content epoch " + session : string.Empty));
            U32("issued at " + (Read32(_p) == 0 ? "0 = unknown" : Time(Read32(_p))));
            uint declared = U32("payload length " + Read32(_p) + " bytes");

            // The payload as declared when header, payload and tag fit in the bytes; otherwise the bytes between the
            // header and the last 32 (a declared length beyond the message is that field's fault, not the payload's).
            int payloadLength = declared <= (uint)Math.Max(0, Left) ? (int)declared : Math.Max(0, Left - 32);
            int payloadEnd = _p + payloadLength;
            switch (kind)
            {
                case 1:
                    int offset = (short)Read16(_p);
                    U16("UTC offset " + offset + " min");
                    int items = U8("item count " + Byte(_p));
                    U8("program flags (0)");
                    for (int i = 0; i < items && _p < payloadEnd; i++)
                    {
                        Item("item " + i + ": ");
                    }

                    break;
                case 2:
                    Item("alert item: ");
                    break;
                case 3:
                    U64("cleared alert sequence " + Hex(Read64(_p)));
                    break;
                case 4:
                    Item("preset item: ");
                    break;
                case 0x10:
                    Frame(string.Empty, payloadLength);
                    break;
                case 0x11:
                    Command();
                    break;
                case 0x20:
                    Status(payloadEnd);
                    break;
                case 0x21:
                    Event(payloadLength);
                    break;
                default:
                    Bytes(payloadLength, "payload of a kind this version does not know (not read)");
                    break;
            }

            if (_p > payloadEnd)
            {
                throw new InvalidOperationException("payload annotation ran past the payload (" + _p + " > " + payloadEnd + ")");
            }

            if (_p != payloadEnd)
            {
                Bytes(payloadEnd - _p, "payload extension bytes (ignored)");
            }

            Bytes(32, "HMAC-SHA256 tag over bytes 0.." + (_p - 1));
            if (Left > 0)
            {
                Bytes(Left, "trailing byte(s) after the tag");
            }
        }

        private void Command()
        {
            int code = Byte(_p);
            string name = code switch
            {
                1 => "brightness",
                2 => "identify",
                3 => "reboot",
                4 => "request status",
                5 => "resync",
                6 => "end local emergency",
                _ => "unknown",
            };
            U8("command code " + code + " = " + name);
            if (code == 1)
            {
                int mode = Byte(_p);
                U8("brightness mode " + mode + (mode == 1 ? " = percent" : mode == 0 ? " = level" : " = unknown"));
                U8("brightness value " + Byte(_p));
            }
            else if (code == 2)
            {
                U16("identify " + Read16(_p) + " s");
            }
            else if (code == 5)
            {
                U32("new content epoch " + Read32(_p));
            }
        }

        private void Status(int payloadEnd)
        {
            while (_p < payloadEnd)
            {
                int tag = _b[_p];
                int size = Byte(_p + 1);
                int v = _p + 2;
                string what = tag switch
                {
                    1 => "firmware version \"" + System.Text.Encoding.UTF8.GetString(_b, v, Math.Min(size, Math.Max(0, _b.Length - v))) + "\"",
                    2 => "uptime s",
                    3 => "free heap bytes",
                    4 => "Wi-Fi RSSI " + (sbyte)Byte(v) + " dBm",
                    5 => "program sequence u64, current item u8",
                    6 => "alert state u8, alert sequence u64",
                    7 => "LED current mA",
                    8 => "error counters: rejected, bad tag, replay, decode error (u32 each)",
                    9 => "button presses",
                    10 => "last rejection: WireError u16, kind u8",
                    11 => "brightness level",
                    12 => "installed key ids",
                    13 => "board flags 0x" + Byte(v).ToString("X2", CultureInfo.InvariantCulture) + " = " + StatusFlags(Byte(v)),
                    14 => "content epoch " + Read32(v),
                    15 => "board time " + Time(Read32(v)) + ", quality " + Byte(v + 4) + (Byte(v + 4) switch { 0 => " = unknown", 1 => " = lower bound", 2 => " = network", _ => " = ?" }),
                    16 => "showing " + Byte(v) + " = " + Showing(Byte(v)),
                    _ => "unknown tag (skipped)",
                };
                Field(2 + size, "tag 0x" + tag.ToString("X2", CultureInfo.InvariantCulture) + " len " + size + ": " + what);
            }
        }

        private static string StatusFlags(int flags)
        {
            if (flags == 0)
            {
                return "none";
            }

            var parts = new List<string>();
            if ((flags & 1) != 0)
            {
                parts.Add("recovering");
            }

            if ((flags & 2) != 0)
            {
                parts.Add("local emergency");
            }

            if ((flags & 4) != 0)
            {
                parts.Add("power limited");
            }

            if ((flags & ~7) != 0)
            {
                parts.Add("reserved bits");
            }

            return string.Join(", ", parts);
        }

        private static string Showing(int code) => code switch
        {
            0 => "dark",
            1 => "program item",
            2 => "live frame",
            3 => "alert",
            4 => "local emergency",
            5 => "identify",
            6 => "diagnostic",
            _ => "?",
        };

        private void Event(int payloadLength)
        {
            int code = Byte(_p);
            // Codes 1-6 keep the bare number, as in the first vector files (msg-event.hex), which never change.
            string name = code switch { 7 => " = emergency started", 8 => " = emergency ended", 9 => " = state lost", _ => string.Empty };
            U8("event code " + code + name);
            int detail = Read16(_p);
            string source = (code == 7 || code == 8) ? (detail == 1 ? " = button" : detail == 2 ? " = command" : " = ?") : code == 9 ? " damaged slot(s)" : string.Empty;
            U16("detail " + detail + source);
            U8("message kind 0x" + Byte(_p).ToString("X2", CultureInfo.InvariantCulture));
            U64("message sequence " + Hex(Read64(_p)));
            U32("uptime " + Read32(_p) + " s");
            if (payloadLength >= 20)
            {
                U32("event time " + Time(Read32(_p)));
            }
        }

        private void State()
        {
            Bytes(2, "magic \"" + (char)Byte(0) + (char)Byte(1) + "\" (replay state)");
            U8("format " + Byte(_p));
            int streams = U8("stream count " + Byte(_p) + ": program, alert (alert and alert clear), preset");
            U32("generation " + Read32(_p) + " (incremented by every save; the higher valid copy wins)");
            U32("content epoch " + Read32(_p));
            uint bound = Read32(_p);
            U32("time lower bound " + (bound == 0 ? "0 = none" : bound + " = " + Utc(bound)));
            int flags = Byte(_p);
            U8("flags 0x" + flags.ToString("X2", CultureInfo.InvariantCulture) + ((flags & 1) != 0 ? " = recovering from a lost state" : " = not recovering"));
            uint floor = Read32(_p);
            U32("recovery floor " + (floor == 0 ? "0 = none" : floor + " = " + Utc(floor) + ": oldest issue time on a stream without a record"));
            string[] names = { "program", "alert", "preset" };
            for (int s = 0; s < streams && Left > 4; s++)
            {
                string stream = (s < names.Length ? names[s] : "stream " + s) + " stream: ";
                int keyId = Byte(_p);
                U8(stream + "key id " + keyId + (keyId == 0 ? " = no message in this epoch" : string.Empty));
                U64(stream + "sequence " + Hex(Read64(_p)));
                string tag = VectorFile.ToHex(_b, _p, Math.Min(32, Left));
                bool empty = tag.Trim('0').Length == 0;
                string owner = _tagNames != null && _tagNames.TryGetValue(tag, out string? vector) ? " = the tag of " + vector : string.Empty;
                Bytes(32, stream + (empty ? "tag: all zero = no message stored" : "tag of the last accepted message" + owner));
            }

            U32("CRC-32 (zlib) of bytes 0.." + (_p - 1));
        }
    }
}
