using System;
using System.Diagnostics.CodeAnalysis;
using BoardKit.Gateway.Fonts;

namespace BoardKit.Gateway.Tests.Text
{
    /// <summary>A font that pretends not to have some code points, to force the shaper to compose from marks.</summary>
    internal sealed class HidingFont : IFont
    {
        private readonly IFont inner;
        private readonly Func<int, bool> hide;

        public HidingFont(IFont inner, Func<int, bool> hide)
        {
            this.inner = inner;
            this.hide = hide;
        }

        public string Name => inner.Name + " (filtered)";

        public int Ascent => inner.Ascent;

        public int Descent => inner.Descent;

        public bool TryGetGlyph(int codePoint, [NotNullWhen(true)] out Glyph? glyph)
        {
            glyph = null;
            return !hide(codePoint) && inner.TryGetGlyph(codePoint, out glyph);
        }
    }
}
