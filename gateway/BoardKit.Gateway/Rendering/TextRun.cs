namespace BoardKit.Gateway.Rendering
{
    /// <summary>A piece of text in one colour.</summary>
    /// <param name="Text">The text; may contain line breaks.</param>
    /// <param name="Color">Colour as 0xRRGGBB, or null for the bulletin level's text colour.</param>
    public sealed record TextRun(string Text, uint? Color = null);
}
