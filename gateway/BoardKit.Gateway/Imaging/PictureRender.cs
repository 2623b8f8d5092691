using System;
using System.Collections.Generic;
using BoardKit.Firmware.Core.Wire;
using BoardKit.Gateway.Rendering;

namespace BoardKit.Gateway.Imaging
{
    /// <summary>A picture made for an area of a panel: the bitmap, the wire format it needs, and why that format.</summary>
    public sealed class PictureRender
    {
        /// <summary>The picture, area-sized; palette entry 0 is black, the fixed colours follow.</summary>
        public required IndexedBitmap Bitmap { get; init; }

        /// <summary>The wire format its palette needs (<see cref="RenderResult.SmallestFormat"/>).</summary>
        public required PixelFormat Format { get; init; }

        /// <summary>Its <see cref="Fidelity"/> error against the area-averaged picture (0–255).</summary>
        public required double Error { get; init; }

        /// <summary>Every format considered, smallest first.</summary>
        public IReadOnlyList<FormatTrial> Trials { get; init; } = Array.Empty<FormatTrial>();

        /// <summary>Why this format, for the editor, e.g. "Palette2 (4 colours): the smallest format within the error
        /// target 8.0 (error 5.1; Mono1 11.9)".</summary>
        public required string Reason { get; init; }
    }
}
