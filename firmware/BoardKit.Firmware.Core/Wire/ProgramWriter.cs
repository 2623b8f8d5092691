namespace BoardKit.Firmware.Core.Wire
{
    /// <summary>
    /// Writes a program or alert payload into a caller-owned buffer, item by item and frame by frame, without
    /// allocating (the gateway builds messages with it; a board could too). Errors are sticky: after the first one
    /// every call does nothing and Finish returns the negated code.
    /// <code>
    /// var w = new ProgramWriter(buffer, Envelope.HeaderSize);
    /// w.BeginProgram(420);
    /// w.BeginItem(item); w.AddFrame(header, pixels, pixels.Length, true); w.EndItem();
    /// int payloadLength = w.Finish();
    /// </code>
    /// </summary>
    public sealed class ProgramWriter
    {
        private readonly byte[] _dest;
        private readonly int _start;
        private int _position;
        private bool _alert;
        private int _items;
        private int _itemStart = -1;
        private int _itemLayout;
        private int _itemFrames;
        private int _itemRawBytes;
        private int _state;

        /// <summary>Writes into <paramref name="dest"/> from <paramref name="offset"/> to the end of the array.</summary>
        public ProgramWriter(byte[] dest, int offset)
        {
            _dest = dest;
            _start = offset;
            _position = offset;
            if (offset < 0 || offset > dest.Length)
            {
                Error = WireError.BufferTooSmall;
            }
        }

        /// <summary>First error met (WireError), or None.</summary>
        public int Error { get; private set; }

        /// <summary>Bytes written so far.</summary>
        public int Length
        {
            get { return _position - _start; }
        }

        /// <summary>Starts a program payload with the local time offset for daily schedules (minutes; Vietnam 420).</summary>
        public void BeginProgram(int utcOffsetMinutes)
        {
            if (!Expect(0))
            {
                return;
            }

            if (utcOffsetMinutes < ProgramCodec.MinUtcOffsetMinutes || utcOffsetMinutes > ProgramCodec.MaxUtcOffsetMinutes)
            {
                Fail(WireError.BadArgument);
                return;
            }

            if (!Room(ProgramCodec.ProgramHeaderSize))
            {
                return;
            }

            BigEndian.WriteUInt16(_dest, _position, utcOffsetMinutes);
            _dest[_position + 2] = 0;
            _dest[_position + 3] = 0;
            _position += ProgramCodec.ProgramHeaderSize;
            _state = 1;
        }

        /// <summary>Starts an alert payload: exactly one item follows.</summary>
        public void BeginAlert()
        {
            if (!Expect(0))
            {
                return;
            }

            _alert = true;
            _state = 1;
        }

        /// <summary>Starts an item with the settings of <paramref name="item"/> (its frame fields are ignored).</summary>
        public void BeginItem(ProgramItem item)
        {
            if (!Expect(1))
            {
                return;
            }

            if (_items >= (_alert ? 1 : WireLimits.MaxItems))
            {
                Fail(WireError.BadItemCount);
                return;
            }

            if (ProgramCodec.CheckSettings(item.Layout, item.Level, item.ScrollSpeed, item.ValidFrom, item.ValidUntil, item.ScheduleStartMinute, item.ScheduleEndMinute, item.BlinkPeriodMs) != WireError.None)
            {
                Fail(WireError.BadArgument);
                return;
            }

            if (!Room(ProgramCodec.ItemHeaderSize))
            {
                return;
            }

            int p = _position;
            _dest[p + 2] = (byte)item.Layout;
            _dest[p + 3] = (byte)item.Level;
            BigEndian.WriteUInt32(_dest, p + 4, item.DwellMs);
            BigEndian.WriteUInt16(_dest, p + 8, item.ScrollSpeed);
            BigEndian.WriteUInt32(_dest, p + 10, item.ValidFrom);
            BigEndian.WriteUInt32(_dest, p + 14, item.ValidUntil);
            BigEndian.WriteUInt16(_dest, p + 18, item.ScheduleStartMinute);
            BigEndian.WriteUInt16(_dest, p + 20, item.ScheduleEndMinute);
            _dest[p + ProgramCodec.ItemFrameCountOffset] = 0;
            BigEndian.WriteUInt16(_dest, p + ProgramCodec.ItemBlinkPeriodOffset, item.BlinkPeriodMs);
            _itemStart = p;
            _itemLayout = item.Layout;
            _itemFrames = 0;
            _itemRawBytes = 0;
            _position += ProgramCodec.ItemHeaderSize;
            _state = 2;
        }

        /// <summary>
        /// Encodes a frame into the current item (FrameCodec.Encode; compressed when smaller if allowed). The item's
        /// layout limits the frames as the reader does (ProgramCodec.MaxFrameCount, MaxFrameWidth; the still frame
        /// and strip of a scroll beside a still frame together at most WireLimits.MaxFrameRawBytes raw: TooLarge).
        /// </summary>
        public void AddFrame(FrameHeader header, byte[] pixels, int pixelsLength, bool allowCompression)
        {
            if (!Expect(2))
            {
                return;
            }

            if (_itemFrames >= ProgramCodec.MaxFrameCount(_itemLayout))
            {
                Fail(WireError.BadFrameCount);
                return;
            }

            if (header.Width > ProgramCodec.MaxFrameWidth(_itemLayout, _itemFrames))
            {
                Fail(WireError.BadDimensions);
                return;
            }

            int raw = PixelPacking.RawLength(header.Format, header.Width, header.Height);
            if (_itemLayout == ProgramItem.LayoutScrollBesideStill && raw > 0 && _itemRawBytes + raw > WireLimits.MaxFrameRawBytes)
            {
                Fail(WireError.TooLarge);
                return;
            }

            int n = FrameCodec.Encode(header, pixels, pixelsLength, _dest, _position, allowCompression);
            if (n < 0)
            {
                Fail(-n);
                return;
            }

            _position += n;
            _itemFrames++;
            _itemRawBytes += raw;
        }

        /// <summary>Ends the current item: writes its frame count and length.</summary>
        public void EndItem()
        {
            if (!Expect(2))
            {
                return;
            }

            if (!ProgramCodec.IsFrameCountValid(_itemLayout, _itemFrames))
            {
                Fail(WireError.BadFrameCount);
                return;
            }

            int length = _position - _itemStart - 2;
            if (length > 0xFFFF)
            {
                Fail(WireError.TooLarge);
                return;
            }

            BigEndian.WriteUInt16(_dest, _itemStart, length);
            _dest[_itemStart + ProgramCodec.ItemFrameCountOffset] = (byte)_itemFrames;
            _items++;
            if (!_alert)
            {
                _dest[_start + 2] = (byte)_items;
            }

            _state = 1;
        }

        /// <summary>Ends the payload; returns its length, or the negated first error (e.g. no items, item still open).</summary>
        public int Finish()
        {
            if (Error == WireError.None && _state != 1)
            {
                Fail(WireError.BadArgument);
            }

            if (Error == WireError.None && _items < 1)
            {
                Fail(WireError.BadItemCount);
            }

            if (Error != WireError.None)
            {
                return -Error;
            }

            _state = 3;
            return Length;
        }

        private bool Expect(int state)
        {
            if (Error != WireError.None)
            {
                return false;
            }

            if (_state != state)
            {
                Fail(WireError.BadArgument);
                return false;
            }

            return true;
        }

        private bool Room(int bytes)
        {
            if (_dest.Length - _position < bytes)
            {
                Fail(WireError.BufferTooSmall);
                return false;
            }

            return true;
        }

        private void Fail(int code)
        {
            if (Error == WireError.None)
            {
                Error = code;
            }
        }
    }
}
