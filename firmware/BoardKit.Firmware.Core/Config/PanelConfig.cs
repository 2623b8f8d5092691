using BoardKit.Firmware.Core.Wire;

namespace BoardKit.Firmware.Core.Config
{
    /// <summary>board.json "panel": the logical panel the player draws, in pixels (one pixel = one LED). Both fields required.</summary>
    public sealed class PanelConfig
    {
        /// <summary>Widest panel, 512 pixels: the widest frame the wire protocol carries (WireLimits.MaxPanelWidth).</summary>
        public const int MaxWidth = WireLimits.MaxPanelWidth;

        /// <summary>Tallest panel, 64 pixels (WireLimits.MaxHeight).</summary>
        public const int MaxHeight = WireLimits.MaxHeight;

        /// <summary>"width": panel width in pixels, 1..512.</summary>
        public int Width { get; set; }

        /// <summary>"height": panel height in pixels, 1..64.</summary>
        public int Height { get; set; }
    }
}
