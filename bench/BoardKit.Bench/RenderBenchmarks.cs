using BenchmarkDotNet.Attributes;
using BoardKit.Gateway.Fonts;
using BoardKit.Gateway.Rendering;
using BoardKit.Gateway.Text;

namespace BoardKit.Bench
{
    /// <summary>Text to frames with Unifont: one static panel, a page of two lines, and a long scroll strip.</summary>
    [MemoryDiagnoser]
    [ShortRunJob]
    public class RenderBenchmarks
    {
        private const string PanelText = "Nậm Khao"; // exactly 64 px wide in Unifont (8 cells of 8 px)

        /// <summary>Warms the font caches so the benchmarks time rendering, not first-use glyph decoding.</summary>
        [GlobalSetup]
        public void Setup()
        {
            SampleContent.Render(128, 16, RenderMode.Scroll, SampleContent.Bulletin);
        }

        /// <summary>One 64x16 static frame (a commune name).</summary>
        [Benchmark]
        public RenderResult Static64x16() => SampleContent.Render(64, 16, RenderMode.Static, PanelText);

        /// <summary>The whole bulletin paged for 128x32 (two 16-px lines per page).</summary>
        [Benchmark]
        public RenderResult Pages128x32() => SampleContent.Render(128, 32, RenderMode.Pages, SampleContent.Bulletin);

        /// <summary>The whole bulletin (~230 characters) as one scroll strip for a 64x16 panel.</summary>
        [Benchmark]
        public RenderResult ScrollStrip64x16() => SampleContent.Render(64, 16, RenderMode.Scroll, SampleContent.Bulletin);

        /// <summary>Shaping alone: NFC, grapheme clusters, glyph lookup and mark stacking for the bulletin.</summary>
        [Benchmark]
        public ShapedText ShapeBulletin() => new TextShaper(SampleContent.Fonts.ForLineHeight(16)).Shape(SampleContent.Bulletin);
    }

    /// <summary>Cold start: indexing the whole of Debian's unifont.hex.</summary>
    [MemoryDiagnoser]
    [ShortRunJob]
    public class FontLoadBenchmarks
    {
        /// <summary>Load and index /usr/share/unifont/unifont.hex (glyphs decode lazily on first use).</summary>
        [Benchmark]
        public int LoadUnifont() => UnifontHexFont.Load().GlyphCount;
    }
}
