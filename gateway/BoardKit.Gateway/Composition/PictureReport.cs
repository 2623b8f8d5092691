namespace BoardKit.Gateway.Composition
{
    /// <summary>What became of the picture in a composed frame, for the editor.</summary>
    /// <param name="Description">What was drawn and how large, e.g. "image 4000x3000 Jpeg, fit into 64x32 px",
    /// "pictogram flood, 32-px drawing at 32x32 px", "QR code version 2 (M), 33x33 LEDs".</param>
    /// <param name="FormatReason">How its colours were chosen and why (for an image, the format choice of
    /// <see cref="Imaging.PictureRender.Reason"/>).</param>
    public sealed record PictureReport(string Description, string FormatReason);
}
