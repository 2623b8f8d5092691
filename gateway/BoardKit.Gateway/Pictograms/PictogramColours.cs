using System;

namespace BoardKit.Gateway.Pictograms
{
    /// <summary>The key of the pictogram drawings: one character per LED.</summary>
    public static class PictogramColours
    {
        /// <summary>The colour 0xRRGGBB of <paramref name="key"/>: '.' off (black), 'R' red #FF0000 (the emergency
        /// colour), 'A' amber #FFA000 (the normal text colour), 'Y' yellow #FFFF00, 'W' white #FFFFFF, 'B' blue #0080FF.</summary>
        /// <exception cref="ArgumentException">Not one of these characters.</exception>
        public static uint Of(char key) => key switch
        {
            '.' => 0x000000,
            'R' => 0xFF0000,
            'A' => 0xFFA000,
            'Y' => 0xFFFF00,
            'W' => 0xFFFFFF,
            'B' => 0x0080FF,
            _ => throw new ArgumentException($"'{key}' is not a pictogram colour key.", nameof(key)),
        };
    }
}
