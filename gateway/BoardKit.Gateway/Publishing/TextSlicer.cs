using System;
using System.Collections.Generic;
using System.Text;
using BoardKit.Gateway.Rendering;
using BoardKit.Gateway.Text;

namespace BoardKit.Gateway.Publishing
{
    /// <summary>
    /// Cuts a bulletin into render requests for ranges of its shaped clusters: each piece keeps the request's settings,
    /// the colours of the runs it covers, and its <see cref="TextOrigin"/> in the bulletin, so messages about a piece
    /// name the editor's line and character. Cuts fall only between clusters, so a letter always keeps its marks.
    /// </summary>
    internal sealed class TextSlicer
    {
        private readonly RenderRequest request;
        private readonly ShapedText shaped;
        private readonly int[] line;
        private readonly int[] column;
        private readonly int[] run;

        /// <summary>Maps every cluster of <paramref name="shaped"/> (the shaping of <paramref name="request"/>'s whole
        /// text) to its line, column and run, counted as the renderer counts them.</summary>
        public TextSlicer(RenderRequest request, ShapedText shaped)
        {
            this.request = request;
            this.shaped = shaped;
            int n = shaped.Clusters.Count;
            line = new int[n];
            column = new int[n];
            run = new int[n];
            TextOrigin origin = request.Origin ?? TextOrigin.Start;
            int currentLine = origin.Line;
            int currentColumn = origin.Column - 1;
            int[] runEnds = RunEnds(request.Runs);
            int currentRun = 0;
            for (int i = 0; i < n; i++)
            {
                ShapedCluster cluster = shaped.Clusters[i];
                while (currentRun < runEnds.Length - 1 && cluster.Index >= runEnds[currentRun])
                {
                    currentRun++;
                }

                currentColumn++;
                line[i] = currentLine;
                column[i] = currentColumn;
                run[i] = currentRun;
                if (cluster.IsLineBreak)
                {
                    currentLine++;
                    currentColumn = 0;
                }
            }
        }

        /// <summary>The clusters of the whole bulletin.</summary>
        public IReadOnlyList<ShapedCluster> Clusters => shaped.Clusters;

        /// <summary>Where cluster <paramref name="index"/> stands in the bulletin.</summary>
        public TextOrigin OriginOf(int index) => new(line[index], column[index]);

        /// <summary>The text of clusters [<paramref name="start"/>, <paramref name="end"/>) (NFC), without colours.</summary>
        public string TextOf(int start, int end)
        {
            if (end <= start)
            {
                return string.Empty;
            }

            ShapedCluster first = shaped.Clusters[start];
            ShapedCluster last = shaped.Clusters[end - 1];
            return shaped.NormalizedText.Substring(first.Index, last.Index + last.Text.Length - first.Index);
        }

        /// <summary>A request for clusters [<paramref name="start"/>, <paramref name="end"/>) with the request's settings,
        /// the piece's origin, and <paramref name="style"/> when given (else the request's).</summary>
        public RenderRequest Piece(int start, int end, BulletinStyle? style = null)
        {
            string? text = null;
            List<TextRun>? runs = null;
            if (request.Runs is null)
            {
                text = TextOf(start, end);
            }
            else
            {
                runs = new List<TextRun>();
                var builder = new StringBuilder();
                int current = start < end ? run[start] : 0;
                for (int i = start; i < end; i++)
                {
                    if (run[i] != current)
                    {
                        runs.Add(new TextRun(builder.ToString(), request.Runs[current].Color));
                        builder.Clear();
                        current = run[i];
                    }

                    builder.Append(shaped.Clusters[i].Text);
                }

                runs.Add(new TextRun(builder.ToString(), request.Runs.Count > 0 ? request.Runs[current].Color : null));
            }

            return Copy(request, text, runs, start < shaped.Clusters.Count ? OriginOf(start) : request.Origin, style ?? request.Style);
        }

        /// <summary>A copy of <paramref name="source"/> with other text, origin and style. Every other property is
        /// copied: keep this in step with <see cref="RenderRequest"/>.</summary>
        public static RenderRequest Copy(RenderRequest source, string? text, IReadOnlyList<TextRun>? runs, TextOrigin? origin, BulletinStyle? style) => new()
        {
            Text = text,
            Color = source.Color,
            Runs = runs,
            PanelWidth = source.PanelWidth,
            PanelHeight = source.PanelHeight,
            Mode = source.Mode,
            Alignment = source.Alignment,
            Level = source.Level,
            Style = style,
            Shaper = source.Shaper,
            ScrollLeadIn = source.ScrollLeadIn,
            ScrollLineBreakGap = source.ScrollLineBreakGap,
            LinesPerPanel = source.LinesPerPanel,
            Origin = origin,
        };

        /// <summary>The whole text of a request: <see cref="RenderRequest.Text"/> or its runs one after another.</summary>
        public static string WholeText(RenderRequest request)
        {
            if (request.Runs is null)
            {
                return request.Text ?? string.Empty;
            }

            var builder = new StringBuilder();
            foreach (TextRun r in request.Runs)
            {
                builder.Append(r.Text);
            }

            return builder.ToString();
        }

        /// <summary>Where each run ends in the normalised text, as the renderer computes it (NFC of each prefix).</summary>
        private static int[] RunEnds(IReadOnlyList<TextRun>? runs)
        {
            if (runs is null)
            {
                return new[] { int.MaxValue };
            }

            var ends = new int[runs.Count];
            var prefix = new StringBuilder();
            for (int i = 0; i < runs.Count; i++)
            {
                prefix.Append(runs[i].Text);
                ends[i] = Nfc(prefix.ToString()).Length;
            }

            return ends;
        }

        private static string Nfc(string text)
        {
            try
            {
                return text.Normalize(NormalizationForm.FormC);
            }
            catch (ArgumentException)
            {
                return text;
            }
        }
    }
}
