using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;
using BoardKit.Gateway.Fonts;
using BoardKit.Gateway.Preview;
using BoardKit.Gateway.Rendering;
using BoardKit.Gateway.Text;

namespace BoardKit.Cli
{
    /// <summary>
    /// <c>boardkit render</c>: text to LED frames and PNG previews. Exit codes: 0 = rendered (or checked) fine,
    /// 1 = the text was refused (missing characters, does not fit, bad UTF-8; every problem is listed on stderr),
    /// 2 = usage error (bad or missing option, unreadable file, font not installed).
    /// </summary>
    public static class RenderCommand
    {
        /// <summary>Default preview scale: 4 picture pixels per LED shows round-ish dots and keeps a 64x16 panel at 256x64.</summary>
        public const int DefaultScale = 4;

        /// <summary>Unifont's line height; the default number of lines per panel is panel height / this (at least 1).</summary>
        private const int DefaultLineHeight = 16;

        /// <summary>Builds the command.</summary>
        public static Command Create()
        {
            // Every option takes a string with arity 0..1 and is checked in the action, so that a usage error returns
            // exit code 2 with a clear message instead of the parser's generic exit code 1.
            var text = StringOption("--text", "Text to render (UTF-8). Line breaks in it are hard breaks. Give --text or --text-file.");
            var textFile = StringOption("--text-file", "Read the text from this UTF-8 file; invalid bytes are reported with their offsets.");
            var lang = StringOption("--lang", "Language tag of the text, for the summary (vi, en, zh, hmn …); shaping works the same for all. Default vi.");
            var panel = StringOption("--panel", "Panel size in LEDs, WIDTHxHEIGHT, e.g. 64x16 or 128x32. Required.");
            var font = StringOption("--font", "Font: 'unifont' (16 px, scaled on tall lines) or a path to a BDF (.bdf, .bdf.gz, .pcf.gz) or Unifont .hex file. Default: chosen for the line height (see docs/rendering.md).");
            var lines = StringOption("--lines", "Lines per panel (static, pages); the line height is panel height / lines. Default panel height / 16, at least 1; scroll always 1.");
            var mode = StringOption("--mode", "static (must fit one frame), scroll (one strip the board scrolls) or pages (word-wrapped frames). Default static.");
            var align = StringOption("--align", "left, center or right. Default left (scroll: ignored).");
            var level = StringOption("--level", "normal (amber), priority (yellow + marker bar) or emergency (red, 1-px red border, blinking). Default normal.");
            var colour = StringOption("--color", "Text colour as RRGGBB (e.g. FFFFFF); default the level's colour.");
            var leadIn = StringOption("--lead-in", "Scroll: blank columns before the text. Default the panel width.");
            var scale = StringOption("--scale", $"Preview pixels per LED, 1–{LedPreview.MaxScale}. 1 = exact frame pixels; 2+ = round LED dots on a dark board. Default {DefaultScale}.");
            var output = StringOption("--out", "Preview file (.png). Static: FILE.png. Pages: FILE.png for one page, else FILE-1.png, FILE-2.png …. " +
                "Scroll: FILE.png is an animated PNG scrolling as the board does (40 ms per pixel), and with --scale 1 also FILE-strip.png (the strip). Required unless --check.");
            var check = new Option<bool>("--check") { Description = "Only check that every character can be drawn and the text fits; write nothing." };
            var ansi = new Option<bool>("--ansi") { Description = "Also print the frames to the terminal (24-bit colour, two LEDs per character cell)." };

            var command = new Command("render", "Render text for a panel and write a PNG preview.\n" +
                "Exit codes: 0 = ok, 1 = text refused (each missing character or fit problem is listed on stderr), 2 = usage error.\n" +
                "Example: boardkit render --text \"Cửa khẩu Ma Lù Thàng 口岸\" --panel 64x16 --mode scroll --out gate.png");
            foreach (Option option in new Option[] { text, textFile, lang, panel, font, lines, mode, align, level, colour, leadIn, scale, output, check, ansi })
            {
                command.Options.Add(option);
            }

            command.TreatUnmatchedTokensAsErrors = false;
            command.SetAction(parseResult =>
            {
                if (parseResult.UnmatchedTokens.Count > 0)
                {
                    return Usage($"Unknown argument(s): {string.Join(" ", parseResult.UnmatchedTokens)}. See boardkit render --help.");
                }

                var settings = new Settings
                {
                    Text = parseResult.GetValue(text),
                    TextFile = parseResult.GetValue(textFile),
                    Lang = parseResult.GetValue(lang),
                    Panel = parseResult.GetValue(panel),
                    Font = parseResult.GetValue(font),
                    Lines = parseResult.GetValue(lines),
                    Mode = parseResult.GetValue(mode),
                    Align = parseResult.GetValue(align),
                    Level = parseResult.GetValue(level),
                    Color = parseResult.GetValue(colour),
                    LeadIn = parseResult.GetValue(leadIn),
                    Scale = parseResult.GetValue(scale),
                    Out = parseResult.GetValue(output),
                    Check = parseResult.GetValue(check),
                    Ansi = parseResult.GetValue(ansi),
                };
                return Run(settings, Console.Out, Console.Error);
            });
            return command;
        }

        private static Option<string> StringOption(string name, string description) =>
            new(name) { Description = description, Arity = ArgumentArity.ZeroOrOne };

        private static int Usage(string message)
        {
            Console.Error.WriteLine("boardkit render: " + message);
            return ExitCodes.Usage;
        }

        /// <summary>Raw option values.</summary>
        private sealed class Settings
        {
            public string? Text { get; init; }

            public string? TextFile { get; init; }

            public string? Lang { get; init; }

            public string? Panel { get; init; }

            public string? Font { get; init; }

            public string? Lines { get; init; }

            public string? Mode { get; init; }

            public string? Align { get; init; }

            public string? Level { get; init; }

            public string? Color { get; init; }

            public string? LeadIn { get; init; }

            public string? Scale { get; init; }

            public string? Out { get; init; }

            public bool Check { get; init; }

            public bool Ansi { get; init; }
        }

        private static int Run(Settings s, TextWriter stdout, TextWriter stderr)
        {
            // 1. Options.
            if ((s.Text is null) == (s.TextFile is null))
            {
                return Usage("give exactly one of --text or --text-file.");
            }

            if (!TryParsePanel(s.Panel, out int width, out int height))
            {
                return Usage($"--panel must be WIDTHxHEIGHT with each side 1–{RenderRequest.MaxPanelSide}, e.g. 64x16; got '{s.Panel ?? "(none)"}'.");
            }

            if (!TryParseEnum(s.Mode, RenderMode.Static, out RenderMode mode))
            {
                return Usage($"--mode must be static, scroll or pages; got '{s.Mode}'.");
            }

            if (!TryParseEnum(s.Align, TextAlignment.Left, out TextAlignment alignment))
            {
                return Usage($"--align must be left, center or right; got '{s.Align}'.");
            }

            if (!TryParseEnum(s.Level, BulletinLevel.Normal, out BulletinLevel level))
            {
                return Usage($"--level must be normal, priority or emergency; got '{s.Level}'.");
            }

            int lines = mode == RenderMode.Scroll ? 1 : Math.Max(1, height / DefaultLineHeight);
            if (s.Lines is not null && (!TryParseInt(s.Lines, 1, height, out lines) || mode == RenderMode.Scroll && lines != 1))
            {
                return Usage($"--lines must be 1–{height} (and 1 in scroll mode); got '{s.Lines}'.");
            }

            int scale = DefaultScale;
            if (s.Scale is not null && !TryParseInt(s.Scale, 1, LedPreview.MaxScale, out scale))
            {
                return Usage($"--scale must be 1–{LedPreview.MaxScale}; got '{s.Scale}'.");
            }

            int? leadIn = null;
            if (s.LeadIn is not null)
            {
                if (!TryParseInt(s.LeadIn, 0, RenderRequest.MaxPanelSide, out int value))
                {
                    return Usage($"--lead-in must be 0–{RenderRequest.MaxPanelSide} pixels; got '{s.LeadIn}'.");
                }

                leadIn = value;
            }

            uint? colour = null;
            if (s.Color is not null)
            {
                string hex = s.Color.TrimStart('#');
                if (hex.Length != 6 || !uint.TryParse(hex, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out uint rgb))
                {
                    return Usage($"--color must be RRGGBB in hex, e.g. FFA000; got '{s.Color}'.");
                }

                colour = rgb;
            }

            if (!s.Check && string.IsNullOrEmpty(s.Out))
            {
                return Usage("--out FILE.png is required (or use --check to write nothing).");
            }

            // 2. Text.
            string text;
            if (s.TextFile is not null)
            {
                byte[] bytes;
                try
                {
                    bytes = File.ReadAllBytes(s.TextFile);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
                {
                    return Usage($"cannot read --text-file '{s.TextFile}': {e.Message}");
                }

                Utf8DecodeResult decoded = TextInput.DecodeUtf8Strict(bytes);
                if (!decoded.IsValid)
                {
                    stderr.WriteLine($"Refused: {s.TextFile} is not valid UTF-8 ({decoded.Errors.Count} bad sequence(s)):");
                    foreach (Utf8Error error in decoded.Errors)
                    {
                        stderr.WriteLine("  " + error);
                    }

                    return ExitCodes.Refused;
                }

                text = decoded.Text;
            }
            else
            {
                text = s.Text!;
            }

            // 3. Fonts.
            FontSet fontSet;
            try
            {
                fontSet = LoadFontSet(s.Font, height, lines);
            }
            catch (Exception e) when (e is IOException or FontFormatException or ArgumentException or UnauthorizedAccessException)
            {
                return Usage($"font: {e.Message}");
            }

            // 4. Render.
            RenderResult result = TextRenderer.Render(new RenderRequest
            {
                Text = text,
                Color = colour,
                PanelWidth = width,
                PanelHeight = height,
                Mode = mode,
                Alignment = alignment,
                Level = level,
                Shaper = new TextShaper(fontSet),
                ScrollLeadIn = leadIn,
                LinesPerPanel = mode == RenderMode.Pages ? Math.Max(1, height / fontSet.LineHeight) : null,
            });
            foreach (string warning in result.Warnings)
            {
                stderr.WriteLine("Warning: " + warning);
            }

            if (!result.Ok)
            {
                stderr.WriteLine($"Refused for the {width}x{height} panel ({Name(mode)} mode, font {fontSet.Name}):");
                foreach (string error in result.Errors)
                {
                    stderr.WriteLine("  " + error);
                }

                return ExitCodes.Refused;
            }

            // 5. Previews.
            var written = new List<string>();
            if (!s.Check)
            {
                try
                {
                    written = WritePreviews(result, s.Out!, width, scale, leadIn ?? width);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    return Usage($"cannot write '{s.Out}': {e.Message}");
                }
            }

            if (s.Ansi)
            {
                foreach (IndexedBitmap frame in result.Strip is null ? result.Frames : new[] { result.Strip })
                {
                    stdout.Write(AnsiPreview.Render(frame));
                    stdout.WriteLine();
                }
            }

            // 6. Summary.
            string what = result.Strip is null
                ? $"{result.Frames.Count} frame(s), {result.LineCount} line(s)"
                : $"strip {result.Strip.Width}x{result.Strip.Height} (the board scrolls it; the preview has one frame per 1-px step)";
            stdout.WriteLine(
                $"Panel {width}x{height}, {Name(mode)} mode, {Name(level)} level{(result.Blink ? $" (blink {result.BlinkPeriodMs} ms)" : string.Empty)}, " +
                $"lang {s.Lang ?? "vi"}, font {fontSet.Name}: {what}.");
            stdout.WriteLine(
                $"Colours: {result.Palette.Count} ({string.Join(" ", result.Palette.Select(c => "#" + c.ToString("X6", CultureInfo.InvariantCulture)))}) " +
                $"→ wire format {result.PixelFormat}.");
            stdout.WriteLine(s.Check ? "Check passed: every character can be drawn; nothing written." : "Wrote " + string.Join(", ", written) + ".");
            return ExitCodes.Ok;
        }

        private static FontSet LoadFontSet(string? font, int panelHeight, int lines)
        {
            if (font is null)
            {
                return new FontSets().ForPanelHeight(panelHeight, lines);
            }

            if (font == "unifont")
            {
                var sets = new FontSets();
                return panelHeight / lines >= FontSets.UnifontLineHeight ? sets.ForPanelHeight(panelHeight, lines) : UnifontOnly(sets);
            }

            IFont loaded = font.EndsWith(".hex", StringComparison.OrdinalIgnoreCase)
                ? UnifontHexFont.Load(font, null)
                : BdfFont.Load(font);
            return new FontSet(loaded.Name, new[] { loaded }, loaded.Ascent, loaded.Descent);
        }

        /// <summary>Unifont at its own 16 px, for a line shorter than 16 px: the renderer then says how much is too tall.</summary>
        private static FontSet UnifontOnly(FontSets sets)
        {
            IFont unifont = sets.Unifont;
            return new FontSet("unifont", new[] { unifont }, unifont.Ascent, unifont.Descent);
        }

        private static List<string> WritePreviews(RenderResult result, string path, int panelWidth, int scale, int leadIn)
        {
            var written = new List<string>();
            string directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
            Directory.CreateDirectory(directory);
            if (result.Strip is not null)
            {
                IReadOnlyList<IndexedBitmap> steps = ScrollAnimation.Frames(result.Strip, panelWidth);

                // The animation starts as the board does, on the blank lead-in; viewers that show only a still get the
                // step where the text reaches the left edge instead.
                IndexedBitmap still = LedPreview.Render(steps[Math.Min(leadIn, steps.Count - 1)], scale);
                File.WriteAllBytes(path, ApngWriter.Encode(LedPreview.RenderAll(steps, scale), ScrollAnimation.DefaultStepMs, defaultImage: still));
                written.Add($"{path} (animated, {steps.Count} frames)");
                if (scale == 1)
                {
                    string stripPath = Numbered(path, "strip");
                    File.WriteAllBytes(stripPath, PngWriter.EncodeIndexed(result.Strip));
                    written.Add(stripPath);
                }

                return written;
            }

            for (int i = 0; i < result.Frames.Count; i++)
            {
                string framePath = result.Frames.Count == 1 ? path : Numbered(path, (i + 1).ToString(CultureInfo.InvariantCulture));
                File.WriteAllBytes(framePath, PngWriter.EncodeIndexed(LedPreview.Render(result.Frames[i], scale)));
                written.Add(framePath);
            }

            return written;
        }

        /// <summary>FILE.png + "2" → FILE-2.png.</summary>
        private static string Numbered(string path, string suffix)
        {
            string extension = Path.GetExtension(path);
            return path.Substring(0, path.Length - extension.Length) + "-" + suffix + (extension.Length == 0 ? ".png" : extension);
        }

        private static bool TryParsePanel(string? value, out int width, out int height)
        {
            width = height = 0;
            string[] parts = (value ?? string.Empty).ToLowerInvariant().Split('x');
            return parts.Length == 2
                && TryParseInt(parts[0], 1, RenderRequest.MaxPanelSide, out width)
                && TryParseInt(parts[1], 1, RenderRequest.MaxPanelSide, out height);
        }

        private static bool TryParseInt(string value, int min, int max, out int result) =>
            int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out result) && result >= min && result <= max;

        private static bool TryParseEnum<T>(string? value, T fallback, out T result)
            where T : struct, Enum
        {
            result = fallback;
            if (value is null)
            {
                return true;
            }

            // Names only: Enum.TryParse would also accept numbers such as "7".
            foreach (T candidate in Enum.GetValues<T>())
            {
                if (string.Equals(Name(candidate), value, StringComparison.OrdinalIgnoreCase))
                {
                    result = candidate;
                    return true;
                }
            }

            return false;
        }

        private static string Name<T>(T value)
            where T : struct, Enum => value.ToString().ToLowerInvariant();
    }
}
