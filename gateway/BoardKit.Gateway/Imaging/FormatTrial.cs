using BoardKit.Firmware.Core.Wire;

namespace BoardKit.Gateway.Imaging
{
    /// <summary>One wire format tried for a picture, and how it did.</summary>
    /// <param name="Format">The format.</param>
    /// <param name="Colours">Colours it was allowed, black and fixed (text) colours included.</param>
    /// <param name="Error">The <see cref="Fidelity"/> error (0–255); <see cref="double.NaN"/> when not tried.</param>
    /// <param name="Note">Why it was not tried, or null: e.g. the frame would exceed the board's frame buffer.</param>
    public sealed record FormatTrial(PixelFormat Format, int Colours, double Error, string? Note = null)
    {
        /// <summary>True when the format was tried.</summary>
        public bool Tried => Note is null;
    }
}
