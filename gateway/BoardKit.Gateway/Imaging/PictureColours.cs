namespace BoardKit.Gateway.Imaging
{
    /// <summary>How many colours a picture may use, which decides its wire format (docs/protocol.md 6).</summary>
    public enum PictureColours
    {
        /// <summary>The smallest format that keeps the picture faithful (<see cref="PictureOptions.MaxError"/>): tried in
        /// the order 2, 4, 16, RGB. The default.</summary>
        Auto = 0,

        /// <summary>2 colours, black included: Mono1, 1 bit per LED.</summary>
        Two = 2,

        /// <summary>4 colours, black included: Palette2, 2 bits per LED.</summary>
        Four = 4,

        /// <summary>16 colours, black included: Palette4, 4 bits per LED.</summary>
        Sixteen = 16,

        /// <summary>Full colour: Rgb888, 3 bytes per LED, up to <see cref="Quantiser.MaxRgbColours"/> distinct colours
        /// (a rendered frame holds at most 256; 16 stay free for text). Only where the frame's raw size fits the board's
        /// 16,384-byte frame buffer (at most 5,461 LEDs, e.g. 128x32 or 64x64).</summary>
        Rgb = 24,
    }
}
