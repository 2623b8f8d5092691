using System;
using System.Collections.Generic;
using BoardKit.Gateway.Fonts;

namespace BoardKit.Gateway.Text
{
    /// <summary>Checks, before publishing, that a font set can draw every character of a text.</summary>
    public static class Coverage
    {
        /// <summary>
        /// Shapes <paramref name="text"/> with <paramref name="set"/> and returns what cannot be drawn, each with its code
        /// point, Unicode name, line, column and reason; empty when the text can be published. Never throws for any text.
        /// </summary>
        public static IReadOnlyList<MissingCharacter> Check(string text, FontSet set)
        {
            ArgumentNullException.ThrowIfNull(set);
            return new TextShaper(set).Shape(text).Missing;
        }
    }
}
