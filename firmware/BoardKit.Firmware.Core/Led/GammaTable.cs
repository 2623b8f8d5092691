namespace BoardKit.Firmware.Core.Led
{
    /// <summary>
    /// The 256-entry gamma curve applied to every colour byte before brightness: Levels[v] = floor(255 x (v / 255)^gamma
    /// + 0.5), i.e. rounded half up. The LED's PWM is linear in its byte while the eye is not; gamma &gt; 1 spends more
    /// of the 256 steps on dark shades. Gamma 1.0 is the identity. Built once at start-up (config "gamma" in
    /// board.json); 256 bytes. With gamma 2.2, input values 1..8 map to 0: very dark shades turn off, as with any
    /// 8-bit gamma table.
    /// </summary>
    public sealed class GammaTable
    {
        /// <summary>Smallest gamma accepted.</summary>
        public const double MinGamma = 0.5;

        /// <summary>Largest gamma accepted (2.8 is a common LED choice; beyond 4 most shades are off).</summary>
        public const double MaxGamma = 4.0;

        /// <summary>Builds the table for <paramref name="gamma"/> (<see cref="MinGamma"/>..<see cref="MaxGamma"/>).</summary>
        /// <exception cref="System.ArgumentException">gamma outside the range, or NaN.</exception>
        public GammaTable(double gamma)
        {
            if (!(gamma >= MinGamma && gamma <= MaxGamma))
            {
                throw new System.ArgumentException("gamma must be 0.5..4.0");
            }

            Gamma = gamma;
            Levels = new byte[256];
            for (int v = 0; v < 256; v++)
            {
                double level = (255.0 * UnitPower.Pow(v / 255.0, gamma)) + 0.5;
                Levels[v] = (byte)(int)level;
            }
        }

        /// <summary>The gamma value the table was built for.</summary>
        public double Gamma { get; private set; }

        /// <summary>Output level 0..255 for each input byte 0..255. Owned by this table: read it, never write it.</summary>
        public byte[] Levels { get; private set; }
    }
}
