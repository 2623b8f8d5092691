namespace BoardKit.Gateway.Imaging
{
    /// <summary>How a picture is placed in the area it gets on the panel.</summary>
    public enum ImageFit
    {
        /// <summary>The whole picture, as large as fits with its proportions kept, centred; the rest of the area is black
        /// (LEDs off). The default.</summary>
        Fit = 0,

        /// <summary>The whole picture stretched to the whole area; proportions change when they differ.</summary>
        Fill = 1,

        /// <summary>The area filled with proportions kept: the picture is scaled to cover it and its centre is kept,
        /// cutting what sticks out on two sides.</summary>
        Crop = 2,
    }
}
