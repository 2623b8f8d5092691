using System;

namespace BoardKit.Gateway.Imaging
{
    /// <summary>
    /// Where a picture goes: the part of the source that is shown (in source pixels, fractional) and the rectangle of
    /// the target area it fills (whole pixels). Computed by <see cref="Place"/> for an <see cref="ImageFit"/>.
    /// </summary>
    /// <param name="SourceX">Left of the shown part, source px (0 or more).</param>
    /// <param name="SourceY">Top of the shown part, source px.</param>
    /// <param name="SourceWidth">Width of the shown part, source px (more than 0).</param>
    /// <param name="SourceHeight">Height of the shown part, source px.</param>
    /// <param name="DestX">Left of the filled rectangle in the target area, px.</param>
    /// <param name="DestY">Top of the filled rectangle, px.</param>
    /// <param name="DestWidth">Width of the filled rectangle, px (1 or more).</param>
    /// <param name="DestHeight">Height of the filled rectangle, px (1 or more).</param>
    public sealed record FitGeometry(
        double SourceX, double SourceY, double SourceWidth, double SourceHeight, int DestX, int DestY, int DestWidth, int DestHeight)
    {
        /// <summary>
        /// Places a <paramref name="sourceWidth"/> x <paramref name="sourceHeight"/> picture in a
        /// <paramref name="areaWidth"/> x <paramref name="areaHeight"/> area:
        /// <list type="bullet">
        /// <item>Fit: scale s = min(aw/sw, ah/sh); filled rectangle round(sw·s) x round(sh·s) (at least 1 px), centred
        /// (left = floor((aw − w) / 2), likewise top); the whole source.</item>
        /// <item>Fill: the whole source onto the whole area.</item>
        /// <item>Crop: s = max(aw/sw, ah/sh); the shown part is aw/s x ah/s source px, centred in the source; the whole area.</item>
        /// </list>
        /// </summary>
        public static FitGeometry Place(int sourceWidth, int sourceHeight, int areaWidth, int areaHeight, ImageFit fit)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(sourceWidth, 1);
            ArgumentOutOfRangeException.ThrowIfLessThan(sourceHeight, 1);
            ArgumentOutOfRangeException.ThrowIfLessThan(areaWidth, 1);
            ArgumentOutOfRangeException.ThrowIfLessThan(areaHeight, 1);
            double sx = (double)areaWidth / sourceWidth;
            double sy = (double)areaHeight / sourceHeight;
            switch (fit)
            {
                case ImageFit.Fill:
                    return new FitGeometry(0, 0, sourceWidth, sourceHeight, 0, 0, areaWidth, areaHeight);
                case ImageFit.Crop:
                {
                    double s = Math.Max(sx, sy);
                    double w = Math.Min(sourceWidth, areaWidth / s);
                    double h = Math.Min(sourceHeight, areaHeight / s);
                    return new FitGeometry((sourceWidth - w) / 2, (sourceHeight - h) / 2, w, h, 0, 0, areaWidth, areaHeight);
                }

                case ImageFit.Fit:
                {
                    double s = Math.Min(sx, sy);
                    int w = Math.Clamp((int)Math.Round(sourceWidth * s, MidpointRounding.AwayFromZero), 1, areaWidth);
                    int h = Math.Clamp((int)Math.Round(sourceHeight * s, MidpointRounding.AwayFromZero), 1, areaHeight);
                    return new FitGeometry(0, 0, sourceWidth, sourceHeight, (areaWidth - w) / 2, (areaHeight - h) / 2, w, h);
                }

                default:
                    throw new ArgumentOutOfRangeException(nameof(fit), fit, "Unknown fit.");
            }
        }
    }
}
