using System.Text;
using BoardKit.Gateway.Rendering;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace BoardKit.Gateway.Tests.Rendering
{
    /// <summary>Bitmaps as ASCII art: one string per row, '.' = index 0, '1'–'9' and 'A'–'F' = palette index.</summary>
    public static class BitmapArt
    {
        public static string ToArt(IndexedBitmap bitmap)
        {
            var text = new StringBuilder();
            for (int y = 0; y < bitmap.Height; y++)
            {
                for (int x = 0; x < bitmap.Width; x++)
                {
                    byte index = bitmap[x, y];
                    text.Append(index == 0 ? '.' : "0123456789ABCDEF"[index]);
                }

                text.Append('\n');
            }

            return text.ToString();
        }

        public static void AreEqual(IndexedBitmap actual, params string[] expectedRows)
        {
            string expected = string.Join("\n", expectedRows) + "\n";
            Assert.AreEqual(expected, ToArt(actual), "\nexpected:\n" + expected + "actual:\n" + ToArt(actual));
        }
    }
}
