using BoardKit.Firmware.Core.Board;
using BoardKit.Firmware.Core.Wire;

namespace BoardKit.Firmware.Core.Playback
{
    /// <summary>
    /// The player's one decoded frame: packed pixels straight from HeldContent.TryDecodeFrame in one preallocated
    /// WireLimits.MaxFrameRawBytes buffer, its header, and its palette as 0xRRGGBB colours. It remembers which frame it
    /// holds (item, frame, content version), so <see cref="Load"/> decodes only when that changes: once per item, page
    /// or layer change, never per step. Fixed memory: 16,384 B pixels + 64 B colours + one FrameHeader (48 B palette and
    /// 6 fields, ~72 B) + 6 fields: about 16,540 B. A second decoded frame can share the buffer
    /// (<see cref="DecodedFrame(DecodedFrame)"/>): the strip of a scroll beside a still frame is decoded right after the
    /// still frame, at <see cref="PixelOffset"/>; it costs about 160 B. No allocation after construction; never throws.
    /// </summary>
    public sealed class DecodedFrame
    {
        /// <summary>Item index meaning "nothing loaded" (HeldContent uses 0..15 and -1..-3).</summary>
        private const int NothingLoaded = int.MinValue;

        private readonly byte[] _pixels;
        private readonly int[] _colours = new int[WireLimits.MaxPaletteEntries];
        private readonly FrameHeader _header = new FrameHeader();
        private int _item = NothingLoaded;
        private int _frame;
        private int _version;
        private int _pixelOffset;
        private bool _valid;

        /// <summary>A decoded frame with its own WireLimits.MaxFrameRawBytes pixel buffer.</summary>
        public DecodedFrame()
        {
            _pixels = new byte[WireLimits.MaxFrameRawBytes];
        }

        /// <summary>
        /// A decoded frame that shares <paramref name="owner"/>'s pixel buffer and decodes into it at an offset
        /// (<see cref="LoadAt"/>). Whoever decodes into the owner calls
        /// <see cref="Forget"/> here, since that may overwrite these pixels.
        /// </summary>
        public DecodedFrame(DecodedFrame owner)
        {
            _pixels = owner._pixels;
        }

        /// <summary>True when the frame last asked for decoded without error (otherwise draw black).</summary>
        public bool IsValid
        {
            get { return _valid; }
        }

        /// <summary>Header of the decoded frame (format, width, height, palette). Owned here.</summary>
        public FrameHeader Header
        {
            get { return _header; }
        }

        /// <summary>Packed pixels of the decoded frame from index <see cref="PixelOffset"/> (FrameCodec layout). 16384 bytes, owned here or shared.</summary>
        public byte[] Pixels
        {
            get { return _pixels; }
        }

        /// <summary>Index in <see cref="Pixels"/> of the frame's first byte: 0 unless decoded at an offset.</summary>
        public int PixelOffset
        {
            get { return _pixelOffset; }
        }

        /// <summary>Palette entry i as 0xRRGGBB (entries past the format's palette are 0). Owned here, 16 entries.</summary>
        public int[] Colours
        {
            get { return _colours; }
        }

        /// <summary>Frames decoded since construction (a failed decode counts too): proves decoding is not per step.</summary>
        public int DecodeCount { get; private set; }

        /// <summary>
        /// Makes frame <paramref name="frameIndex"/> of <paramref name="itemIndex"/> (a program item 0..15 or
        /// HeldContent.ItemAlert / ItemPreset / ItemLive) of content <paramref name="version"/> (the held content's
        /// ProgramVersion, AlertVersion, PresetVersion or LiveFrameVersion) the decoded frame. Decodes only when
        /// item, frame or version differs from the last call (a failure is remembered too, so it is not retried every
        /// step). Returns <see cref="IsValid"/>.
        /// </summary>
        public bool Load(HeldContent content, int itemIndex, int frameIndex, int version)
        {
            return LoadAt(content, itemIndex, frameIndex, version, 0);
        }

        /// <summary>
        /// As <see cref="Load"/>, decoding into <see cref="Pixels"/> from
        /// <paramref name="pixelOffset"/> on (part of what is remembered: another offset decodes again). False, and
        /// nothing written, when the frame does not fit after the offset.
        /// </summary>
        public bool LoadAt(HeldContent content, int itemIndex, int frameIndex, int version, int pixelOffset)
        {
            if (itemIndex == _item && frameIndex == _frame && version == _version && pixelOffset == _pixelOffset)
            {
                return _valid;
            }

            _item = itemIndex;
            _frame = frameIndex;
            _version = version;
            _pixelOffset = pixelOffset;
            DecodeCount++;
            int error;
            _valid = content.TryDecodeFrameAt(itemIndex, frameIndex, _header, _pixels, pixelOffset, out error);
            if (_valid)
            {
                byte[] palette = _header.Palette;
                for (int i = 0; i < _colours.Length; i++)
                {
                    int p = i * 3;
                    _colours[i] = (palette[p] << 16) | (palette[p + 1] << 8) | palette[p + 2];
                }
            }

            return _valid;
        }

        /// <summary>Forgets the frame held, so the next Load decodes (the shared buffer was written by another frame).</summary>
        public void Forget()
        {
            _item = NothingLoaded;
            _valid = false;
        }
    }
}
