using System;
using System.Diagnostics;
using System.IO;
using System.IO.Compression;
using BoardKit.Firmware.Core.Wire;
using BoardKit.Gateway.Fonts;
using BoardKit.Gateway.Imaging;
using BoardKit.Gateway.Publishing;
using BoardKit.Gateway.Rendering;

namespace BoardKit.Bench
{
    /// <summary>
    /// Sizes and memory that are measurements, not timings: wire size of text frames against raw RGB888 and Deflate,
    /// and what Unifont costs to hold. Printed as Markdown for docs/benchmarks.md (bench/run sizes).
    /// </summary>
    public static class SizeReport
    {
        /// <summary>Prints the report to standard output.</summary>
        public static void Print()
        {
            Console.WriteLine("| panel | LEDs lit | raw RGB888 | packed (Mono1) | BoardKit wire frame | ratio vs RGB888 | Deflate of RGB888 | Deflate of packed |");
            Console.WriteLine("|---|---|---|---|---|---|---|---|");
            foreach ((int w, int h) in new[] { (64, 16), (128, 32) })
            {
                IndexedBitmap frame = SampleContent.TextFrame(w, h);
                PackedFrame packed = FramePacker.Pack(frame);
                var wire = new byte[WireLimits.MaxMessageBytes];
                int wireLength = FrameCodec.Encode(packed.Header, packed.Pixels, packed.Pixels.Length, wire, 0, allowCompression: true);
                byte[] rgb = FramePacker.Pack(frame, PixelFormat.Rgb888).Pixels;

                Console.WriteLine(
                    $"| {w}x{h} | {SampleContent.LitFraction(frame):P0} | {rgb.Length} B | {packed.Pixels.Length} B | {wireLength} B | " +
                    $"{(double)rgb.Length / wireLength:F1}x | {Deflate(rgb)} B | {Deflate(packed.Pixels)} B |");
            }

            RenderResult pages = SampleContent.Render(128, 32, RenderMode.Pages, SampleContent.Bulletin);
            var builder = new MessageBuilder(new byte[BoardId.HashSize], 1, new byte[32]);
            int programLength = ProgramComposer.ComposeProgram(builder, new[] { new BulletinItem(pages) }, 1, 0);
            Console.WriteLine();
            Console.WriteLine($"The whole bulletin as a signed program for 128x32 ({pages.Frames.Count} pages): {programLength} B " +
                              $"(limit {WireLimits.MaxProgramBytes} B; raw RGB888 of the pages: {pages.Frames.Count * 128 * 32 * 3} B).");

            Console.WriteLine();
            PrintPictures();

            Console.WriteLine();
            long before = GC.GetTotalMemory(forceFullCollection: true);
            var stopwatch = Stopwatch.StartNew();
            UnifontHexFont font = UnifontHexFont.Load();
            stopwatch.Stop();
            long after = GC.GetTotalMemory(forceFullCollection: true);
            Console.WriteLine($"Unifont: {font.GlyphCount} glyphs indexed in {stopwatch.ElapsedMilliseconds} ms (one cold load); " +
                              $"managed heap held after load: {(after - before) / 1024.0 / 1024.0:F1} MiB.");
            GC.KeepAlive(font);
        }

        /// <summary>A picture frame per format against raw RGB888 and Deflate, and the time of decode + scale + quantise
        /// of a 12-megapixel JPEG (median of 5 runs after one warm-up; Stopwatch, not BenchmarkDotNet).</summary>
        private static void PrintPictures()
        {
            byte[] jpeg = SamplePictures.Jpeg12Mp();
            Console.WriteLine($"12-megapixel JPEG (4000x3000, quality 85): {jpeg.Length:N0} B.");
            Console.WriteLine();
            Console.WriteLine("| panel | decode | decode + scale + quantise (auto) | chosen | error |");
            Console.WriteLine("|---|---|---|---|---|");
            foreach ((int w, int h) in new[] { (64, 32), (128, 64) })
            {
                double decode = Median(() => ImageDecoder.Decode(jpeg));
                PictureRender? render = null;
                double all = Median(() => render = PictureRenderer.Render(ImageDecoder.Decode(jpeg), w, h));
                Console.WriteLine($"| {w}x{h} | {decode:F0} ms | {all:F0} ms | {render!.Format} ({render.Bitmap.Palette.Length} colours) | {render.Error:F1} |");
            }

            Console.WriteLine();
            Console.WriteLine("| panel | format | dither | raw RGB888 | packed | wire frame (run-length) | Deflate of RGB888 | Deflate of packed | error |");
            Console.WriteLine("|---|---|---|---|---|---|---|---|---|");
            DecodedImage photo = ImageDecoder.Decode(SamplePictures.Jpeg(1280, 960));
            foreach ((int w, int h) in new[] { (64, 32), (128, 64) })
            {
                foreach (PictureColours colours in new[] { PictureColours.Two, PictureColours.Four, PictureColours.Sixteen, PictureColours.Rgb })
                {
                    foreach (DitherMode dither in new[] { DitherMode.None, DitherMode.Diffusion })
                    {
                        if (colours == PictureColours.Rgb && (long)w * h * 3 > WireLimits.MaxFrameRawBytes)
                        {
                            continue;
                        }

                        PictureRender r = PictureRenderer.Render(photo, w, h, new PictureOptions { Colours = colours, Dither = dither });
                        PackedFrame packed = FramePacker.Pack(r.Bitmap);
                        var wire = new byte[WireLimits.MaxMessageBytes + 64];
                        int wireLength = FrameCodec.Encode(packed.Header, packed.Pixels, packed.Pixels.Length, wire, 0, allowCompression: true);
                        byte[] rgb = FramePacker.Pack(r.Bitmap, PixelFormat.Rgb888).Pixels;
                        Console.WriteLine($"| {w}x{h} | {r.Format} | {dither.ToString().ToLowerInvariant()} | {rgb.Length:N0} B | {packed.Pixels.Length:N0} B | {wireLength:N0} B | " +
                                          $"{Deflate(rgb):N0} B | {Deflate(packed.Pixels):N0} B | {r.Error:F1} |");
                    }
                }
            }
        }

        private static double Median(Action action)
        {
            action();
            var times = new double[5];
            for (int i = 0; i < times.Length; i++)
            {
                var stopwatch = Stopwatch.StartNew();
                action();
                times[i] = stopwatch.Elapsed.TotalMilliseconds;
            }

            Array.Sort(times);
            return times[2];
        }

        private static int Deflate(byte[] data)
        {
            using var output = new MemoryStream();
            using (var deflate = new DeflateStream(output, CompressionLevel.SmallestSize, leaveOpen: true))
            {
                deflate.Write(data, 0, data.Length);
            }

            return (int)output.Length;
        }
    }
}
