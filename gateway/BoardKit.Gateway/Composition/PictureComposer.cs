using System;
using System.Collections.Generic;
using System.Globalization;
using BoardKit.Firmware.Core.Wire;
using BoardKit.Gateway.Imaging;
using BoardKit.Gateway.Pictograms;
using BoardKit.Gateway.Qr;
using BoardKit.Gateway.Rendering;

namespace BoardKit.Gateway.Composition
{
    /// <summary>
    /// Puts a picture (image, pictogram or QR code) into frames, alone or with text beside it, giving the same
    /// <see cref="RenderResult"/> text rendering gives, so publishing (<c>BulletinItem</c>, <c>FitCheck</c>,
    /// <c>ProgramComposer</c>) and previews take it unchanged.
    /// <list type="bullet">
    /// <item>Alone: one static frame, the picture centred (an image fills the panel as its fit says; a pictogram at
    /// the largest size that fits; a QR code one LED per module).</item>
    /// <item>With text: the picture at the left, full panel height, centred vertically; the text is rendered by
    /// <see cref="TextRenderer"/> for the rest of the panel (less <see cref="PictureRequest.Gap"/>), in the text's
    /// mode and level (an emergency border goes round the text). Static and pages: the picture is on every frame; its
    /// palette is built around the text's colours, which it may use too. An image beside text gets an area
    /// panel-height tall and as wide as its proportions ask, at most half the panel.</item>
    /// <item>Scroll: the picture and the gap are a still frame (<see cref="RenderResult.Still"/>) the board holds at
    /// the panel's left, and the text is a strip (<see cref="RenderResult.Strip"/>) scrolling in the window right of it
    /// (wire layout 3, "scroll beside a still frame", docs/protocol.md 5.2a), led in by one window width (or the
    /// text's own lead-in) so it enters at the panel's right edge. Each has its own palette. The window must be at
    /// least <see cref="WireLimits.MinScrollWindowWidth"/> px wide. With <see cref="PictureRequest.PictureScrolls"/>
    /// (boards whose firmware predates layout 3): one strip of lead-in (default one panel width), picture, gap and
    /// text, so the picture scrolls in ahead of the text.</item>
    /// </list>
    /// Never throws for bad input: problems come back in <see cref="RenderResult.Errors"/>. Thread-safe.
    /// </summary>
    public static class PictureComposer
    {
        /// <summary>Composes <paramref name="request"/>.</summary>
        public static RenderResult Compose(PictureRequest request)
        {
            ArgumentNullException.ThrowIfNull(request);
            RenderMode mode = request.Text?.Mode ?? RenderMode.Static;
            BulletinLevel level = request.Text?.Level ?? request.Level;
            int w = request.PanelWidth;
            int h = request.PanelHeight;
            if (w is < 1 or > RenderRequest.MaxPanelSide || h is < 1 or > RenderRequest.MaxPanelSide)
            {
                return Refuse(mode, level, $"Panel size {w}x{h} is out of range: each side must be 1 to {RenderRequest.MaxPanelSide} px.");
            }

            if (request.Gap < 0 || request.Picture is null)
            {
                return Refuse(mode, level, request.Picture is null ? "No picture was given." : $"The gap must be 0 or more px, not {request.Gap}.");
            }

            try
            {
                return request.Text is null ? Alone(request, level) : Beside(request, request.Text);
            }
            catch (Exception e) when (e is ArgumentException or QrCodeDoesNotFitException)
            {
                return Refuse(mode, level, e.Message);
            }
        }

        private static RenderResult Alone(PictureRequest request, BulletinLevel level)
        {
            int w = request.PanelWidth;
            int h = request.PanelHeight;
            Drawn picture = Draw(request.Picture, w, h, Array.Empty<uint>(), (long)w * h);
            var frame = new IndexedBitmap(w, h, (uint[])picture.Bitmap.Palette.Clone());
            Blit(picture.Bitmap, frame, (w - picture.Bitmap.Width) / 2, (h - picture.Bitmap.Height) / 2, Identity(picture.Bitmap.Palette.Length));
            return new RenderResult
            {
                Mode = RenderMode.Static,
                Level = level,
                Frames = new[] { frame },
                Palette = frame.Palette,
                PixelFormat = RenderResult.SmallestFormat(frame.Palette.Length),
                BlinkPeriodMs = BulletinStyle.For(level).BlinkPeriodMs,
                LinesPerFrame = new[] { 0 },
                Picture = picture.Report,
            };
        }

        private static RenderResult Beside(PictureRequest request, RenderRequest text)
        {
            int w = request.PanelWidth;
            int h = request.PanelHeight;
            int pictureWidth = PictureWidth(request.Picture, w, h);
            if (text.Mode == RenderMode.Scroll && !request.PictureScrolls)
            {
                return StillBesideScroll(request, text, pictureWidth);
            }

            int textWidth = w - pictureWidth - request.Gap;
            if (textWidth < 1)
            {
                return Refuse(text.Mode, text.Level,
                    $"The {w}x{h} panel has no room for text beside a {pictureWidth}-px-wide picture and a {request.Gap}-px gap.");
            }

            RenderResult words = TextRenderer.Render(Narrowed(text, textWidth, h, text.Mode == RenderMode.Scroll ? 0 : text.ScrollLeadIn));
            if (!words.Ok)
            {
                var errors = new List<string>(words.Errors)
                {
                    $"(The text gets {textWidth}x{h} px beside the {pictureWidth}-px-wide picture.)",
                };
                return new RenderResult { Mode = text.Mode, Level = text.Level, Errors = errors, Missing = words.Missing };
            }

            int leadIn = text.Mode == RenderMode.Scroll ? text.ScrollLeadIn ?? w : 0;
            IReadOnlyList<IndexedBitmap> textFrames = words.Strip is not null ? new[] { words.Strip } : words.Frames;
            int frameWidth = text.Mode == RenderMode.Scroll ? leadIn + pictureWidth + request.Gap + words.Strip!.Width : w;
            Drawn picture = Draw(request.Picture, pictureWidth, h, words.Palette, (long)frameWidth * h);

            // The palette: the text's colours first (an image's palette already starts with them), then the picture's.
            var palette = new List<uint>(words.Palette);
            var pictureMap = new byte[picture.Bitmap.Palette.Length];
            for (int i = 0; i < pictureMap.Length; i++)
            {
                uint c = picture.Bitmap.Palette[i];
                int index = palette.IndexOf(c);
                if (index < 0)
                {
                    palette.Add(c);
                    index = palette.Count - 1;
                }

                pictureMap[i] = (byte)Math.Min(index, 255);
            }

            if (palette.Count > 256)
            {
                return Refuse(text.Mode, text.Level, $"The picture and the text need {palette.Count} colours; a frame holds at most 256.");
            }

            uint[] merged = palette.ToArray();
            var frames = new List<IndexedBitmap>(textFrames.Count);
            foreach (IndexedBitmap textFrame in textFrames)
            {
                var frame = new IndexedBitmap(frameWidth, h, (uint[])merged.Clone());
                Blit(picture.Bitmap, frame, leadIn + ((pictureWidth - picture.Bitmap.Width) / 2), (h - picture.Bitmap.Height) / 2, pictureMap);
                Blit(textFrame, frame, leadIn + pictureWidth + request.Gap, 0, Identity(words.Palette.Count));
                frames.Add(frame);
            }

            return new RenderResult
            {
                Mode = text.Mode,
                Level = text.Level,
                Warnings = words.Warnings,
                Frames = text.Mode == RenderMode.Scroll ? Array.Empty<IndexedBitmap>() : frames,
                Strip = text.Mode == RenderMode.Scroll ? frames[0] : null,
                Palette = merged,
                PixelFormat = RenderResult.SmallestFormat(merged.Length),
                BlinkPeriodMs = words.BlinkPeriodMs,
                LineCount = words.LineCount,
                LinesPerFrame = words.LinesPerFrame,
                BorderLeftOut = words.BorderLeftOut,
                Picture = picture.Report,
            };
        }

        /// <summary>
        /// Scroll beside a still picture: the still frame is the picture (centred in its width, vertically centred) and
        /// the gap, panel-height tall, in the picture's own palette; the strip is the text rendered for the window (the
        /// panel less the still frame), in the text's. The picture may use the frame buffer the strip leaves.
        /// </summary>
        private static RenderResult StillBesideScroll(PictureRequest request, RenderRequest text, int pictureWidth)
        {
            int w = request.PanelWidth;
            int h = request.PanelHeight;
            int stillWidth = pictureWidth + request.Gap;
            int window = w - stillWidth;
            if (window < WireLimits.MinScrollWindowWidth)
            {
                return Refuse(text.Mode, text.Level,
                    $"The {w}x{h} panel has no room for text to scroll beside a {pictureWidth}-px-wide picture and a {request.Gap}-px gap: " +
                    $"a board scrolls text in a window of at least {WireLimits.MinScrollWindowWidth} px, and {Math.Max(0, window)} px are left.");
            }

            RenderResult words = TextRenderer.Render(Narrowed(text, window, h, text.ScrollLeadIn ?? window));
            if (!words.Ok)
            {
                var errors = new List<string>(words.Errors)
                {
                    $"(The text scrolls in a {window}x{h}-px window beside the {pictureWidth}-px-wide picture.)",
                };
                return new RenderResult { Mode = text.Mode, Level = text.Level, Errors = errors, Missing = words.Missing };
            }

            // The board decodes the still frame and the strip into one 16,384-byte buffer: a full-colour picture is
            // judged with the strip's bytes counted in (as LEDs of 3 bytes).
            IndexedBitmap strip = words.Strip!;
            long stripBytes = (((long)strip.Width * strip.Height * PixelPacking.BitsPerPixel((int)words.PixelFormat)) + 7) / 8;
            Drawn picture = Draw(request.Picture, pictureWidth, h, Array.Empty<uint>(), ((long)stillWidth * h) + ((stripBytes + 2) / 3));
            var still = new IndexedBitmap(stillWidth, h, (uint[])picture.Bitmap.Palette.Clone());
            Blit(picture.Bitmap, still, (pictureWidth - picture.Bitmap.Width) / 2, (h - picture.Bitmap.Height) / 2, Identity(picture.Bitmap.Palette.Length));

            var colours = new List<uint>(words.Palette);
            foreach (uint c in still.Palette)
            {
                if (!colours.Contains(c))
                {
                    colours.Add(c);
                }
            }

            PixelFormat stillFormat = RenderResult.SmallestFormat(still.Palette.Length);
            return new RenderResult
            {
                Mode = RenderMode.Scroll,
                Level = text.Level,
                Warnings = words.Warnings,
                Strip = strip,
                Still = still,
                Palette = colours.ToArray(),
                PixelFormat = (int)stillFormat > (int)words.PixelFormat ? stillFormat : words.PixelFormat,
                BlinkPeriodMs = words.BlinkPeriodMs,
                LineCount = words.LineCount,
                LinesPerFrame = words.LinesPerFrame,
                BorderLeftOut = words.BorderLeftOut,
                Picture = picture.Report,
            };
        }

        /// <summary>Width the picture takes beside text: a pictogram or QR code its side; an image its proportions at the
        /// panel's height, at most half the panel.</summary>
        private static int PictureWidth(PictureContent content, int w, int h) => content switch
        {
            PictogramContent p => Pictograms.Pictograms.Draw(p.Kind, Math.Min(h, w)).Width,
            QrContent q => QrCodes.Draw(q.Url, w / 2, h, q.Light).Side,
            ImageContent i => Math.Clamp((int)Math.Round((double)h * i.Image.Width / i.Image.Height, MidpointRounding.AwayFromZero), 1, Math.Max(1, w / 2)),
            _ => throw new ArgumentException("Unknown picture content."),
        };

        private readonly record struct Drawn(IndexedBitmap Bitmap, PictureReport Report);

        private static Drawn Draw(PictureContent content, int w, int h, IReadOnlyList<uint> textColours, long frameLeds)
        {
            switch (content)
            {
                case PictogramContent p:
                {
                    IndexedBitmap bitmap = Pictograms.Pictograms.Draw(p.Kind, Math.Min(w, h));
                    int drawing = Pictograms.Pictograms.DrawingSize(Math.Min(w, h));
                    return new Drawn(bitmap, new PictureReport(
                        $"pictogram {Pictograms.Pictograms.NameOf(p.Kind)}, {drawing}-px drawing at {bitmap.Width}x{bitmap.Height} px",
                        $"its own {bitmap.Palette.Length} colours, drawn pixel for pixel"));
                }

                case QrContent q:
                {
                    QrCode code = QrCodes.Draw(q.Url, w, h, q.Light);
                    return new Drawn(code.Bitmap, new PictureReport(
                        $"QR code version {code.Version} ({code.ErrorCorrection}) of {code.Url}, {code.Side}x{code.Side} LEDs, one per module, quiet zone included",
                        "2 colours: dark modules off, light modules lit"));
                }

                case ImageContent i:
                {
                    PictureRender render = PictureRenderer.Render(i.Image, w, h, i.Options, textColours, frameLeds);
                    return new Drawn(render.Bitmap, new PictureReport(
                        string.Create(CultureInfo.InvariantCulture, $"image {i.Image.Width}x{i.Image.Height} {i.Image.Format}, {Name(i.Options.Fit)} into {w}x{h} px") +
                        (i.Options.Crisp ? ", crisp" : $", dither {Name(i.Options.Dither)}"),
                        render.Reason));
                }

                default:
                    throw new ArgumentException("Unknown picture content.");
            }
        }

        private static string Name<T>(T value)
            where T : struct, Enum => value.ToString().ToLowerInvariant();

        private static RenderRequest Narrowed(RenderRequest text, int width, int height, int? scrollLeadIn) => new()
        {
            Text = text.Text,
            Color = text.Color,
            Runs = text.Runs,
            PanelWidth = width,
            PanelHeight = height,
            Mode = text.Mode,
            Alignment = text.Alignment,
            Level = text.Level,
            Style = text.Style,
            Shaper = text.Shaper,
            ScrollLeadIn = scrollLeadIn,
            ScrollLineBreakGap = text.ScrollLineBreakGap,
            LinesPerPanel = text.LinesPerPanel,
            Origin = text.Origin,
        };

        private static byte[] Identity(int count)
        {
            var map = new byte[count];
            for (int i = 0; i < count; i++)
            {
                map[i] = (byte)i;
            }

            return map;
        }

        /// <summary>Copies <paramref name="source"/> into <paramref name="target"/> at (x0, y0), mapping palette indices;
        /// pixels outside the target are clipped.</summary>
        private static void Blit(IndexedBitmap source, IndexedBitmap target, int x0, int y0, byte[] map)
        {
            for (int y = 0; y < source.Height; y++)
            {
                int ty = y0 + y;
                if ((uint)ty >= (uint)target.Height)
                {
                    continue;
                }

                for (int x = 0; x < source.Width; x++)
                {
                    int tx = x0 + x;
                    if ((uint)tx < (uint)target.Width)
                    {
                        target[tx, ty] = map[source[x, y]];
                    }
                }
            }
        }

        private static RenderResult Refuse(RenderMode mode, BulletinLevel level, string error) =>
            new() { Mode = mode, Level = level, Errors = new[] { error } };
    }
}
