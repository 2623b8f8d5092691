using System;

namespace BoardKit.Gateway.Imaging
{
    /// <summary>A picture file the gateway refuses, with the reason (<see cref="Error"/>) and a message for the editor
    /// that says what was found and what is accepted.</summary>
    public sealed class ImageDecodeException : Exception
    {
        /// <summary>A refusal for <paramref name="error"/> with the editor's <paramref name="message"/>.</summary>
        public ImageDecodeException(ImageError error, string message)
            : base(message)
        {
            Error = error;
        }

        /// <summary>Why the file was refused.</summary>
        public ImageError Error { get; }
    }
}
