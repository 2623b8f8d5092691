using System;
using System.Collections.Generic;
using System.Linq;
using BoardKit.Gateway.Rendering;
using BoardKit.Gateway.Text;

namespace BoardKit.Gateway.Publishing
{
    /// <summary>
    /// Lays out a bulletin as the items a board plays in turn (docs/rendering.md, "Splitting"). Static: the one frame.
    /// Pages: every page, grouped into page items of up to 16 pages. Scroll: one strip when the text fits the widest
    /// strip a board holds, else several scroll items broken at word boundaries (<see cref="ScrollBreaker"/>), each with
    /// the request's lead-in, marker and border, so each piece enters from the right of a blank panel as the first does.
    /// Program limits (16 items, 16 KiB) are not applied here: <see cref="BulletinPlanner"/> checks them with
    /// <see cref="FitCheck"/>. Stateless and thread-safe.
    /// </summary>
    public static class BulletinSplitter
    {
        /// <summary>Splits <paramref name="request"/> into pieces. Never throws for bad input; problems come back in
        /// <see cref="SplitResult.Problems"/>.</summary>
        public static SplitResult Split(RenderRequest request)
        {
            ArgumentNullException.ThrowIfNull(request);
            if (request.Mode != RenderMode.Scroll || request.Shaper is null || (request.Text is null) == (request.Runs is null)
                || request.Runs?.Any(r => r?.Text is null) == true)
            {
                RenderResult whole = TextRenderer.Render(request);
                return whole.Ok && request.Mode == RenderMode.Pages ? From(PageGrouper.Group(whole)) : From(new[] { whole });
            }

            return SplitScroll(request);
        }

        private static SplitResult SplitScroll(RenderRequest request)
        {
            ShapedText shaped = request.Shaper.Shape(TextSlicer.WholeText(request));
            if (shaped.Missing.Count > 0)
            {
                return From(new[] { TextRenderer.Render(request) });
            }

            BulletinStyle style = request.Style ?? BulletinStyle.For(request.Level);
            int leadIn = request.ScrollLeadIn ?? request.PanelWidth;
            int marker = style.MarkerColor is null ? 0 : BulletinStyle.MarkerWidth + BulletinStyle.MarkerGap;
            int gap = request.ScrollLineBreakGap ?? shaped.LineHeight;
            int maxStrip = ScrollBreaker.MaxStripWidth(request.PanelHeight, BitsPerPixelBound(request, style));
            IReadOnlyList<ShapedCluster> clusters = shaped.Clusters;
            if (leadIn < 0 || gap < 0 || (long)leadIn + marker + ScrollBreaker.Width(clusters, 0, clusters.Count, gap) <= maxStrip)
            {
                return From(new[] { TextRenderer.Render(request) });
            }

            int available = maxStrip - leadIn - marker;
            string room = $"a {request.PanelWidth}x{request.PanelHeight} board takes scroll strips of at most {NumberText.Grouped(maxStrip)} px";
            if (available < 1)
            {
                return Refused(new FitProblem(FitLimit.StripWidth,
                    $"The lead-in of {leadIn} px{(marker > 0 ? $" and the {marker}-px marker" : string.Empty)} leave no room for text: {room}. Use a shorter lead-in.")
                {
                    Actual = (long)leadIn + marker + 1, Maximum = maxStrip, Unit = "px",
                });
            }

            var slicer = new TextSlicer(request, shaped);
            List<ClusterRange>? ranges = ScrollBreaker.Break(clusters, available, gap, out int tooWide);
            if (ranges is null)
            {
                ShapedCluster c = clusters[tooWide];
                TextOrigin at = slicer.OriginOf(tooWide);
                int width = Math.Max(c.Advance, ScrollBreaker.InkRight(c));
                return Refused(new FitProblem(FitLimit.StripWidth,
                    $"'{c.Text}' at line {at.Line}, character {at.Column} is {width} px wide; {room}, {available} px of it after the lead-in: it cannot be shown.")
                {
                    Actual = width, Maximum = available, Unit = "px",
                });
            }

            List<RenderResult> pieces = ranges.Select(r => TextRenderer.Render(slicer.Piece(r.Start, r.End))).ToList();
            if (pieces.All(p => p.Ok) && pieces.Any(p => p.BorderLeftOut) && pieces.Any(p => !p.BorderLeftOut))
            {
                // One bulletin, one look: if any piece has no room for the border, no piece gets it.
                var plain = new BulletinStyle { TextColor = style.TextColor, MarkerColor = style.MarkerColor, BlinkPeriodMs = style.BlinkPeriodMs };
                for (int i = 0; i < pieces.Count; i++)
                {
                    if (!pieces[i].BorderLeftOut)
                    {
                        pieces[i] = BorderLeftOut(TextRenderer.Render(slicer.Piece(ranges[i].Start, ranges[i].End, plain)));
                    }
                }
            }

            return From(pieces);
        }

        /// <summary>Bits per pixel of the widest format the bulletin can need: black, the border, the marker and every
        /// text colour it names (a piece may use fewer, never more).</summary>
        private static int BitsPerPixelBound(RenderRequest request, BulletinStyle style)
        {
            var colours = new HashSet<uint> { 0x000000 };
            if (style.BorderColor is uint border)
            {
                colours.Add(border);
            }

            if (style.MarkerColor is uint marker)
            {
                colours.Add(marker);
            }

            if (request.Runs is null)
            {
                colours.Add(request.Color ?? style.TextColor);
            }
            else
            {
                foreach (TextRun run in request.Runs)
                {
                    colours.Add(run.Color ?? style.TextColor);
                }
            }

            return colours.Count switch
            {
                <= 2 => 1,
                <= 4 => 2,
                _ => 4,
            };
        }

        /// <summary>A render without the border, marked as one whose border was left out (its warning is the other pieces').</summary>
        private static RenderResult BorderLeftOut(RenderResult r) => !r.Ok ? r : new RenderResult
        {
            Mode = r.Mode,
            Level = r.Level,
            Warnings = r.Warnings,
            Frames = r.Frames,
            Strip = r.Strip,
            Palette = r.Palette,
            PixelFormat = r.PixelFormat,
            BlinkPeriodMs = r.BlinkPeriodMs,
            LineCount = r.LineCount,
            LinesPerFrame = r.LinesPerFrame,
            BorderLeftOut = true,
        };

        private static SplitResult Refused(FitProblem problem) => new() { Problems = new[] { problem } };

        /// <summary>The pieces, or the problems of every refused piece (each message once).</summary>
        private static SplitResult From(IReadOnlyList<RenderResult> pieces)
        {
            var warnings = pieces.SelectMany(p => p.Warnings).Distinct().ToArray();
            if (pieces.All(p => p.Ok))
            {
                return new SplitResult { Pieces = pieces, Warnings = warnings };
            }

            var problems = new List<FitProblem>();
            var seen = new HashSet<string>();
            foreach (RenderResult piece in pieces.Where(p => !p.Ok))
            {
                FitLimit limit = piece.Missing.Count > 0 ? FitLimit.Coverage : FitLimit.PanelLayout;
                foreach (string error in piece.Errors)
                {
                    if (seen.Add(error))
                    {
                        problems.Add(new FitProblem(limit, error));
                    }
                }
            }

            return new SplitResult { Problems = problems, Warnings = warnings };
        }
    }
}
