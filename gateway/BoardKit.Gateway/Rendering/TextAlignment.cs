namespace BoardKit.Gateway.Rendering
{
    /// <summary>Horizontal placement of each line inside the panel. Lines are always centred vertically.</summary>
    public enum TextAlignment
    {
        /// <summary>Lines start at the left edge.</summary>
        Left = 0,

        /// <summary>Lines are centred; an odd spare pixel goes to the right.</summary>
        Center = 1,

        /// <summary>Lines end at the right edge.</summary>
        Right = 2,
    }
}
