namespace BoardKit.Firmware.Adapters
{
    /// <summary>
    /// One LED chain. The core renders frames (PixelMap, gamma, power budget) and hands the bytes here.
    /// Should move into BoardKit.Firmware.Core (style.md: "Hardware behind tiny interfaces the glue implements")
    /// so the player and the simulator share it; it lives here until the core defines it.
    /// </summary>
    public interface IPixelSink
    {
        /// <summary>
        /// Sends one frame: <paramref name="length"/> bytes of <paramref name="grb"/>, 3 per LED in chain order
        /// (G, R, B, as WS2812 expects). The caller owns <paramref name="grb"/> and may reuse it once this returns.
        /// </summary>
        void Show(byte[] grb, int length);
    }
}
