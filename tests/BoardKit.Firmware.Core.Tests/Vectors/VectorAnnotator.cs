using System;
using System.Globalization;
using BoardKit.Tests.Shared;

namespace BoardKit.Firmware.Core.Tests.Vectors
{
    /// <summary>
    /// Writes a vector's bytes with one comment per field. It walks the bytes with its own small reader (not the
    /// production decoders), so a regenerated file is also a second reading of the layout in docs/protocol.md.
    /// </summary>
    internal sealed class VectorAnnotator
    {
        private readonly byte[] _b;
        private readonly VectorFileWriter _w;
        private int _p;

        private VectorAnnotator(byte[] bytes, VectorFileWriter writer)
        {
            _b = bytes;
            _w = writer;
        }

        public static void AnnotateFrame(byte[] bytes, VectorFileWriter writer)
        {
            var a = new VectorAnnotator(bytes, writer);
            a.Frame(string.Empty, bytes.Length);
            a.End();
        }

        public static void AnnotateMessage(byte[] bytes, VectorFileWriter writer)
        {
            var a = new VectorAnnotator(bytes, writer);
            a.Message();
            a.End();
        }

        private void End()
        {
            if (_p != _b.Length)
            {
                throw new InvalidOperationException("annotator stopped at " + _p + " of " + _b.Length);
            }
        }

        private int U8(string comment)
        {
            int v = _b[_p];
            _w.Field(_b, _p, 1, comment);
            _p += 1;
            return v;
        }

        private int U16(string comment)
        {
            int v = (_b[_p] << 8) | _b[_p + 1];
            _w.Field(_b, _p, 2, comment);
            _p += 2;
            return v;
        }

        private uint Read32(int p) => ((uint)_b[p] << 24) | ((uint)_b[p + 1] << 16) | ((uint)_b[p + 2] << 8) | _b[p + 3];

        private ulong Read64(int p) => ((ulong)Read32(p) << 32) | Read32(p + 4);

        private uint U32(string comment)
        {
            uint v = Read32(_p);
            _w.Field(_b, _p, 4, comment);
            _p += 4;
            return v;
        }

        private ulong U64(string comment)
        {
            ulong v = Read64(_p);
            _w.Field(_b, _p, 8, comment);
            _p += 8;
            return v;
        }

        private void Bytes(int n, string comment)
        {
            _w.Field(_b, _p, n, comment);
            _p += n;
        }

        private static string Hex(ulong v) => "0x" + v.ToString("X", CultureInfo.InvariantCulture);

        private static string Time(uint unix) => unix == 0 ? "0 = open" : unix + " = " + DateTimeOffset.FromUnixTimeSeconds(unix).UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

        private void Frame(string prefix, int available)
        {
            int format = _b[_p];
            string name = format switch { 1 => "Mono1", 2 => "Palette2", 4 => "Palette4", 24 => "Rgb888", _ => "?" };
            U8(prefix + "frame format " + format + " = " + name);
            int flags = _b[_p];
            U8(prefix + "frame flags 0x" + flags.ToString("X2", CultureInfo.InvariantCulture) + ((flags & 1) != 0 ? " = run-length compressed" : " = raw"));
            int width = _b[_p] << 8 | _b[_p + 1];
            U16(prefix + "width " + width + " px");
            int height = _b[_p] << 8 | _b[_p + 1];
            U16(prefix + "height " + height + " px");
            int entries = format switch { 1 => 2, 2 => 4, 4 => 16, _ => 0 };
            for (int i = 0; i < entries; i++)
            {
                Bytes(3, prefix + "palette[" + i + "] R G B");
            }

            int length = U16(prefix + "pixel data length " + ((_b[_p] << 8) | _b[_p + 1]) + " bytes");
            int bpp = format == 24 ? 24 : format;
            int raw = (width * height * bpp + 7) / 8;
            if ((flags & 1) == 0)
            {
                int rowBytes = width * bpp / 8;
                if (rowBytes * 8 == width * bpp && rowBytes > 0)
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
            int end = _p + length;
            while (_p < end)
            {
                int c = _b[_p];
                if (c < 0x80)
                {
                    _w.Field(_b, _p, 1 + (c + 1) * unit, prefix + "control 0x" + c.ToString("X2", CultureInfo.InvariantCulture) + ": " + (c + 1) + " literal unit(s)");
                    _p += 1 + (c + 1) * unit;
                }
                else
                {
                    _w.Field(_b, _p, 1 + unit, prefix + "control 0x" + c.ToString("X2", CultureInfo.InvariantCulture) + ": next unit x" + (c - 0x80 + 2));
                    _p += 1 + unit;
                }
            }
        }

        private void Item(string prefix)
        {
            int start = _p;
            int length = U16(prefix + "item length " + ((_b[_p] << 8) | _b[_p + 1]) + " (bytes after this field)");
            int layout = _b[_p];
            U8(prefix + "layout " + layout + (layout == 0 ? " = static" : layout == 1 ? " = scroll" : " = page"));
            int level = _b[_p];
            U8(prefix + "level " + level + (level == 0 ? " = normal" : level == 1 ? " = priority" : " = emergency"));
            U32(prefix + "dwell " + Read32(_p) + " ms");
            U16(prefix + "scroll speed " + ((_b[_p] << 8) | _b[_p + 1]) + " px/s");
            U32(prefix + "valid from " + Time(Read32(_p)));
            U32(prefix + "valid until " + Time(Read32(_p)));
            U16(prefix + "schedule start minute " + ((_b[_p] << 8) | _b[_p + 1]));
            U16(prefix + "schedule end minute " + ((_b[_p] << 8) | _b[_p + 1]));
            int frames = U8(prefix + "frame count " + _b[_p]);
            int blink = (_b[_p] << 8) | _b[_p + 1];
            U16(prefix + "blink period " + blink + " ms" + (blink == 0 ? " = steady" : " = shown " + (blink / 2) + " ms, dark " + (blink - blink / 2) + " ms"));
            for (int f = 0; f < frames; f++)
            {
                Frame(prefix + "frame " + f + ": ", start + 2 + length - _p);
            }

            if (_p != start + 2 + length)
            {
                Bytes(start + 2 + length - _p, prefix + "extension bytes (ignored)");
            }
        }

        private void Message()
        {
            Bytes(2, "magic \"BK\"");
            U8("version " + _b[_p]);
            int kind = _b[_p];
            string kindName = kind switch { 1 => "program", 2 => "alert", 3 => "alert clear", 0x10 => "live frame", 0x11 => "command", 0x20 => "status", 0x21 => "event", _ => "unknown" };
            U8("kind 0x" + kind.ToString("X2", CultureInfo.InvariantCulture) + " = " + kindName);
            U8("flags (0 in version 1)");
            U8("key id " + _b[_p]);
            Bytes(8, "board hash = SHA-256(\"" + VectorCatalog.BoardIdText + "\")[0..8]");
            U64("sequence " + Hex(Read64(_p)));
            U64("session " + Hex(Read64(_p)));
            U32("issued at " + Time(Read32(_p)));
            uint length = U32("payload length " + Read32(_p) + " bytes");
            int payloadEnd = _p + (int)length;
            switch (kind)
            {
                case 1:
                    int offset = (short)((_b[_p] << 8) | _b[_p + 1]);
                    U16("UTC offset " + offset + " min");
                    int items = U8("item count " + _b[_p]);
                    U8("program flags (0)");
                    for (int i = 0; i < items; i++)
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
                case 0x10:
                    Frame(string.Empty, (int)length);
                    break;
                case 0x11:
                    int code = _b[_p];
                    U8("command code " + code + (code == 1 ? " = brightness" : code == 2 ? " = identify" : code == 3 ? " = reboot" : " = request status"));
                    if (code == 1)
                    {
                        U8("brightness mode " + _b[_p] + (_b[_p] == 1 ? " = percent" : " = level"));
                        U8("brightness value " + _b[_p]);
                    }
                    else if (code == 2)
                    {
                        U16("identify " + ((_b[_p] << 8) | _b[_p + 1]) + " s");
                    }

                    break;
                case 0x20:
                    while (_p < payloadEnd)
                    {
                        int tag = _b[_p];
                        int size = _b[_p + 1];
                        string what = tag switch
                        {
                            1 => "firmware version \"" + System.Text.Encoding.UTF8.GetString(_b, _p + 2, size) + "\"",
                            2 => "uptime s",
                            3 => "free heap bytes",
                            4 => "Wi-Fi RSSI " + (sbyte)_b[_p + 2] + " dBm",
                            5 => "program sequence u64, current item u8",
                            6 => "alert state u8, alert sequence u64",
                            7 => "LED current mA",
                            8 => "error counters: rejected, bad tag, replay, decode error (u32 each)",
                            9 => "button presses",
                            10 => "last rejection: WireError u16, kind u8",
                            11 => "brightness level",
                            12 => "installed key ids",
                            _ => "unknown tag (skipped)",
                        };
                        _w.Field(_b, _p, 2 + size, "tag 0x" + tag.ToString("X2", CultureInfo.InvariantCulture) + " len " + size + ": " + what);
                        _p += 2 + size;
                    }

                    break;
                case 0x21:
                    U8("event code " + _b[_p]);
                    U16("detail " + ((_b[_p] << 8) | _b[_p + 1]));
                    U8("message kind 0x" + _b[_p].ToString("X2", CultureInfo.InvariantCulture));
                    U64("message sequence " + Hex(Read64(_p)));
                    U32("uptime " + Read32(_p) + " s");
                    break;
            }

            if (_p != payloadEnd)
            {
                Bytes(payloadEnd - _p, "payload extension bytes (ignored)");
            }

            Bytes(32, "HMAC-SHA256 tag over bytes 0.." + (_p - 1));
        }
    }
}
