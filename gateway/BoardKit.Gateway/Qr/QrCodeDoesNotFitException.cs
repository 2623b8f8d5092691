using System;

namespace BoardKit.Gateway.Qr
{
    /// <summary>The panel (or the area left for the code) cannot hold a readable QR code of the URL; the message says
    /// how many LEDs the code needs, how many there are, and how short the URL would have to be.</summary>
    public sealed class QrCodeDoesNotFitException : Exception
    {
        /// <summary>A refusal with the editor's <paramref name="message"/>.</summary>
        public QrCodeDoesNotFitException(string message, int neededSide, int availableSide)
            : base(message)
        {
            NeededSide = neededSide;
            AvailableSide = availableSide;
        }

        /// <summary>LEDs a side the smallest code of the URL needs (quiet zone included); 0 when no QR version holds it.</summary>
        public int NeededSide { get; }

        /// <summary>LEDs a side there are: the smaller of the area's width and height.</summary>
        public int AvailableSide { get; }
    }
}
