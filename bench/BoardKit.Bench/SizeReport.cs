using System;
using System.Diagnostics;
using System.IO;
using System.IO.Compression;
using BoardKit.Firmware.Core.Wire;
using BoardKit.Gateway.Fonts;
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
            long before = GC.GetTotalMemory(forceFullCollection: true);
            var stopwatch = Stopwatch.StartNew();
            UnifontHexFont font = UnifontHexFont.Load();
            stopwatch.Stop();
            long after = GC.GetTotalMemory(forceFullCollection: true);
            Console.WriteLine($"Unifont: {font.GlyphCount} glyphs indexed in {stopwatch.ElapsedMilliseconds} ms (one cold load); " +
                              $"managed heap held after load: {(after - before) / 1024.0 / 1024.0:F1} MiB.");
            GC.KeepAlive(font);
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
