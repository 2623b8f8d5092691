using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using BoardKit.Gateway.Fonts;
using BoardKit.Gateway.Text;

namespace BoardKit.Gateway.Rendering
{
    /// <summary>
    /// Lays out shaped text for a panel and draws it into <see cref="IndexedBitmap"/>s: static frames, pages, or a scroll
    /// strip. Every character is drawn whole or the text is refused with a message naming it; nothing is cut silently.
    /// Stateless and thread-safe.
    /// </summary>
    public static class TextRenderer
    {
        /// <summary>Most colours a frame may use, black included: the 16 entries of <c>PixelFormat.Palette4</c>.</summary>
        public const int MaxColours = 16;

        /// <summary>Renders <paramref name="request"/>. Never throws for bad input; problems come back in
        /// <see cref="RenderResult.Errors"/> (and missing characters also in <see cref="RenderResult.Missing"/>).</summary>
        public static RenderResult Render(RenderRequest request)
        {
            ArgumentNullException.ThrowIfNull(request);
            BulletinStyle style = request.Style ?? BulletinStyle.For(request.Level);
            var errors = Validate(request, style);
            if (errors.Count > 0)
            {
                return Refuse(request, errors);
            }

            IReadOnlyList<TextRun> runs = request.Runs ?? new[] { new TextRun(request.Text!, request.Color) };
            var builder = new StringBuilder();
            foreach (TextRun run in runs)
            {
                builder.Append(run.Text);
            }

            ShapedText shaped = request.Shaper.Shape(builder.ToString());
            if (shaped.Missing.Count > 0)
            {
                var missing = new List<string>(shaped.Missing.Count);
                foreach (MissingCharacter m in shaped.Missing)
                {
                    missing.Add("Cannot draw " + m);
                }

                return Refuse(request, missing, shaped.Missing);
            }

            List<Item> items = BuildItems(request, shaped, runs, style);
            bool border = style.BorderColor is not null;
            Attempt attempt = Layout(request, style, shaped, items, border);
            if (attempt.Errors.Count > 0 && border && attempt.FitProblem)
            {
                // The border is decoration; the bulletin is not. If the text only fits without the border, show it
                // without and say so, rather than refuse an emergency bulletin over 2 px.
                Attempt plain = Layout(request, style, shaped, items, border: false);
                if (plain.Errors.Count == 0)
                {
                    plain.BorderLeftOut = true;
                    plain.Warnings.Add(
                        $"The {request.Level.ToString().ToLowerInvariant()} border was left out: the {request.PanelWidth}x{request.PanelHeight} panel " +
                        "has no room for a 1-px border around this text.");
                }

                attempt = plain;
            }

            if (attempt.Errors.Count > 0)
            {
                return Refuse(request, attempt.Errors);
            }

            uint[] palette = attempt.Palette.ToArray();
            var frames = new List<IndexedBitmap>(attempt.Canvases.Count);
            foreach (Canvas canvas in attempt.Canvases)
            {
                var bitmap = new IndexedBitmap(canvas.Width, canvas.Height, (uint[])palette.Clone());
                Array.Copy(canvas.Pixels, bitmap.Pixels, canvas.Pixels.Length);
                frames.Add(bitmap);
            }

            return new RenderResult
            {
                Mode = request.Mode,
                Level = request.Level,
                Warnings = attempt.Warnings,
                Frames = request.Mode == RenderMode.Scroll ? Array.Empty<IndexedBitmap>() : frames,
                Strip = request.Mode == RenderMode.Scroll ? frames[0] : null,
                Palette = palette,
                PixelFormat = RenderResult.SmallestFormat(palette.Length),
                BlinkPeriodMs = style.BlinkPeriodMs,
                LineCount = attempt.LineCount,
                LinesPerFrame = request.Mode == RenderMode.Scroll ? Array.Empty<int>() : attempt.LinesPerFrame,
                BorderLeftOut = attempt.BorderLeftOut,
            };
        }

        private static List<string> Validate(RenderRequest request, BulletinStyle style)
        {
            var errors = new List<string>();
            if (request.Shaper is null)
            {
                errors.Add("No text shaper was given.");
            }

            if ((request.Text is null) == (request.Runs is null))
            {
                errors.Add("Give either Text or Runs, not both and not neither.");
            }

            if (request.PanelWidth is < 1 or > RenderRequest.MaxPanelSide || request.PanelHeight is < 1 or > RenderRequest.MaxPanelSide)
            {
                errors.Add($"Panel size {request.PanelWidth}x{request.PanelHeight} is out of range: each side must be 1 to {RenderRequest.MaxPanelSide} px.");
            }

            if (request.ScrollLeadIn is < 0)
            {
                errors.Add($"Scroll lead-in must be 0 or more pixels, not {request.ScrollLeadIn}.");
            }

            if (request.ScrollLineBreakGap is < 0)
            {
                errors.Add($"Scroll line-break gap must be 0 or more pixels, not {request.ScrollLineBreakGap}.");
            }

            if (request.Origin is { } origin && (origin.Line < 1 || origin.Column < 1))
            {
                errors.Add($"A text origin is a 1-based line and column, not line {origin.Line}, column {origin.Column}.");
            }

            if (request.LinesPerPanel is < 1)
            {
                errors.Add($"Lines per panel must be 1 or more, not {request.LinesPerPanel}.");
            }

            CheckColour(errors, style.TextColor, "The text colour");
            if (request.Color is uint c)
            {
                CheckColour(errors, c, "The text colour");
            }

            if (request.Runs is not null)
            {
                for (int i = 0; i < request.Runs.Count; i++)
                {
                    TextRun? run = request.Runs[i];
                    if (run is null || run.Text is null)
                    {
                        errors.Add($"Run {i + 1} has no text.");
                    }
                    else if (run.Color is uint rc)
                    {
                        CheckColour(errors, rc, $"The colour of run {i + 1}");
                    }
                }
            }

            return errors;
        }

        private static void CheckColour(List<string> errors, uint colour, string what)
        {
            if (colour > 0xFFFFFF)
            {
                errors.Add($"{what} 0x{colour:X} is not a 0xRRGGBB colour.");
            }
            else if (colour == 0)
            {
                errors.Add($"{what} is #000000, the background (LEDs off): text in it would be invisible.");
            }
        }

        private static RenderResult Refuse(RenderRequest request, IReadOnlyList<string> errors, IReadOnlyList<MissingCharacter>? missing = null) => new()
        {
            Mode = request.Mode,
            Level = request.Level,
            Errors = errors,
            Missing = missing ?? Array.Empty<MissingCharacter>(),
        };

        /// <summary>One cluster (or, in scroll mode, a blank gap) with its colour and its place in the text for messages.</summary>
        private sealed class Item
        {
            public ShapedCluster? Cluster { get; init; }

            public int Advance { get; init; }

            public uint Color { get; init; }

            public int Line { get; init; }

            public int Column { get; init; }

            public bool IsSpace => Cluster?.IsSpace ?? false;

            public bool IsLineBreak => Cluster?.IsLineBreak ?? false;

            public bool CanBreakBefore => Cluster?.CanBreakBefore ?? false;

            public string Describe()
            {
                string text = Cluster?.Text ?? string.Empty;
                var points = new StringBuilder();
                foreach (Rune rune in text.EnumerateRunes())
                {
                    points.Append(points.Length == 0 ? string.Empty : " ").Append(CultureInfo.InvariantCulture, $"U+{rune.Value:X4}");
                }

                return $"'{text}' ({points}) at line {Line}, character {Column}";
            }
        }

        private static List<Item> BuildItems(RenderRequest request, ShapedText shaped, IReadOnlyList<TextRun> runs, BulletinStyle style)
        {
            // Where each run ends in the normalised text. NFC of a prefix equals the prefix of the NFC of the whole
            // except where a run starts with a combining mark that composes with the run before; then the composed
            // character takes the colour of the run it starts in, which is what the editor sees.
            var runEnds = new int[runs.Count];
            var prefix = new StringBuilder();
            for (int i = 0; i < runs.Count; i++)
            {
                prefix.Append(runs[i].Text);
                runEnds[i] = Nfc(prefix.ToString()).Length;
            }

            var items = new List<Item>(shaped.Clusters.Count);
            TextOrigin origin = request.Origin ?? TextOrigin.Start;
            int line = origin.Line;
            int column = origin.Column - 1;
            int run = 0;
            foreach (ShapedCluster cluster in shaped.Clusters)
            {
                while (run < runs.Count - 1 && cluster.Index >= runEnds[run])
                {
                    run++;
                }

                column++;
                items.Add(new Item
                {
                    Cluster = cluster,
                    Advance = cluster.Advance,
                    Color = (runs.Count > 0 ? runs[run].Color : null) ?? style.TextColor,
                    Line = line,
                    Column = column,
                });
                if (cluster.IsLineBreak)
                {
                    line++;
                    column = 0;
                }
            }

            return items;
        }

        private static string Nfc(string text)
        {
            try
            {
                return text.Normalize(NormalizationForm.FormC);
            }
            catch (ArgumentException)
            {
                // Lone surrogates cannot be normalised; the shaper reports them as missing characters anyway.
                return text;
            }
        }

        /// <summary>The outcome of laying out with or without the border.</summary>
        private sealed class Attempt
        {
            public List<string> Errors { get; } = new();

            public List<string> Warnings { get; } = new();

            /// <summary>True when an error is about room (too wide, too tall, cut off), which the border may cause.</summary>
            public bool FitProblem { get; set; }

            public List<Canvas> Canvases { get; } = new();

            public List<uint> Palette { get; } = new() { 0x000000 };

            public int LineCount { get; set; }

            /// <summary>Lines drawn on each canvas (static and pages).</summary>
            public List<int> LinesPerFrame { get; } = new();

            /// <summary>True when this attempt is the one without the level's border, taken because the bordered one did not fit.</summary>
            public bool BorderLeftOut { get; set; }

            public void Fail(string message)
            {
                Errors.Add(message);
                FitProblem = true;
            }

            /// <summary>Palette index of <paramref name="colour"/>, added on first use; -1 when the palette is full.</summary>
            public int IndexOf(uint colour)
            {
                int index = Palette.IndexOf(colour);
                if (index >= 0)
                {
                    return index;
                }

                if (Palette.Count == MaxColours)
                {
                    return -1;
                }

                Palette.Add(colour);
                return Palette.Count - 1;
            }
        }

        /// <summary>A frame being drawn: palette indices, row-major.</summary>
        private sealed class Canvas
        {
            public Canvas(int width, int height)
            {
                Width = width;
                Height = height;
                Pixels = new byte[checked(width * height)];
            }

            public int Width { get; }

            public int Height { get; }

            public byte[] Pixels { get; }
        }

        /// <summary>A rectangle; Right and Bottom are exclusive.</summary>
        private readonly record struct Area(int Left, int Top, int Width, int Height)
        {
            public int Right => Left + Width;

            public int Bottom => Top + Height;
        }

        /// <summary>Ink of a line drawn with its pen starting at x = 0 on a baseline whose first row above is y-up 0.</summary>
        private readonly record struct Ink(bool Any, int MinX, int MaxX, int MinUp, int MaxUp);

        private static Attempt Layout(RenderRequest request, BulletinStyle style, ShapedText shaped, List<Item> items, bool border)
        {
            var attempt = new Attempt();
            int w = request.PanelWidth;
            int h = request.PanelHeight;
            int frameWidth = border ? 1 : 0;
            var content = new Area(frameWidth, frameWidth, w - (2 * frameWidth), h - (2 * frameWidth));
            int markerSpace = style.MarkerColor is null ? 0 : BulletinStyle.MarkerWidth + BulletinStyle.MarkerGap;
            string note = (border ? " (the border takes 1 px on each side)" : string.Empty) +
                (markerSpace > 0 ? $" (the marker takes {markerSpace} px at the left)" : string.Empty);
            if (content.Height < 1 || content.Width - markerSpace < 1)
            {
                attempt.Fail($"The {w}x{h} panel has no room for text{note}.");
                return attempt;
            }

            List<List<Item>> hardLines = SplitHardLines(items);
            switch (request.Mode)
            {
                case RenderMode.Static:
                    LayoutStatic(request, style, shaped, hardLines, content, markerSpace, border, note, attempt);
                    break;
                case RenderMode.Pages:
                    LayoutPages(request, style, shaped, hardLines, content, markerSpace, border, note, attempt);
                    break;
                case RenderMode.Scroll:
                    LayoutScroll(request, style, shaped, items, content, markerSpace, border, note, attempt);
                    break;
                default:
                    attempt.Errors.Add($"Unknown mode {request.Mode}.");
                    break;
            }

            return attempt;
        }

        private static List<List<Item>> SplitHardLines(List<Item> items)
        {
            var lines = new List<List<Item>> { new() };
            foreach (Item item in items)
            {
                if (item.IsLineBreak)
                {
                    lines.Add(new List<Item>());
                }
                else
                {
                    lines[^1].Add(item);
                }
            }

            // A break at the very end of the text does not open an empty last line.
            while (lines.Count > 1 && lines[^1].Count == 0)
            {
                lines.RemoveAt(lines.Count - 1);
            }

            foreach (List<Item> line in lines)
            {
                TrimTrailingSpaces(line);
            }

            return lines;
        }

        private static void TrimTrailingSpaces(List<Item> line)
        {
            while (line.Count > 0 && line[^1].IsSpace)
            {
                line.RemoveAt(line.Count - 1);
            }
        }

        private static int AdvanceWidth(List<Item> line)
        {
            int width = 0;
            foreach (Item item in line)
            {
                width += item.Advance;
            }

            return width;
        }

        private static void LayoutStatic(
            RenderRequest request, BulletinStyle style, ShapedText shaped, List<List<Item>> lines, Area content, int markerSpace, bool border, string note, Attempt attempt)
        {
            var textArea = new Area(content.Left + markerSpace, content.Top, content.Width - markerSpace, content.Height);
            for (int i = 0; i < lines.Count; i++)
            {
                int width = AdvanceWidth(lines[i]);
                if (width > textArea.Width)
                {
                    attempt.Fail(
                        $"{(lines.Count == 1 ? "The text" : $"Line {i + 1}")} is {width - textArea.Width} px too wide for the {request.PanelWidth}x{request.PanelHeight} panel: " +
                        $"it needs {width} px, the panel shows {textArea.Width} px{note}. Shorten it, break it into lines, or use scroll or pages mode.");
                }
            }

            attempt.LineCount = lines.Count;
            if (attempt.Errors.Count > 0)
            {
                return;
            }

            Canvas canvas = NewFrame(request.PanelWidth, request.PanelHeight, style, content, border, markerSpace, attempt);
            DrawLines(canvas, lines, textArea, request.Alignment, shaped, "The text", request, note, attempt);
            attempt.Canvases.Add(canvas);
            attempt.LinesPerFrame.Add(lines.Count);
        }

        private static void LayoutPages(
            RenderRequest request, BulletinStyle style, ShapedText shaped, List<List<Item>> hardLines, Area content, int markerSpace, bool border, string note, Attempt attempt)
        {
            var textArea = new Area(content.Left + markerSpace, content.Top, content.Width - markerSpace, content.Height);
            var lines = new List<List<Item>>();
            foreach (List<Item> hardLine in hardLines)
            {
                Wrap(hardLine, textArea.Width, lines, attempt, request, note);
            }

            attempt.LineCount = lines.Count;
            if (attempt.Errors.Count > 0)
            {
                return;
            }

            int perPage = request.LinesPerPanel ?? Math.Max(1, textArea.Height / Math.Max(1, shaped.LineHeight));
            int pages = (lines.Count + perPage - 1) / perPage;
            for (int p = 0; p < pages; p++)
            {
                List<List<Item>> pageLines = lines.GetRange(p * perPage, Math.Min(perPage, lines.Count - (p * perPage)));
                Canvas canvas = NewFrame(request.PanelWidth, request.PanelHeight, style, content, border, markerSpace, attempt);
                DrawLines(canvas, pageLines, textArea, request.Alignment, shaped, pages == 1 ? "The text" : $"Page {p + 1}", request, note, attempt);
                attempt.Canvases.Add(canvas);
                attempt.LinesPerFrame.Add(pageLines.Count);
            }
        }

        /// <summary>Greedy word wrap of one hard line into lines no wider than <paramref name="width"/> (by advance).
        /// Breaks at spaces and before clusters marked <see cref="ShapedCluster.CanBreakBefore"/>; a word longer than a
        /// line breaks between clusters; a single cluster wider than the line is an error.</summary>
        private static void Wrap(List<Item> items, int width, List<List<Item>> output, Attempt attempt, RenderRequest request, string note)
        {
            if (items.Count == 0)
            {
                output.Add(new List<Item>());
                return;
            }

            int start = 0;
            bool first = true;
            while (start < items.Count)
            {
                if (!first)
                {
                    // Spaces at a soft break are dropped; the editor's indentation at the start of a hard line is kept.
                    while (start < items.Count && items[start].IsSpace)
                    {
                        start++;
                    }

                    if (start == items.Count)
                    {
                        break;
                    }
                }

                first = false;
                int used = 0;
                int lastBreak = -1;
                int i = start;
                while (i < items.Count)
                {
                    Item item = items[i];
                    if (i > start && (item.CanBreakBefore || (items[i - 1].IsSpace && !item.IsSpace)))
                    {
                        lastBreak = i;
                    }

                    // A space that overflows is not an overflow: it will be dropped at the line end if a break follows.
                    if (!item.IsSpace && used + item.Advance > width)
                    {
                        break;
                    }

                    used += item.Advance;
                    i++;
                }

                int end;
                if (i == items.Count)
                {
                    end = i;
                }
                else if (lastBreak > start)
                {
                    end = lastBreak;
                }
                else if (i > start)
                {
                    end = i;
                }
                else
                {
                    attempt.Fail(
                        $"{items[i].Describe()} is {items[i].Advance} px wide; a line of the {request.PanelWidth}x{request.PanelHeight} panel " +
                        $"is {width} px{note}, so it cannot be shown on any line.");
                    end = i + 1;
                }

                List<Item> line = items.GetRange(start, end - start);
                TrimTrailingSpaces(line);
                output.Add(line);
                start = end;
            }
        }

        private static void LayoutScroll(
            RenderRequest request, BulletinStyle style, ShapedText shaped, List<Item> items, Area content, int markerSpace, bool border, string note, Attempt attempt)
        {
            int gap = request.ScrollLineBreakGap ?? shaped.LineHeight;
            var line = new List<Item>(items.Count);
            foreach (Item item in items)
            {
                line.Add(item.IsLineBreak ? new Item { Advance = gap, Line = item.Line, Column = item.Column } : item);
            }

            TrimTrailingSpaces(line);
            attempt.LineCount = 1;
            int leadIn = request.ScrollLeadIn ?? request.PanelWidth;
            int textStart = leadIn + markerSpace;
            Ink ink = MeasureInk(line);
            int stripWidth = Math.Max(1, textStart + AdvanceWidth(line));
            if (ink.Any)
            {
                stripWidth = Math.Max(stripWidth, textStart + ink.MaxX + 1);
            }

            var strip = new Canvas(stripWidth, request.PanelHeight);
            if (border)
            {
                // A strip that scrolls cannot carry the left and right edges of a frame; top and bottom rows it can.
                int index = attempt.IndexOf(style.BorderColor!.Value);
                for (int x = 0; x < stripWidth; x++)
                {
                    strip.Pixels[x] = (byte)index;
                    strip.Pixels[((request.PanelHeight - 1) * stripWidth) + x] = (byte)index;
                }
            }

            if (markerSpace > 0)
            {
                Fill(strip, new Area(textStart - markerSpace, content.Top, BulletinStyle.MarkerWidth, content.Height), attempt.IndexOf(style.MarkerColor!.Value));
            }

            var textArea = new Area(0, content.Top, stripWidth, content.Height);
            DrawLines(strip, new List<List<Item>> { line }, textArea, TextAlignment.Left, shaped, "The text", request, note, attempt, penStart: textStart);
            attempt.Canvases.Add(strip);
        }

        private static Canvas NewFrame(int width, int height, BulletinStyle style, Area content, bool border, int markerSpace, Attempt attempt)
        {
            var canvas = new Canvas(width, height);
            if (border)
            {
                int index = attempt.IndexOf(style.BorderColor!.Value);
                Fill(canvas, new Area(0, 0, width, 1), index);
                Fill(canvas, new Area(0, height - 1, width, 1), index);
                Fill(canvas, new Area(0, 0, 1, height), index);
                Fill(canvas, new Area(width - 1, 0, 1, height), index);
            }

            if (markerSpace > 0)
            {
                Fill(canvas, new Area(content.Left, content.Top, BulletinStyle.MarkerWidth, content.Height), attempt.IndexOf(style.MarkerColor!.Value));
            }

            return canvas;
        }

        private static void Fill(Canvas canvas, Area area, int index)
        {
            for (int y = Math.Max(0, area.Top); y < Math.Min(canvas.Height, area.Bottom); y++)
            {
                for (int x = Math.Max(0, area.Left); x < Math.Min(canvas.Width, area.Right); x++)
                {
                    canvas.Pixels[(y * canvas.Width) + x] = (byte)index;
                }
            }
        }

        /// <summary>Height of a glyph pixel above the baseline row (0 = the row just above the baseline).</summary>
        private static int Up(PlacedGlyph placed, int row) => placed.Y + placed.Glyph.OffsetY + placed.Glyph.Height - 1 - row;

        private static Ink MeasureInk(List<Item> line)
        {
            bool any = false;
            int minX = int.MaxValue, maxX = int.MinValue, minUp = int.MaxValue, maxUp = int.MinValue;
            int pen = 0;
            foreach (Item item in line)
            {
                if (item.Cluster is not null)
                {
                    foreach (PlacedGlyph placed in item.Cluster.Glyphs)
                    {
                        Glyph glyph = placed.Glyph;
                        for (int row = 0; row < glyph.Height; row++)
                        {
                            for (int col = 0; col < glyph.Width; col++)
                            {
                                if (glyph.IsSet(col, row))
                                {
                                    any = true;
                                    int x = pen + placed.X + glyph.OffsetX + col;
                                    int up = Up(placed, row);
                                    minX = Math.Min(minX, x);
                                    maxX = Math.Max(maxX, x);
                                    minUp = Math.Min(minUp, up);
                                    maxUp = Math.Max(maxUp, up);
                                }
                            }
                        }
                    }
                }

                pen += item.Advance;
            }

            return new Ink(any, minX, maxX, minUp, maxUp);
        }

        private static int FloorHalf(int value) => value >= 0 ? value / 2 : -((1 - value) / 2);

        /// <summary>Draws lines one line height apart, centred vertically in <paramref name="area"/>, nudged up or down
        /// when ink (a stacked diacritic, a descender) would leave the area. Ink that still leaves it is an error.</summary>
        private static void DrawLines(
            Canvas canvas, List<List<Item>> lines, Area area, TextAlignment alignment, ShapedText shaped, string what,
            RenderRequest request, string note, Attempt attempt, int? penStart = null)
        {
            int n = lines.Count;
            int lineHeight = shaped.LineHeight;
            int top = area.Top + FloorHalf(area.Height - (n * lineHeight));
            var baselines = new int[n];
            var inks = new Ink[n];
            int minY = int.MaxValue, maxY = int.MinValue;
            for (int i = 0; i < n; i++)
            {
                baselines[i] = top + (i * lineHeight) + shaped.Ascent - 1;
                inks[i] = MeasureInk(lines[i]);
                if (inks[i].Any)
                {
                    minY = Math.Min(minY, baselines[i] - inks[i].MaxUp);
                    maxY = Math.Max(maxY, baselines[i] - inks[i].MinUp);
                }
            }

            if (minY <= maxY)
            {
                int span = maxY - minY + 1;
                if (span > area.Height)
                {
                    attempt.Fail(
                        $"{what} is {span - area.Height} px too tall for the {request.PanelWidth}x{request.PanelHeight} panel: " +
                        $"{(n == 1 ? "its line needs" : $"its {n} lines of {lineHeight} px need")} {span} px from the highest to the lowest lit LED, " +
                        $"the panel shows {area.Height} px{note}.");
                    return;
                }

                int shift = minY < area.Top ? area.Top - minY : (maxY >= area.Bottom ? area.Bottom - 1 - maxY : 0);
                for (int i = 0; i < n; i++)
                {
                    baselines[i] += shift;
                }
            }

            // Largest overhang per cluster and side, so each cut character is reported once with its worst case.
            var cuts = new Dictionary<Item, int[]>(ReferenceEqualityComparer.Instance);
            for (int i = 0; i < n; i++)
            {
                List<Item> line = lines[i];
                int width = AdvanceWidth(line);
                int pen = penStart ?? alignment switch
                {
                    TextAlignment.Center => area.Left + ((area.Width - width) / 2),
                    TextAlignment.Right => area.Right - width,
                    _ => area.Left,
                };
                foreach (Item item in line)
                {
                    if (item.Cluster is not null)
                    {
                        // The colour enters the palette with the first lit pixel: a run of spaces adds none.
                        int index = -1;
                        foreach (PlacedGlyph placed in item.Cluster.Glyphs)
                        {
                            Glyph glyph = placed.Glyph;
                            for (int row = 0; row < glyph.Height; row++)
                            {
                                int y = baselines[i] - Up(placed, row);
                                for (int col = 0; col < glyph.Width; col++)
                                {
                                    if (!glyph.IsSet(col, row))
                                    {
                                        continue;
                                    }

                                    int x = pen + placed.X + glyph.OffsetX + col;
                                    if (x < area.Left || x >= area.Right || y < area.Top || y >= area.Bottom)
                                    {
                                        if (!cuts.TryGetValue(item, out int[]? sides))
                                        {
                                            sides = new int[4];
                                            cuts.Add(item, sides);
                                        }

                                        sides[0] = Math.Max(sides[0], area.Top - y);
                                        sides[1] = Math.Max(sides[1], y - (area.Bottom - 1));
                                        sides[2] = Math.Max(sides[2], area.Left - x);
                                        sides[3] = Math.Max(sides[3], x - (area.Right - 1));
                                        continue;
                                    }

                                    if (index < 0)
                                    {
                                        index = attempt.IndexOf(item.Color);
                                        if (index < 0)
                                        {
                                            attempt.Errors.Add(
                                                $"{item.Describe()} would be colour #{item.Color:X6}, but a frame holds at most {MaxColours} colours including black.");
                                            return;
                                        }
                                    }

                                    canvas.Pixels[(y * canvas.Width) + x] = (byte)index;
                                }
                            }
                        }
                    }

                    pen += item.Advance;
                }
            }

            string[] sideNames = { "top", "bottom", "left", "right" };
            foreach (KeyValuePair<Item, int[]> cut in cuts)
            {
                var parts = new List<string>();
                for (int s = 0; s < 4; s++)
                {
                    if (cut.Value[s] > 0)
                    {
                        parts.Add($"at the {sideNames[s]} by {cut.Value[s]} px");
                    }
                }

                attempt.Fail($"{cut.Key.Describe()} would be cut off {string.Join(" and ", parts)} on the {request.PanelWidth}x{request.PanelHeight} panel{note}.");
            }
        }
    }
}
