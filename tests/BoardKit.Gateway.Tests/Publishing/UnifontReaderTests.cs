using BoardKit.Gateway.Rendering;
using BoardKit.Gateway.Tests.Fonts;
using BoardKit.Gateway.Text;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace BoardKit.Gateway.Tests.Publishing
{
    /// <summary>The round-trip tests' reader must be able to fail: it reads what is drawn and nothing else.</summary>
    [TestClass]
    public sealed class UnifontReaderTests
    {
        private const string Text = "Mù Cả 口岸";

        private static IndexedBitmap Drawn(string text) => TextRenderer.Render(new RenderRequest
        {
            Text = text,
            PanelWidth = UnifontReader.WidthOf(text, 1),
            PanelHeight = 16,
            Shaper = new TextShaper(InstalledFonts.Line16),
        }).Frames[0];

        [TestMethod]
        public void ReadLine_RenderedText_ReadsItBack()
        {
            Assert.AreEqual(Text, new UnifontReader(Text, 1).ReadLine(Drawn(Text), 0, 0));
        }

        [TestMethod]
        public void ReadLine_OnePixelChanged_DoesNotRead()
        {
            IndexedBitmap frame = Drawn(Text);
            frame[3, 8] = (byte)(frame[3, 8] == 0 ? 1 : 0);

            Assert.IsNull(new UnifontReader(Text, 1).ReadLine(frame, 0, 0));
        }

        [TestMethod]
        public void ReadLine_LetterWithOtherMark_ReadsTheOtherLetter()
        {
            // "Mú" draws U+00FA, not U+00F9: a mark that moved or changed is a different character.
            Assert.AreEqual("Mú Cả 口岸", new UnifontReader(Text + "ú", 1).ReadLine(Drawn("Mú Cả 口岸"), 0, 0));
        }
    }
}
