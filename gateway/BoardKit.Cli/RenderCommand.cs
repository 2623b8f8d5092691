using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;
using PixelFormat = BoardKit.Firmware.Core.Wire.PixelFormat;
using BoardKit.Gateway.Composition;
using BoardKit.Gateway.Fonts;
using BoardKit.Gateway.Imaging;
using BoardKit.Gateway.Pictograms;
using BoardKit.Gateway.Preview;
using BoardKit.Gateway.Publishing;
using BoardKit.Gateway.Rendering;
using BoardKit.Gateway.Text;

namespace BoardKit.Cli
{
    /// <summary>
    /// <c>boardkit render</c>: text to LED frames and PNG previews, through the same planner publishing uses
    /// (<see cref="BulletinPlanner"/>: input bound, coverage, layout, splitting, every wire and board limit). Exit codes:
    /// 0 = rendered (or checked) fine, 1 = the text was refused (too large, missing characters, does not fit the panel or
    /// one program, bad UTF-8; every problem is listed on stderr), 2 = usage error (bad or missing option, unreadable
    /// file, font not installed or too large).
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
            var leadIn = StringOption("--lead-in", "Scroll: blank columns before the text. Default the panel width (beside a picture: the width of the window the text scrolls in).");
            var scale = StringOption("--scale", $"Preview pixels per LED, 1–{LedPreview.MaxScale}. 1 = exact frame pixels; 2+ = round LED dots on a dark board. Default {DefaultScale}.");
            var output = StringOption("--out", "Preview file (.png). Static: FILE.png. Pages: FILE.png for one page, else FILE-1.png, FILE-2.png … in play order. " +
                $"Scroll: FILE.png is an animated PNG scrolling as the board does (40 ms per 1-px step; at most {N(PreviewBounds.MaxAnimationFrames)} frames, the start of a longer bulletin) " +
                "and FILE-strip.png the whole strip (FILE-strip-1.png, FILE-strip-2.png … when the bulletin is split into several). Required unless --check.");
            var check = new Option<bool>("--check") { Description = "Only check, as publishing does, that every character can be drawn and the bulletin fits one board program; write nothing." };
            var ansi = new Option<bool>("--ansi") { Description = "Also print the frames to the terminal (24-bit colour, two LEDs per character cell)." };
            var image = StringOption("--image", "A picture file (PNG, JPEG, WebP, GIF, BMP; at most 25 MiB and 40 megapixels) for the panel, or at the left of --text.");
            var fit = StringOption("--fit", "How --image fills its area: fit (whole picture, black bars), fill (stretched) or crop (filled, centre kept). Default fit.");
            var colours = StringOption("--colours", "Colours of --image: 2, 4, 16, rgb, or auto (the smallest wire format that keeps it faithful). Default auto.");
            var dither = StringOption("--dither", "Dithering of --image: none, ordered or diffusion. Default diffusion.");
            var crisp = new Option<bool>("--crisp") { Description = "--image is a drawing, logo or text: majority scaling, no blended colours, no dither." };
            var pictogram = StringOption("--pictogram", "A pictogram for the panel, or at the left of --text (in scroll mode it stays still while the text scrolls beside it): " + string.Join(", ", Pictograms.Names) + ".");
            var qr = StringOption("--qr", "A QR code of this http(s) URL (one LED per module, with its quiet zone), or at the left of --text.");

            var command = new Command("render", "Render text for a panel and write a PNG preview.\n" +
                "Exit codes: 0 = ok, 1 = text refused (each missing character or fit problem is listed on stderr), 2 = usage error.\n" +
                "Example: boardkit render --text \"Cửa khẩu Ma Lù Thàng 口岸\" --panel 64x16 --mode scroll --out gate.png\n" +
                "Pictures: boardkit render --pictogram flood --text \"Lũ quét\" --level emergency --panel 64x16 --out flood.png");
            foreach (Option option in new Option[] { text, textFile, lang, panel, font, lines, mode, align, level, colour, leadIn, scale, output, check, ansi, image, fit, colours, dither, crisp, pictogram, qr })
            {
                command.Options.Add(option);
            }

            command.TreatUnmatchedTokensAsErrors = false;
            command.SetAction(parseResult =>
            {
                if (parseResult.UnmatchedTokens.Count > 0)
                {
                    return Usage(Console.Error, $"Unknown argument(s): {string.Join(" ", parseResult.UnmatchedTokens)}. See boardkit render --help.");
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
                    Image = parseResult.GetValue(image),
                    Fit = parseResult.GetValue(fit),
                    Colours = parseResult.GetValue(colours),
                    Dither = parseResult.GetValue(dither),
                    Crisp = parseResult.GetValue(crisp),
                    Pictogram = parseResult.GetValue(pictogram),
                    Qr = parseResult.GetValue(qr),
                };
                return Run(settings, Console.Out, Console.Error);
            });
            return command;
        }

        private static Option<string> StringOption(string name, string description) =>
            new(name) { Description = description, Arity = ArgumentArity.ZeroOrOne };

        private static int Usage(TextWriter stderr, string message)
        {
            stderr.WriteLine("boardkit render: " + message);
            return ExitCodes.Usage;
        }

        private static int Refused(TextWriter stderr, FitProblem problem)
        {
            stderr.WriteLine("Refused: " + problem.Message);
            return ExitCodes.Refused;
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

            public string? Image { get; init; }

            public string? Fit { get; init; }

            public string? Colours { get; init; }

            public string? Dither { get; init; }

            public bool Crisp { get; init; }

            public string? Pictogram { get; init; }

            public string? Qr { get; init; }

            public bool HasPicture => Image is not null || Pictogram is not null || Qr is not null;
        }

        private static int Run(Settings s, TextWriter stdout, TextWriter stderr)
        {
            // 1. Options.
            if (s.Text is not null && s.TextFile is not null || (s.Text is null && s.TextFile is null && !s.HasPicture))
            {
                return Usage(stderr, "give exactly one of --text or --text-file, or a picture (--image, --pictogram, --qr) with or without text.");
            }

            if ((s.Image is null ? 0 : 1) + (s.Pictogram is null ? 0 : 1) + (s.Qr is null ? 0 : 1) > 1)
            {
                return Usage(stderr, "give at most one of --image, --pictogram and --qr.");
            }

            if (PictureUsage(s) is string pictureError)
            {
                return Usage(stderr, pictureError);
            }

            if (!TryParsePanel(s.Panel, out int width, out int height))
            {
                return Usage(stderr, $"--panel must be WIDTHxHEIGHT with each side 1–{RenderRequest.MaxPanelSide}, e.g. 64x16; got '{s.Panel ?? "(none)"}'.");
            }

            if (!TryParseEnum(s.Mode, RenderMode.Static, out RenderMode mode))
            {
                return Usage(stderr, $"--mode must be static, scroll or pages; got '{s.Mode}'.");
            }

            if (!TryParseEnum(s.Align, TextAlignment.Left, out TextAlignment alignment))
            {
                return Usage(stderr, $"--align must be left, center or right; got '{s.Align}'.");
            }

            if (!TryParseEnum(s.Level, BulletinLevel.Normal, out BulletinLevel level))
            {
                return Usage(stderr, $"--level must be normal, priority or emergency; got '{s.Level}'.");
            }

            int lines = mode == RenderMode.Scroll ? 1 : Math.Max(1, height / DefaultLineHeight);
            if (s.Lines is not null && (!TryParseInt(s.Lines, 1, height, out lines) || mode == RenderMode.Scroll && lines != 1))
            {
                return Usage(stderr, $"--lines must be 1–{height} (and 1 in scroll mode); got '{s.Lines}'.");
            }

            int scale = DefaultScale;
            if (s.Scale is not null && !TryParseInt(s.Scale, 1, LedPreview.MaxScale, out scale))
            {
                return Usage(stderr, $"--scale must be 1–{LedPreview.MaxScale}; got '{s.Scale}'.");
            }

            int? leadIn = null;
            if (s.LeadIn is not null)
            {
                if (!TryParseInt(s.LeadIn, 0, RenderRequest.MaxPanelSide, out int value))
                {
                    return Usage(stderr, $"--lead-in must be 0–{RenderRequest.MaxPanelSide} pixels; got '{s.LeadIn}'.");
                }

                leadIn = value;
            }

            uint? colour = null;
            if (s.Color is not null)
            {
                string hex = s.Color.TrimStart('#');
                if (hex.Length != 6 || !uint.TryParse(hex, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out uint rgb))
                {
                    return Usage(stderr, $"--color must be RRGGBB in hex, e.g. FFA000; got '{s.Color}'.");
                }

                colour = rgb;
            }

            if (!s.Check && string.IsNullOrEmpty(s.Out))
            {
                return Usage(stderr, "--out FILE.png is required (or use --check to write nothing).");
            }

            // 2. Text, refused by its size before any work.
            string? text = null;
            if (s.TextFile is not null)
            {
                byte[] bytes;
                try
                {
                    if (InputBounds.CheckTextFile(new FileInfo(s.TextFile)) is { } tooLarge)
                    {
                        return Refused(stderr, tooLarge);
                    }

                    bytes = File.ReadAllBytes(s.TextFile);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
                {
                    return Usage(stderr, $"cannot read --text-file '{s.TextFile}': {e.Message}");
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
            else if (s.Text is not null)
            {
                text = s.Text;
                if (InputBounds.CheckText(text) is { } tooLarge)
                {
                    return Refused(stderr, tooLarge);
                }
            }

            // 2a. The picture, decoded within its limits before any work.
            PictureContent? picture = null;
            if (s.HasPicture)
            {
                try
                {
                    picture = Picture(s);
                }
                catch (ImageDecodeException e)
                {
                    stderr.WriteLine($"Refused: {s.Image}: {e.Message}");
                    return ExitCodes.Refused;
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
                {
                    return Usage(stderr, $"cannot read --image '{s.Image}': {e.Message}");
                }
            }

            // 3. Fonts.
            FontSet fontSet;
            try
            {
                if (s.Font is not null && s.Font != "unifont" && InputBounds.CheckFontFile(new FileInfo(s.Font)) is { } fontTooLarge)
                {
                    return Usage(stderr, $"font: {fontTooLarge}");
                }

                fontSet = LoadFontSet(s.Font, height, lines);
            }
            catch (Exception e) when (e is IOException or FontFormatException or ArgumentException or UnauthorizedAccessException or NotSupportedException)
            {
                return Usage(stderr, $"font: {e.Message}");
            }

            // 4. Plan: coverage, layout, splitting, every wire and board limit (what publishing runs).
            RenderRequest Request(RenderMode m, FontSet fonts) => new()
            {
                Text = text ?? string.Empty,
                Color = colour,
                PanelWidth = width,
                PanelHeight = height,
                Mode = m,
                Alignment = alignment,
                Level = level,
                Shaper = new TextShaper(fonts),
                ScrollLeadIn = leadIn,
                LinesPerPanel = m == RenderMode.Pages ? Math.Max(1, height / fonts.LineHeight) : null,
            };

            BulletinPlan plan = picture is null
                ? BulletinPlanner.Plan(Request(mode, fontSet))
                : PicturePlanner.Plan(new PictureRequest
                {
                    PanelWidth = width,
                    PanelHeight = height,
                    Picture = picture,
                    Text = text is null ? null : Request(mode, fontSet),
                    Level = level,
                });
            foreach (string warning in plan.Warnings)
            {
                stderr.WriteLine("Warning: " + warning);
            }

            if (!plan.Ok)
            {
                stderr.WriteLine($"Refused for the {width}x{height} panel ({Name(mode)} mode, font {fontSet.Name}):");
                foreach (FitProblem problem in plan.Problems)
                {
                    stderr.WriteLine("  " + problem.Message);
                }

                if (plan.Advice is not null)
                {
                    stderr.WriteLine("  " + plan.Advice);
                    if (mode == RenderMode.Scroll && s.Lines is null && PagesInstead(s.Font, height, fonts => Request(RenderMode.Pages, fonts)) is string hint)
                    {
                        stderr.WriteLine("  " + hint);
                    }
                }

                return ExitCodes.Refused;
            }

            // 5. Previews.
            var written = new List<string>();
            if (!s.Check)
            {
                try
                {
                    // The text enters at the panel's right edge: a lead-in of one panel width, or of one window width
                    // beside a still picture.
                    written = WritePreviews(plan, s.Out!, width, height, scale, leadIn ?? width - Math.Min(width, plan.Pieces[0].Still?.Width ?? 0));
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    return Usage(stderr, $"cannot write '{s.Out}': {e.Message}");
                }
            }

            if (s.Ansi)
            {
                foreach (RenderResult piece in plan.Pieces)
                {
                    foreach (IndexedBitmap frame in piece.Strip is null ? piece.Frames : piece.Still is null ? new[] { piece.Strip } : new[] { piece.Still, piece.Strip })
                    {
                        stdout.Write(AnsiPreview.Render(frame));
                        stdout.WriteLine();
                    }
                }
            }

            // 6. Summary.
            RenderResult first = plan.Pieces[0];
            uint[] palette = plan.Pieces.SelectMany(p => p.Palette).Distinct().ToArray();
            PixelFormat format = plan.Pieces.Max(p => p.PixelFormat);
            stdout.WriteLine(
                $"Panel {width}x{height}, {Name(mode)} mode, {Name(level)} level{(first.Blink ? $" (blink {first.BlinkPeriodMs} ms)" : string.Empty)}, " +
                $"lang {s.Lang ?? "vi"}, font {fontSet.Name}: {Describe(plan, mode, width)}.");
            string formats = first.Still is { } stillFrame
                ? $"wire formats {RenderResult.SmallestFormat(stillFrame.Palette.Length)} (still picture) and {RenderResult.SmallestFormat(first.Strip!.Palette.Length)} (strip)"
                : $"wire format {format}";
            stdout.WriteLine(palette.Length <= 16
                ? $"Colours: {palette.Length} ({string.Join(" ", palette.Select(c => "#" + c.ToString("X6", CultureInfo.InvariantCulture)))}) → {formats}."
                : $"Colours: {palette.Length} → {formats}.");
            if (first.Picture is { } report)
            {
                stdout.WriteLine($"Picture: {report.Description}; {report.FormatReason}.");
            }

            PowerEstimate power = PowerEstimate.For(plan.Pieces.SelectMany(p => p.Frames).ToList(), first.Strip, width, height, still: first.Still);
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Power: up to {power.Milliamps:N0} mA at full brightness (gamma {power.Gamma:0.0}, the board core's model; all LEDs off {power.DarkMilliamps:N0} mA, full white {power.FullWhiteMilliamps:N0} mA)."));
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Program: {plan.Items.Count} item(s), {plan.MessageBytes:N0} of {plan.MaxMessageBytes:N0} bytes signed."));
            stdout.WriteLine(s.Check
                ? $"Check passed: {(text is null ? "the picture" : "every character can be drawn and the bulletin")} fits one board program; nothing written."
                : "Wrote " + string.Join(", ", written) + ".");
            return ExitCodes.Ok;
        }

        /// <summary>The picture options' usage error, or null.</summary>
        private static string? PictureUsage(Settings s)
        {
            if (s.Image is null && (s.Fit is not null || s.Colours is not null || s.Dither is not null || s.Crisp))
            {
                return "--fit, --colours, --dither and --crisp apply to --image only.";
            }

            if (s.Fit is not null && !TryParseEnum(s.Fit, ImageFit.Fit, out ImageFit _))
            {
                return $"--fit must be fit, fill or crop; got '{s.Fit}'.";
            }

            if (s.Colours is not null && ParseColours(s.Colours) is null)
            {
                return $"--colours must be 2, 4, 16, rgb or auto; got '{s.Colours}'.";
            }

            if (s.Dither is not null && !TryParseEnum(s.Dither, DitherMode.Diffusion, out DitherMode _))
            {
                return $"--dither must be none, ordered or diffusion; got '{s.Dither}'.";
            }

            if (s.Pictogram is not null && Pictograms.Parse(s.Pictogram) is null)
            {
                return $"--pictogram must be one of {string.Join(", ", Pictograms.Names)}; got '{s.Pictogram}'.";
            }

            if (s.Qr is not null && !(Uri.TryCreate(s.Qr, UriKind.Absolute, out Uri? uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)))
            {
                return $"--qr must be an absolute http or https URL; got '{s.Qr}'.";
            }

            return null;
        }

        private static PictureColours? ParseColours(string value) => value.ToLowerInvariant() switch
        {
            "2" => PictureColours.Two,
            "4" => PictureColours.Four,
            "16" => PictureColours.Sixteen,
            "rgb" => PictureColours.Rgb,
            "auto" => PictureColours.Auto,
            _ => null,
        };

        /// <summary>The picture the options name (already checked by <see cref="PictureUsage"/>); decodes --image.</summary>
        private static PictureContent Picture(Settings s)
        {
            if (s.Pictogram is not null)
            {
                return new PictogramContent(Pictograms.Parse(s.Pictogram)!.Value);
            }

            if (s.Qr is not null)
            {
                return new QrContent(s.Qr);
            }

            TryParseEnum(s.Fit, ImageFit.Fit, out ImageFit fit);
            TryParseEnum(s.Dither, DitherMode.Diffusion, out DitherMode dither);
            var options = new PictureOptions
            {
                Fit = fit,
                Colours = s.Colours is null ? PictureColours.Auto : ParseColours(s.Colours)!.Value,
                Dither = dither,
                Crisp = s.Crisp,
            };
            return new ImageContent(ImageDecoder.DecodeFile(s.Image!), options);
        }

        /// <summary>When a scroll bulletin is too long for one program, whether pages mode (with its own line height and
        /// font) would carry it: pages pack text far tighter than a strip (docs/rendering.md, "Splitting").</summary>
        private static string? PagesInstead(string? font, int height, Func<FontSet, RenderRequest> request)
        {
            FontSet fonts;
            try
            {
                fonts = LoadFontSet(font, height, Math.Max(1, height / DefaultLineHeight));
            }
            catch (Exception e) when (e is IOException or FontFormatException or ArgumentException or UnauthorizedAccessException)
            {
                return null;
            }

            BulletinPlan pages = BulletinPlanner.Plan(request(fonts));
            return pages.Ok
                ? string.Create(CultureInfo.InvariantCulture,
                    $"In pages mode (--mode pages) it fits: {pages.Pieces.Sum(p => p.Frames.Count)} pages in {pages.Items.Count} item(s), {pages.MessageBytes:N0} bytes signed.")
                : null;
        }

        /// <summary>What the bulletin became: frames and lines, or the strip(s) the board scrolls.</summary>
        private static string Describe(BulletinPlan plan, RenderMode mode, int panelWidth)
        {
            IReadOnlyList<RenderResult> pieces = plan.Pieces;
            if (mode == RenderMode.Scroll && pieces[0].Still is { } still)
            {
                return $"still picture {still.Width}x{still.Height} at the left, strip {pieces[0].Strip!.Width}x{pieces[0].Strip!.Height} " +
                    $"scrolling in the {panelWidth - Math.Min(panelWidth, still.Width)}-px window beside it (the board holds the picture still: wire layout 3)";
            }

            if (mode == RenderMode.Scroll)
            {
                return pieces.Count == 1
                    ? $"strip {pieces[0].Strip!.Width}x{pieces[0].Strip!.Height} (the board scrolls it)"
                    : $"{pieces.Count} strips of {string.Join(", ", pieces.Select(p => p.Strip!.Width.ToString(CultureInfo.InvariantCulture)))} px, " +
                      $"{pieces[0].Strip!.Height} px tall, broken at word boundaries and played in turn as one bulletin";
            }

            string frames = $"{pieces.Sum(p => p.Frames.Count)} frame(s), {pieces.Sum(p => p.LineCount)} line(s)";
            return pieces.Count == 1 ? frames : $"{frames} in {pieces.Count} page items played in turn";
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

        /// <summary>Writes the previews within <see cref="PreviewBounds"/>: a picture per frame, or for scroll a picture of
        /// every strip and an animation of the start of the scroll at the board's 1-px step.</summary>
        private static List<string> WritePreviews(BulletinPlan plan, string path, int panelWidth, int panelHeight, int scale, int leadIn)
        {
            var written = new List<string>();
            string directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
            Directory.CreateDirectory(directory);
            if (plan.Pieces[0].Strip is not null)
            {
                List<IndexedBitmap> strips = plan.Pieces.Select(p => p.Strip!).ToList();
                int stripScale = strips.Min(strip => PreviewBounds.ScaleFor(strip.Width, strip.Height, scale));
                long used = 0;
                var stripFiles = new List<string>();
                for (int i = 0; i < strips.Count; i++)
                {
                    IndexedBitmap picture = LedPreview.Render(strips[i], stripScale);
                    string stripPath = Numbered(path, strips.Count == 1 ? "strip" : "strip-" + (i + 1).ToString(CultureInfo.InvariantCulture));
                    File.WriteAllBytes(stripPath, PngWriter.EncodeIndexed(picture));
                    used += (long)picture.Width * picture.Height;
                    stripFiles.Add(stripPath);
                }

                // The animation starts as the board does, on the blank lead-in; viewers that show only a still get the
                // step where the text reaches the left edge instead.
                int animationScale = PreviewBounds.ScaleFor(panelWidth, panelHeight, scale);
                ScrollPreview preview = ScrollPreview.Build(strips, panelWidth, PreviewBounds.AnimationFrames(panelWidth, panelHeight, animationScale, used), plan.Pieces[0].Still);
                IndexedBitmap still = LedPreview.Render(preview.Frames[Math.Min(leadIn, preview.Frames.Count - 1)], animationScale);
                File.WriteAllBytes(path, ApngWriter.Encode(LedPreview.RenderAll(preview.Frames, animationScale), ScrollAnimation.DefaultStepMs, defaultImage: still));
                written.Add(preview.Complete
                    ? $"{path} (animated, {preview.Frames.Count} frames)"
                    : string.Create(CultureInfo.InvariantCulture,
                        $"{path} (animated: the first {preview.Frames.Count:N0} of {preview.TotalSteps:N0} 1-px steps, {Duration(preview.Frames.Count)} of {Duration(preview.TotalSteps)})"));
                written.Add(string.Join(", ", stripFiles) +
                    $" ({(strips.Count == 1 ? "the whole strip" : $"the {strips.Count} strips in play order")}" +
                    $"{(stripScale < scale ? $", scale {stripScale} to stay within {N(PreviewBounds.MaxPictureSide)} px" : string.Empty)})");
                return written;
            }

            List<IndexedBitmap> frames = plan.Pieces.SelectMany(p => p.Frames).ToList();
            int frameScale = PreviewBounds.ScaleForAll(frames.Count, panelWidth, panelHeight, scale);
            for (int i = 0; i < frames.Count; i++)
            {
                string framePath = frames.Count == 1 ? path : Numbered(path, (i + 1).ToString(CultureInfo.InvariantCulture));
                File.WriteAllBytes(framePath, PngWriter.EncodeIndexed(LedPreview.Render(frames[i], frameScale)));
                written.Add(framePath);
            }

            if (frameScale < scale)
            {
                written.Add($"at scale {frameScale} to stay within {N(PreviewBounds.MaxTotalPixels)} pixels in all");
            }

            return written;
        }

        /// <summary>"1,500" whatever the machine's culture.</summary>
        private static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

        /// <summary>How long <paramref name="steps"/> 1-px steps take at the preview's 40 ms each, e.g. "1 min 0 s".</summary>
        private static string Duration(int steps)
        {
            int seconds = (int)Math.Round(steps * ScrollAnimation.DefaultStepMs / 1000.0);
            return seconds < 60 ? $"{seconds} s" : $"{seconds / 60} min {seconds % 60} s";
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
