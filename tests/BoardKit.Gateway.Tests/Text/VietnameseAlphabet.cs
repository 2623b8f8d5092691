using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace BoardKit.Gateway.Tests.Text
{
    /// <summary>
    /// The Vietnamese letters with diacritics, built from the alphabet rather than copied from a table:
    /// 12 vowels (a ă â e ê i o ô ơ u ư y) × 6 tones (none, grave, acute, hook above, tilde, dot below) = 72 per case;
    /// the 6 plain vowels a e i o u y are ASCII, leaving 66; plus đ = 67 per case, 134 upper and lower.
    /// </summary>
    internal static class VietnameseAlphabet
    {
        private static readonly string[] Vowels = { "a", "a\u0306", "a\u0302", "e", "e\u0302", "i", "o", "o\u0302", "o\u031B", "u", "u\u031B", "y" };

        private static readonly string[] Tones = { string.Empty, "\u0300", "\u0301", "\u0309", "\u0303", "\u0323" };

        /// <summary>All 134 letters in NFC (each one precomposed code point).</summary>
        public static IReadOnlyList<string> Letters { get; } = Build();

        private static List<string> Build()
        {
            var lower = new List<string>();
            foreach (string vowel in Vowels)
            {
                foreach (string tone in Tones)
                {
                    string letter = (vowel + tone).Normalize(NormalizationForm.FormC);
                    if (letter.Length == 1 && letter[0] < 0x80)
                    {
                        continue; // plain a e i o u y
                    }

                    lower.Add(letter);
                }
            }

            lower.Add("\u0111"); // đ
            return lower.Concat(lower.Select(l => l.ToUpperInvariant())).ToList();
        }
    }
}
