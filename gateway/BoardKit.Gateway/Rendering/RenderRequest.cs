using System.Collections.Generic;
using BoardKit.Gateway.Text;

namespace BoardKit.Gateway.Rendering
{
    /// <summary>What to render and for which panel. Give either <see cref="Text"/> (with an optional
    /// <see cref="Color"/>) or <see cref="Runs"/>, not both.</summary>
    public sealed class RenderRequest
    {
        /// <summary>Largest panel side accepted, in pixels; far above any board BoardKit drives (they are 8–64 px tall).</summary>
        public const int MaxPanelSide = 4096;

        /// <summary>Plain text in one colour; may contain line breaks (U+000A, U+2028).</summary>
        public string? Text { get; init; }

        /// <summary>Colour of <see cref="Text"/> as 0xRRGGBB; null = the level's text colour.</summary>
        public uint? Color { get; init; }

        /// <summary>Text in several colours, in reading order. A run with a null colour uses the level's text colour.</summary>
        public IReadOnlyList<TextRun>? Runs { get; init; }

        /// <summary>Panel width in LEDs (1–<see cref="MaxPanelSide"/>), e.g. 64.</summary>
        public required int PanelWidth { get; init; }

        /// <summary>Panel height in LEDs (1–<see cref="MaxPanelSide"/>), e.g. 16.</summary>
        public required int PanelHeight { get; init; }

        /// <summary>Layout mode. Default <see cref="RenderMode.Static"/>.</summary>
        public RenderMode Mode { get; init; } = RenderMode.Static;

        /// <summary>Horizontal alignment of lines (static and pages; a scroll strip is always left-aligned after the lead-in).
        /// Default <see cref="TextAlignment.Left"/>.</summary>
        public TextAlignment Alignment { get; init; } = TextAlignment.Left;

        /// <summary>Bulletin level. Default <see cref="BulletinLevel.Normal"/>.</summary>
        public BulletinLevel Level { get; init; } = BulletinLevel.Normal;

        /// <summary>Overrides the level's default style (<see cref="BulletinStyle.For"/>); null = default.</summary>
        public BulletinStyle? Style { get; init; }

        /// <summary>Shapes the text with the font set the board uses.</summary>
        public required ITextShaper Shaper { get; init; }

        /// <summary>Scroll mode: blank columns before the text, in pixels (0 or more); null = one panel width, so the text
        /// enters from the right edge and a panel of blank separates repetitions.</summary>
        public int? ScrollLeadIn { get; init; }

        /// <summary>Scroll mode: blank columns that stand for a hard line break; null = one line height.</summary>
        public int? ScrollLineBreakGap { get; init; }

        /// <summary>Pages mode: lines per frame (1 or more); null = as many whole lines as fit the panel.</summary>
        public int? LinesPerPanel { get; init; }

        /// <summary>Where the text starts in the editor's whole bulletin when it is a piece of it (messages then name
        /// positions in the bulletin); null = the text is the whole bulletin (<see cref="TextOrigin.Start"/>).</summary>
        public TextOrigin? Origin { get; init; }
    }
}
