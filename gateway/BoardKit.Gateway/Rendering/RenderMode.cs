namespace BoardKit.Gateway.Rendering
{
    /// <summary>How text is laid out on a panel.</summary>
    public enum RenderMode
    {
        /// <summary>One frame; the text (hard line breaks only, no wrapping) must fit the panel or it is refused.</summary>
        Static = 0,

        /// <summary>One strip as tall as the panel: a lead-in gap and then the text on one line. The board scrolls it.</summary>
        Scroll = 1,

        /// <summary>Word-wrapped into as many panel-sized frames as needed, as many lines per frame as fit.</summary>
        Pages = 2,
    }
}
