namespace BoardKit.Firmware.Core.Led
{
    /// <summary>
    /// Gamma and brightness in one 256-entry table: Levels[v] = floor(gamma[v] x brightness / 255), the byte an LED
    /// channel is sent for a panel byte v. Truncation keeps every output at or below the exact product, which
    /// <see cref="PowerBudget"/>'s estimate relies on. Brightness 255 gives the gamma table itself, 0 gives all zeros.
    /// Rebuilt (256 multiplications) only when the brightness changes. 256 bytes, owned here.
    /// </summary>
    public sealed class LevelLookup
    {
        private readonly byte[] _gamma;

        /// <summary>A lookup over <paramref name="gamma"/> (the table is shared, not copied), built for brightness 255.</summary>
        public LevelLookup(GammaTable gamma)
        {
            _gamma = gamma.Levels;
            Levels = new byte[256];
            Brightness = -1;
            SetBrightness(255);
        }

        /// <summary>Brightness the table is built for, 0..255.</summary>
        public int Brightness { get; private set; }

        /// <summary>Output byte for each panel byte 0..255 at <see cref="Brightness"/>. Read it, never write it.</summary>
        public byte[] Levels { get; private set; }

        /// <summary>
        /// Rebuilds the table for <paramref name="brightness"/> (clamped to 0..255) unless it is already built for it.
        /// Returns true when it rebuilt. Allocates nothing.
        /// </summary>
        public bool SetBrightness(int brightness)
        {
            int b = brightness < 0 ? 0 : (brightness > 255 ? 255 : brightness);
            if (b == Brightness)
            {
                return false;
            }

            for (int v = 0; v < 256; v++)
            {
                Levels[v] = (byte)(_gamma[v] * b / 255);
            }

            Brightness = b;
            return true;
        }
    }
}
