namespace BoardKit.Firmware.Core.Wire
{
    /// <summary>
    /// How pixels of a frame are stored on the wire (docs/protocol.md, "Pixel formats").
    /// Pixels are row-major from the top-left LED; packed formats fill each byte from its most significant bit.
    /// Rows are not padded: pixel i = y x width + x starts at bit i x bpp of one continuous bit string, and the
    /// unused bits of the last byte are 0. The value is the format byte of a frame (FrameCodec) and equals the bits
    /// per pixel; the palette (2, 4 or 16 RGB888 entries) travels in the frame header. Any other value is rejected
    /// with WireError.BadPixelFormat.
    /// </summary>
    public enum PixelFormat : byte
    {
        /// <summary>1 bit per pixel: 0 = palette entry 0 (background), 1 = palette entry 1 (foreground). Text.</summary>
        Mono1 = 1,

        /// <summary>2 bits per pixel, index into a 4-entry RGB888 palette. Text with a coloured run or border.</summary>
        Palette2 = 2,

        /// <summary>4 bits per pixel, index into a 16-entry RGB888 palette. Multi-colour text and simple icons.</summary>
        Palette4 = 4,

        /// <summary>24 bits per pixel, R then G then B. Pictures.</summary>
        Rgb888 = 24,
    }
}
