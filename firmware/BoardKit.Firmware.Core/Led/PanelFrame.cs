namespace BoardKit.Firmware.Core.Led
{
    /// <summary>
    /// The logical panel as the player draws it: <see cref="Width"/> x <see cref="Height"/> pixels, row-major from the
    /// top-left, 3 bytes per pixel in R, G, B order, full scale (no gamma, no brightness: those belong to the LED
    /// output stage). Allocated once at start-up and redrawn in place for every frame.
    /// </summary>
    public sealed class PanelFrame
    {
        /// <summary>Bytes per pixel: R, G, B.</summary>
        public const int BytesPerPixel = 3;

        /// <summary>Creates a black panel of <paramref name="width"/> x <paramref name="height"/> pixels (each 1..512).</summary>
        /// <exception cref="System.ArgumentException">A side below 1 or above 512.</exception>
        public PanelFrame(int width, int height)
        {
            if (width < 1 || width > MaxSide || height < 1 || height > MaxSide)
            {
                throw new System.ArgumentException("panel sides must be 1..512 pixels");
            }

            Width = width;
            Height = height;
            Rgb = new byte[width * height * BytesPerPixel];
        }

        /// <summary>Largest panel side, pixels: the widest board face planned (WireLimits.MaxPanelWidth).</summary>
        public const int MaxSide = 512;

        /// <summary>Width in pixels.</summary>
        public int Width { get; private set; }

        /// <summary>Height in pixels.</summary>
        public int Height { get; private set; }

        /// <summary>Pixel (x, y) is at offset (y x Width + x) x 3: R, G, B. Owned by this frame.</summary>
        public byte[] Rgb { get; private set; }

        /// <summary>Sets every pixel to black (LEDs off).</summary>
        public void Clear()
        {
            System.Array.Clear(Rgb, 0, Rgb.Length);
        }

        /// <summary>Sets pixel (x, y), which must be inside the panel, to 0xRRGGBB.</summary>
        public void SetPixel(int x, int y, int rgb)
        {
            int p = ((y * Width) + x) * BytesPerPixel;
            Rgb[p] = (byte)(rgb >> 16);
            Rgb[p + 1] = (byte)(rgb >> 8);
            Rgb[p + 2] = (byte)rgb;
        }

        /// <summary>Pixel (x, y), which must be inside the panel, as 0xRRGGBB.</summary>
        public int GetPixel(int x, int y)
        {
            int p = ((y * Width) + x) * BytesPerPixel;
            return (Rgb[p] << 16) | (Rgb[p + 1] << 8) | Rgb[p + 2];
        }
    }
}
