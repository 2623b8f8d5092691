using BoardKit.Firmware.Core.Led;

namespace BoardKit.Firmware.Core.Playback
{
    /// <summary>
    /// One line of <see cref="BuiltInFont"/> text over the whole panel (diagnostic codes, the board id):
    /// <list type="bullet">
    /// <item>Scale s = max(1, floor(panel height / 8)): each font pixel is s x s LEDs (8 px of height per step: the 5 px
    /// glyph and a margin), so a 16 px panel draws 10 px letters.</item>
    /// <item>Vertically: top row max(0, floor((H - 5s) / 2)).</item>
    /// <item>A text of width w = (4n - 1) x s &lt;= panel width W is centred: its column 0 is panel column
    /// floor((W - w) / 2); it does not move.</item>
    /// <item>A wider text scrolls like a scroll item over a strip of S = w + 8s px (the text and a gap of two character
    /// advances) at <see cref="ScrollSpeed"/> px/s: offset floor(t x 20 / 1000) mod S, panel column x shows strip
    /// column (offset + x) mod S.</item>
    /// </list>
    /// Every panel pixel is written once (text colour or black). No allocation; never throws.
    /// </summary>
    public static class TextDrawing
    {
        /// <summary>Scroll speed of a text wider than the panel, px/s (20 px/s = 5 characters a second at scale 1).</summary>
        public const int ScrollSpeed = 20;

        /// <summary>Blank character advances between the end of a scrolling text and its next start.</summary>
        public const int GapCharacters = 2;

        /// <summary>Panel rows per scale step: the 5 px glyph plus 3 px of margin.</summary>
        public const int RowsPerScale = 8;

        /// <summary>Offset returned by <see cref="OffsetAt"/> for a text that fits: it is centred and still.</summary>
        public const int Centred = -1;

        /// <summary>Font scale for a panel <paramref name="panelHeight"/> px tall: max(1, floor(height / 8)).</summary>
        public static int ScaleFor(int panelHeight)
        {
            int scale = panelHeight / RowsPerScale;
            return scale < 1 ? 1 : scale;
        }

        /// <summary>
        /// Where <paramref name="text"/> is at <paramref name="t"/> ms after it appeared on <paramref name="panel"/>:
        /// <see cref="Centred"/> if it fits, else its scroll offset (0..S-1, see the class summary).
        /// </summary>
        public static int OffsetAt(PanelFrame panel, string? text, long t)
        {
            int length = text == null ? 0 : text.Length;
            int scale = ScaleFor(panel.Height);
            int width = BuiltInFont.TextWidth(length, scale);
            if (width <= panel.Width)
            {
                return Centred;
            }

            return ItemTimeline.ScrollOffset(t, ScrollSpeed, width + (GapCharacters * BuiltInFont.Advance * scale));
        }

        /// <summary>
        /// Draws <paramref name="text"/> in <paramref name="colour"/> (0xRRGGBB) on black, centred or at scroll
        /// <paramref name="offset"/> as <see cref="OffsetAt"/> gave it. True if any pixel changed.
        /// </summary>
        public static bool Draw(PanelFrame panel, string? text, int colour, int offset)
        {
            int length = text == null ? 0 : text.Length;
            int scale = ScaleFor(panel.Height);
            int width = BuiltInFont.TextWidth(length, scale);
            int panelWidth = panel.Width;
            int panelHeight = panel.Height;
            int stripWidth = width + (GapCharacters * BuiltInFont.Advance * scale);
            bool centred = width <= panelWidth;
            int left = (panelWidth - width) / 2;
            int top = (panelHeight - (BuiltInFont.GlyphHeight * scale)) / 2;
            if (top < 0)
            {
                top = 0;
            }

            int cell = BuiltInFont.Advance * scale;
            byte[] rgb = panel.Rgb;
            int rowBytes = panelWidth * PanelFrame.BytesPerPixel;
            bool changed = false;
            for (int x = 0; x < panelWidth; x++)
            {
                int column = centred ? x - left : ((offset < 0 ? 0 : offset) + x) % stripWidth;
                int glyph = 0;
                int glyphColumn = -1;
                if (column >= 0 && column < width)
                {
                    glyph = BuiltInFont.GlyphOf(text![column / cell]);
                    glyphColumn = (column % cell) / scale;
                }

                int p = x * PanelFrame.BytesPerPixel;
                for (int y = 0; y < panelHeight; y++)
                {
                    int row = y - top;
                    bool lit = glyphColumn >= 0 && row >= 0 && BuiltInFont.IsLit(glyph, glyphColumn, row / scale);
                    if (PanelPixels.Put(rgb, p, lit ? colour : PanelPixels.Black))
                    {
                        changed = true;
                    }

                    p += rowBytes;
                }
            }

            return changed;
        }
    }
}
