using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using BoardKit.Firmware.Core.Wire;
using BoardKit.Gateway.Rendering;

namespace BoardKit.Gateway.Imaging
{
    /// <summary>
    /// Makes a decoded picture for an area of a panel: scaled (<see cref="AreaScaler"/>, or <see cref="CrispScaler"/>
    /// when <see cref="PictureOptions.Crisp"/>), given a palette (<see cref="PaletteBuilder"/>) and quantised
    /// (<see cref="Quantiser"/>), in the smallest wire format that keeps it faithful.
    /// <para>
    /// Format choice: the formats the options allow are tried smallest first, Mono1 (2 colours), Palette2 (4),
    /// Palette4 (16), Rgb888 (up to <see cref="Quantiser.MaxRgbColours"/>), each with a palette built for its size
    /// (black and the fixed colours included). A format is skipped when the fixed colours alone fill it, and Rgb888 when
    /// the frame would exceed the board's 16,384-byte frame buffer (3 bytes per LED). With
    /// <see cref="PictureColours.Auto"/> the first whose <see cref="Fidelity"/> error is at most
    /// <see cref="PictureOptions.MaxError"/> is taken; when none is, the one with the least error. A palette needs only
    /// as many entries as the picture has colours, so a 3-colour drawing asked for 16 colours comes out as Palette2.
    /// </para>
    /// Thread-safe.
    /// </summary>
    public static class PictureRenderer
    {
        /// <summary>
        /// Makes <paramref name="source"/> for an <paramref name="areaWidth"/> x <paramref name="areaHeight"/> area (each
        /// 1–<see cref="RenderRequest.MaxPanelSide"/>). <paramref name="fixedColours"/> (0xRRGGBB) must be in the palette,
        /// after black: the colours of text in the same frame. <paramref name="frameLeds"/> is the size in LEDs of the
        /// frame the picture goes into (default the area), for the Rgb888 frame-buffer check.
        /// </summary>
        /// <exception cref="ArgumentException">No format the options allow can hold the fixed colours and the picture.</exception>
        public static PictureRender Render(DecodedImage source, int areaWidth, int areaHeight, PictureOptions? options = null,
            IReadOnlyList<uint>? fixedColours = null, long? frameLeds = null)
        {
            ArgumentNullException.ThrowIfNull(source);
            options ??= PictureOptions.Default;
            if (areaWidth is < 1 or > RenderRequest.MaxPanelSide || areaHeight is < 1 or > RenderRequest.MaxPanelSide)
            {
                throw new ArgumentException($"A picture area of {areaWidth}x{areaHeight} px is out of range (1–{RenderRequest.MaxPanelSide} a side).");
            }

            if (!(options.Gamma >= 1.0 && options.Gamma <= 3.0))
            {
                throw new ArgumentException($"Gamma {options.Gamma} is outside 1.0–3.0 (board.json led.gamma).");
            }

            LinearImage? fine = options.Crisp ? CrispScaler.Fine(source, areaWidth, areaHeight, options.Fit) : null;
            LinearImage reference = fine is null ? AreaScaler.Scale(source, areaWidth, areaHeight, options.Fit) : CrispScaler.Average(fine);
            return Quantise(reference, fine, options, fixedColours, frameLeds ?? ((long)areaWidth * areaHeight));
        }

        /// <summary>Quantises an already scaled picture (<paramref name="reference"/>; with <paramref name="fine"/> the
        /// crisp fine picture) as <see cref="Render"/> does.</summary>
        internal static PictureRender Quantise(LinearImage reference, LinearImage? fine, PictureOptions options, IReadOnlyList<uint>? fixedColours, long frameLeds)
        {
            var fixedSet = new List<uint> { 0x000000 };
            foreach (uint c in fixedColours ?? Array.Empty<uint>())
            {
                if (!fixedSet.Contains(c & 0xFFFFFF))
                {
                    fixedSet.Add(c & 0xFFFFFF);
                }
            }

            var trials = new List<FormatTrial>();
            (IndexedBitmap Bitmap, double Error, PixelFormat Format)? best = null;
            foreach ((PixelFormat format, int colours) in Candidates(options.Colours))
            {
                if (fixedSet.Count > colours)
                {
                    trials.Add(new FormatTrial(format, colours, double.NaN, $"the text in the frame needs {fixedSet.Count} colours with black"));
                    continue;
                }

                if (format == PixelFormat.Rgb888 && frameLeds * 3 > WireLimits.MaxFrameRawBytes)
                {
                    trials.Add(new FormatTrial(format, colours, double.NaN,
                        $"a {N(frameLeds)}-LED frame in Rgb888 is {N(frameLeds * 3)} bytes, over the board's {N(WireLimits.MaxFrameRawBytes)}-byte frame buffer"));
                    continue;
                }

                uint[] palette = PaletteBuilder.Build(fine ?? reference, options.Gamma, colours, fixedSet);
                IndexedBitmap bitmap = fine is not null
                    ? CrispScaler.Majority(fine, palette, options.Gamma)
                    : Quantiser.Map(reference, palette, options.Gamma, options.Dither);
                double error = Fidelity.Error(reference, bitmap, options.Gamma);
                trials.Add(new FormatTrial(format, colours, error));
                if (best is null || error < best.Value.Error)
                {
                    best = (bitmap, error, RenderResult.SmallestFormat(bitmap.Palette.Length));
                }

                if (options.Colours == PictureColours.Auto && error <= options.MaxError)
                {
                    best = (bitmap, error, RenderResult.SmallestFormat(bitmap.Palette.Length));
                    break;
                }
            }

            if (best is null)
            {
                throw new ArgumentException("No wire format can hold this picture: " + string.Join("; ", trials.Select(t => $"{t.Format}: {t.Note}")) + ".");
            }

            return new PictureRender
            {
                Bitmap = best.Value.Bitmap,
                Format = best.Value.Format,
                Error = best.Value.Error,
                Trials = trials,
                Reason = Reason(options, best.Value.Format, best.Value.Bitmap.Palette.Length, best.Value.Error, trials),
            };
        }

        private static IEnumerable<(PixelFormat Format, int Colours)> Candidates(PictureColours colours) => colours switch
        {
            PictureColours.Two => new[] { (PixelFormat.Mono1, 2) },
            PictureColours.Four => new[] { (PixelFormat.Palette2, 4) },
            PictureColours.Sixteen => new[] { (PixelFormat.Palette4, 16) },
            PictureColours.Rgb => new[] { (PixelFormat.Rgb888, Quantiser.MaxRgbColours) },
            PictureColours.Auto => new[] { (PixelFormat.Mono1, 2), (PixelFormat.Palette2, 4), (PixelFormat.Palette4, 16), (PixelFormat.Rgb888, Quantiser.MaxRgbColours) },
            _ => throw new ArgumentOutOfRangeException(nameof(colours), colours, "Unknown colour choice."),
        };

        private static string Reason(PictureOptions options, PixelFormat format, int colours, double error, List<FormatTrial> trials)
        {
            string others = string.Join(", ", trials.Where(t => t.Format != format || !t.Tried)
                .Select(t => t.Tried ? $"{t.Format} {F(t.Error)}" : $"{t.Format} not possible: {t.Note}"));
            string rest = others.Length == 0 ? string.Empty : "; " + others;
            string what = $"{format} ({colours} colours)";
            if (options.Colours != PictureColours.Auto)
            {
                return $"{what}: as asked (error {F(error)}{rest})";
            }

            return error <= options.MaxError
                ? $"{what}: the smallest format within the error target {F(options.MaxError)} (error {F(error)}{rest})"
                : $"{what}: no format reaches the error target {F(options.MaxError)}; this one comes closest (error {F(error)}{rest})";
        }

        private static string F(double value) => value.ToString("0.0", CultureInfo.InvariantCulture);

        private static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
    }
}
