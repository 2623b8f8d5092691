using System;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using BoardKit.Gateway.Fonts;
using FsCheck;
using FsCheck.Fluent;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace BoardKit.Gateway.Tests.Fonts
{
    [TestClass]
    public sealed class FontParserPropertyTests
    {
        private static readonly string GoodBdf = BdfFontTests.BdfText(new[]
        {
            (0x41, 6, 0, 0, new[] { ".##..", "#..#.", "####.", "#..#.", "#..#." }),
            (0x1EA0, 9, 1, -1, new[] { "#.......#", ".#.....#.", "..#####..", "....#...." }),
        });

        private static readonly string GoodHex = "0041:0000000018242442427E424242420000\n4E00:0000000000000000000000000000FFFE00000000000000000000000000000000\n";

        [TestMethod]
        public void BdfParse_RandomBytes_ParsesOrThrowsFontFormatException()
        {
            Prop.ForAll(ArbMap.Default.ArbFor<byte[]>(), bytes => ParsesOrRejects(() => BdfFont.Parse(Encoding.Latin1.GetString(bytes), "fuzz.bdf")))
                .QuickCheckThrowOnFailure();
        }

        [TestMethod]
        public void BdfParse_MutatedValidFont_ParsesOrThrowsFontFormatException()
        {
            Prop.ForAll(Mutations(GoodBdf), text => ParsesOrRejects(() => BdfFont.Parse(text, "fuzz.bdf")))
                .QuickCheckThrowOnFailure();
        }

        [TestMethod]
        public void HexParse_RandomBytes_ParsesOrThrowsFontFormatException()
        {
            Prop.ForAll(ArbMap.Default.ArbFor<byte[]>(), bytes => ParsesOrRejects(() => UnifontHexFont.Parse(bytes, "fuzz.hex", null)))
                .QuickCheckThrowOnFailure();
        }

        [TestMethod]
        public void HexParse_MutatedValidFont_ParsesOrThrowsFontFormatException()
        {
            Prop.ForAll(Mutations(GoodHex), text => ParsesOrRejects(() =>
            {
                UnifontHexFont font = UnifontHexFont.Parse(Encoding.Latin1.GetBytes(text), "fuzz.hex", "0041:-8\n");
                foreach (int code in font.CodePoints)
                {
                    font.TryGetGlyph(code, out _);
                }

                return font;
            })).QuickCheckThrowOnFailure();
        }

        /// <summary>Random edits of a valid file: replace, insert or delete characters at random places, with characters
        /// that matter to the grammar (digits, hex, signs, separators, keywords).</summary>
        private static Arbitrary<string> Mutations(string valid)
        {
            const string alphabet = "0123456789ABCDEFZ-+: \n\r\t";
            string[] keywords = { "STARTCHAR x\n", "ENDCHAR\n", "BITMAP\n", "BBX 999 999 0 0\n", "ENCODING -1\n", "ENDFONT\n", "STARTPROPERTIES 2\n", "ENDPROPERTIES\n", "\n", ":" };
            Gen<Func<string, string>> edit = Gen.OneOf(
                Gen.Zip(Gen.Choose(0, valid.Length), Gen.Elements(alphabet.ToCharArray()))
                    .Select(t => (Func<string, string>)(s => s.Length == 0 ? s : s.Remove(Math.Min(t.Item1, s.Length - 1), 1).Insert(Math.Min(t.Item1, s.Length - 1), t.Item2.ToString()))),
                Gen.Zip(Gen.Choose(0, valid.Length), Gen.Elements(keywords))
                    .Select(t => (Func<string, string>)(s => s.Insert(Math.Min(t.Item1, s.Length), t.Item2))),
                Gen.Zip(Gen.Choose(0, valid.Length), Gen.Choose(1, 40))
                    .Select(t => (Func<string, string>)(s => t.Item1 >= s.Length ? s : s.Remove(t.Item1, Math.Min(t.Item2, s.Length - t.Item1)))));
            return Arb.From(Gen.ListOf(edit).Select(edits => edits.Aggregate(valid, (s, f) => f(s))));
        }

        private static bool ParsesOrRejects(Func<object> parse)
        {
            Task<Exception?> run = Task.Run(() =>
            {
                try
                {
                    parse();
                    return (Exception?)null;
                }
                catch (FontFormatException)
                {
                    return null;
                }
                catch (Exception e)
                {
                    return e;
                }
            });
            if (!run.Wait(TimeSpan.FromSeconds(10)))
            {
                throw new AssertFailedException("parser did not finish within 10 s");
            }

            if (run.Result is not null)
            {
                throw new AssertFailedException($"parser threw {run.Result.GetType().Name}: {run.Result.Message}", run.Result);
            }

            return true;
        }
    }
}
