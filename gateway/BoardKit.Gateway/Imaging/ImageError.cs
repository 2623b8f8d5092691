namespace BoardKit.Gateway.Imaging
{
    /// <summary>Why a picture file was refused (<see cref="ImageDecodeException.Error"/>).</summary>
    public enum ImageError
    {
        /// <summary>The file is larger than <see cref="ImageLimits.MaxFileBytes"/>; refused by its length, unread.</summary>
        FileTooLarge = 1,

        /// <summary>The header declares more pixels than <see cref="ImageLimits.MaxPixels"/>; refused before decoding.</summary>
        TooManyPixels = 2,

        /// <summary>The header declares a side longer than <see cref="ImageLimits.MaxSide"/>; refused before decoding.</summary>
        SideTooLong = 3,

        /// <summary>The file is empty.</summary>
        Empty = 4,

        /// <summary>Not a picture format the gateway reads (PNG, JPEG, WebP, GIF, BMP), or a header too damaged to tell.</summary>
        UnknownFormat = 5,

        /// <summary>The file ends before the picture does (a cut-off upload).</summary>
        Truncated = 6,

        /// <summary>The picture data is damaged or not what its header says.</summary>
        Corrupt = 7,
    }
}
