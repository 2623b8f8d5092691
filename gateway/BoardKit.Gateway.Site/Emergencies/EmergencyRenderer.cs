using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using BoardKit.Gateway.Fonts;
using BoardKit.Gateway.Publishing;
using BoardKit.Gateway.Rendering;
using BoardKit.Gateway.Text;

namespace BoardKit.Gateway.Site.Emergencies
{
    /// <summary>
    /// Draws a site emergency for one panel size with the gateway's renderer and the emergency style (red text, red
    /// border where it fits, blinking once a second: <see cref="BulletinStyle.Emergency"/>): one alert item of layout
    /// "pages", each language's text centred and wrapped onto as many pages as it needs, Vietnamese first. Lines are
    /// 16 px (Unifont) on panels 16 px and taller, as <c>boardkit render</c> lays them out by default, so a long text
    /// still fits a few pages. Before any drawing every text's coverage is checked: a character no font has refuses
    /// the whole emergency, naming it. Then the alert fit check (<see cref="FitCheck.CheckAlert"/>: at most 16 pages,
    /// 8,192 bytes signed). Thread-safe; shares one <see cref="FontSets"/>.
    /// </summary>
    public sealed class EmergencyRenderer
    {
        /// <summary>Line height used on panels at least this tall, px: one line of Unifont.</summary>
        public const int LineHeight = FontSets.UnifontLineHeight;

        /// <summary>How long each page stays on the panel, ms: 4 s reads a 16-px line of a dozen characters twice.</summary>
        public const uint PageDwellMs = 4000;

        private readonly FontSets _fonts;

        /// <summary>A renderer loading fonts through <paramref name="fonts"/> (null: Debian's fonts).</summary>
        public EmergencyRenderer(FontSets? fonts = null)
        {
            _fonts = fonts ?? new FontSets();
        }

        /// <summary>
        /// The alert item for a <paramref name="width"/> x <paramref name="height"/> panel showing <paramref name="texts"/>
        /// (language, text) in order, expiring at <paramref name="validUntil"/> (unix s). Problems, each a sentence naming
        /// the panel, when it cannot be drawn or does not fit; never a partial item.
        /// </summary>
        public (BulletinItem? Item, IReadOnlyList<string> Problems, IReadOnlyList<string> Warnings) Render(
            int width, int height, IReadOnlyList<KeyValuePair<string, string>> texts, uint validUntil)
        {
            ArgumentNullException.ThrowIfNull(texts);
            string panel = $"{width}x{height} panel";
            var problems = new List<string>();
            var warnings = new List<string>();
            FontSet fontSet;
            try
            {
                int lines = Math.Max(1, height / LineHeight);
                fontSet = _fonts.ForPanelHeight(height, lines);
            }
            catch (Exception e) when (e is FileNotFoundException or FontFormatException or ArgumentException)
            {
                return (null, new[] { $"{panel}: no font can be loaded ({e.Message})." }, warnings);
            }

            // Coverage first, for every text: nothing is drawn while a character is missing.
            foreach ((string language, string text) in texts)
            {
                FitProblem? tooLarge = InputBounds.CheckText(text);
                if (tooLarge != null)
                {
                    problems.Add($"The {language} text: {tooLarge.Message}");
                    continue;
                }

                foreach (MissingCharacter missing in Coverage.Check(text, fontSet))
                {
                    problems.Add($"The {language} text cannot be drawn on a {panel}: {missing}.");
                }
            }

            if (problems.Count > 0)
            {
                return (null, problems, warnings);
            }

            var shaper = new TextShaper(fontSet);
            var frames = new List<IndexedBitmap>();
            var linesPerFrame = new List<int>();
            int lineCount = 0;
            foreach ((string language, string text) in texts)
            {
                RenderResult page = TextRenderer.Render(new RenderRequest
                {
                    Text = text,
                    PanelWidth = width,
                    PanelHeight = height,
                    Mode = RenderMode.Pages,
                    Alignment = TextAlignment.Center,
                    Level = BulletinLevel.Emergency,
                    Shaper = shaper,
                    LinesPerPanel = Math.Max(1, height / fontSet.LineHeight),
                });
                if (!page.Ok)
                {
                    problems.AddRange(page.Errors.Select(e => $"The {language} text on a {panel}: {e}"));
                    continue;
                }

                warnings.AddRange(page.Warnings.Select(w => $"{panel}, {language}: {w}").Where(w => !warnings.Contains(w)));
                frames.AddRange(page.Frames);
                linesPerFrame.AddRange(page.LinesPerFrame);
                lineCount += page.LineCount;
            }

            if (problems.Count > 0)
            {
                return (null, problems, warnings);
            }

            uint[] palette = frames.SelectMany(f => f.Palette).Distinct().ToArray();
            var combined = new RenderResult
            {
                Mode = RenderMode.Pages,
                Level = BulletinLevel.Emergency,
                BlinkPeriodMs = BulletinStyle.Emergency.BlinkPeriodMs,
                Frames = frames,
                Palette = palette,
                PixelFormat = RenderResult.SmallestFormat(palette.Length),
                LineCount = lineCount,
                LinesPerFrame = linesPerFrame,
            };
            var item = new BulletinItem(combined) { DwellMs = PageDwellMs, ValidUntil = validUntil };
            FitReport fit = FitCheck.CheckAlert(item);
            if (!fit.Ok)
            {
                return (null, fit.Problems.Select(p => $"On a {panel}: {p.Message}").ToArray(), warnings);
            }

            return (item, problems, warnings);
        }
    }
}
