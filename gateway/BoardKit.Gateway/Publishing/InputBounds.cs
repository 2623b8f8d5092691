using System;
using System.IO;
using System.Text;
using BoardKit.Gateway.Rendering;

namespace BoardKit.Gateway.Publishing
{
    /// <summary>
    /// Sizes the gateway refuses before doing any work (docs/rendering.md, "Bounds"), so that a pasted book or a wrong
    /// file is refused at once instead of being shaped, rendered and previewed for minutes.
    /// </summary>
    public static class InputBounds
    {
        /// <summary>
        /// Largest bulletin text, in bytes of UTF-8: 16,384 (16 KiB). One board program holds at most about 1,330
        /// characters of Vietnamese (64x16 scroll, ~1.8 KB of UTF-8) and the densest text measured, ASCII in a 12-px font
        /// on a 512x64 board, about 2,960 (docs/benchmarks.md, "Fit check and splitting"); a text five times that cannot
        /// reach a board in any mode, so it is refused before it is shaped. Planning a text at the bound takes a fraction
        /// of a second (docs/benchmarks.md).
        /// </summary>
        public const int MaxTextBytes = 16 * 1024;

        /// <summary>Largest font file accepted from a path (<c>boardkit render --font</c>), in bytes: 16 MiB. Debian's
        /// <c>unifont.hex</c> is 3.7 MB and the largest X11 fixed font under 1 MB. The parsers also bound what a
        /// compressed font may expand to (<c>BdfFont.MaxInputChars</c>).</summary>
        public const long MaxFontFileBytes = 16L * 1024 * 1024;

        /// <summary>The problem with <paramref name="text"/>'s size, or null when it is within <see cref="MaxTextBytes"/>.
        /// Counts UTF-8 bytes without shaping anything.</summary>
        public static FitProblem? CheckText(string text)
        {
            ArgumentNullException.ThrowIfNull(text);
            return TextProblem(Encoding.UTF8.GetByteCount(text), "The text");
        }

        /// <summary>The problem with the size of <paramref name="request"/>'s text or runs (all runs together), or null.</summary>
        public static FitProblem? CheckText(RenderRequest request)
        {
            ArgumentNullException.ThrowIfNull(request);
            long bytes = request.Text is null ? 0 : Encoding.UTF8.GetByteCount(request.Text);
            if (request.Runs is not null)
            {
                foreach (TextRun run in request.Runs)
                {
                    bytes += run?.Text is null ? 0 : Encoding.UTF8.GetByteCount(run.Text);
                }
            }

            return TextProblem(bytes, "The text");
        }

        /// <summary>The problem with the size of the text file <paramref name="file"/>, from its length on disk (nothing is
        /// read), or null when it is within <see cref="MaxTextBytes"/>.</summary>
        /// <exception cref="FileNotFoundException">The file does not exist.</exception>
        public static FitProblem? CheckTextFile(FileInfo file)
        {
            ArgumentNullException.ThrowIfNull(file);
            if (!file.Exists)
            {
                throw new FileNotFoundException($"{file.FullName} does not exist.", file.FullName);
            }

            return TextProblem(file.Length, file.Name);
        }

        /// <summary>Why the font file <paramref name="file"/> is refused by its length on disk (nothing is read), or null
        /// when it is within <see cref="MaxFontFileBytes"/> or does not exist (the font loader reports that).</summary>
        public static string? CheckFontFile(FileInfo file)
        {
            ArgumentNullException.ThrowIfNull(file);
            return file.Exists && file.Length > MaxFontFileBytes
                ? $"{file.Name} is {NumberText.Grouped(file.Length)} bytes; a font file may be at most {NumberText.Grouped(MaxFontFileBytes)} bytes (16 MiB). Nothing was read."
                : null;
        }

        private static FitProblem? TextProblem(long bytes, string what) => bytes <= MaxTextBytes
            ? null
            : new FitProblem(FitLimit.InputSize,
                $"{what} is {NumberText.Grouped(bytes)} bytes of UTF-8; the gateway accepts at most {NumberText.Grouped(MaxTextBytes)} bytes (16 KiB) " +
                $"for one bulletin, far more than a board's program can show: cut at least {NumberText.Grouped(bytes - MaxTextBytes)} bytes. " +
                "Nothing was rendered.")
            {
                Actual = bytes, Maximum = MaxTextBytes, Unit = "bytes",
            };
    }
}
