namespace BoardKit.Gateway.Imaging
{
    /// <summary>How a picture's light is spread over the few colours of a palette (<see cref="Quantiser"/>).</summary>
    public enum DitherMode
    {
        /// <summary>Each pixel takes its nearest palette colour: flat areas, hard steps; best for drawings and text.</summary>
        None = 0,

        /// <summary>An 8x8 Bayer pattern mixes the two nearest colours in the right proportion of light: a regular
        /// texture that does not crawl when the picture changes.</summary>
        Ordered = 1,

        /// <summary>Floyd–Steinberg error diffusion in linear light, serpentine: the finest shading; the default for photos.</summary>
        Diffusion = 2,
    }
}
