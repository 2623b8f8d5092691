using System;

namespace BoardKit.Gateway.Imaging
{
    /// <summary>A picture in linear light: R, G, B per pixel, 0 (off) to 1 (full), row-major from the top-left. What the
    /// scaler produces and the quantiser consumes.</summary>
    public sealed class LinearImage
    {
        /// <summary>A black picture of <paramref name="width"/> x <paramref name="height"/> px (each 1 or more).</summary>
        public LinearImage(int width, int height)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
            ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
            Width = width;
            Height = height;
            Values = new float[checked(width * height * 3)];
        }

        /// <summary>Width, px.</summary>
        public int Width { get; }

        /// <summary>Height, px.</summary>
        public int Height { get; }

        /// <summary>R, G, B of each pixel: pixel (x, y)'s R at <c>(y * Width + x) * 3</c>. Owned by this picture.</summary>
        public float[] Values { get; }

        /// <summary>Light of channel <paramref name="channel"/> (0 R, 1 G, 2 B) of pixel (x, y).</summary>
        public float this[int x, int y, int channel]
        {
            get => Values[(((y * Width) + x) * 3) + channel];
            set => Values[(((y * Width) + x) * 3) + channel] = value;
        }
    }
}
