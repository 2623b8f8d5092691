namespace BoardKit.Gateway.Rendering
{
    /// <summary>
    /// Where a piece of text starts in the editor's whole bulletin. The publishing splitter renders a long bulletin
    /// piece by piece; with the piece's origin in <see cref="RenderRequest.Origin"/>, every message about the piece
    /// names a line and character of the bulletin the editor wrote, not of the piece.
    /// </summary>
    /// <param name="Line">1-based line of the piece's first character in the bulletin.</param>
    /// <param name="Column">1-based column (user-perceived character) of the piece's first character on that line.</param>
    public sealed record TextOrigin(int Line, int Column)
    {
        /// <summary>The start of a bulletin: line 1, character 1.</summary>
        public static TextOrigin Start { get; } = new(1, 1);
    }
}
