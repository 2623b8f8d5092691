using BoardKit.Gateway.Rendering;

namespace BoardKit.Gateway.Composition
{
    /// <summary>A picture alone on a panel, or a picture at the left with text beside it (<see cref="PictureComposer"/>).</summary>
    public sealed class PictureRequest
    {
        /// <summary>Blank columns between the picture and the text, px: 1.</summary>
        public const int DefaultGap = 1;

        /// <summary>Panel width in LEDs (1–<see cref="RenderRequest.MaxPanelSide"/>).</summary>
        public required int PanelWidth { get; init; }

        /// <summary>Panel height in LEDs (1–<see cref="RenderRequest.MaxPanelSide"/>).</summary>
        public required int PanelHeight { get; init; }

        /// <summary>The picture.</summary>
        public required PictureContent Picture { get; init; }

        /// <summary>Text laid out beside the picture, or null for the picture alone. Its mode is the item's (static,
        /// pages: the picture on every frame; scroll: the picture stays still at the left while the text scrolls beside
        /// it, or with <see cref="PictureScrolls"/> scrolls in ahead of it); its panel size is ignored (the text gets the
        /// panel less the picture and <see cref="Gap"/>); its level decides the item's.</summary>
        public RenderRequest? Text { get; init; }

        /// <summary>Level of a picture alone (with text, the text's level). Emergency makes the board blink it.
        /// Default <see cref="BulletinLevel.Normal"/>.</summary>
        public BulletinLevel Level { get; init; } = BulletinLevel.Normal;

        /// <summary>Blank columns between picture and text, px (0 or more). Default <see cref="DefaultGap"/>.</summary>
        public int Gap { get; init; } = DefaultGap;

        /// <summary>
        /// Scroll mode only. False (default): the picture and the gap are a still frame the board holds at the panel's
        /// left while the text scrolls in the window right of it (wire layout 3, docs/protocol.md 5.2a). True: the
        /// picture goes into the strip ahead of the text and scrolls with it (wire layout 1), for boards whose firmware
        /// predates layout 3: they refuse a program holding it (BadField).
        /// </summary>
        public bool PictureScrolls { get; init; }
    }
}
