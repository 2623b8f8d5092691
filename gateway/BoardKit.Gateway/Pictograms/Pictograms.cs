using System;
using System.Collections.Generic;
using System.Linq;
using BoardKit.Gateway.Rendering;

namespace BoardKit.Gateway.Pictograms
{
    /// <summary>
    /// Draws the pictograms (<see cref="PictogramKind"/>) as LED pixels. Each is drawn by hand twice, 16x16 and 32x32
    /// (<c>PictogramArt16</c>, <c>PictogramArt32</c>), never resampled: for a given height the largest drawing that
    /// fits is used, enlarged by the largest whole factor that still fits (each pixel becomes a k x k block), so a
    /// 64-px panel shows the 32-px drawing at twice its size and a 24-px panel the 16-px one. Thread-safe.
    /// </summary>
    public static class Pictograms
    {
        /// <summary>The smallest drawing, px: a panel or area less tall cannot show a pictogram.</summary>
        public const int MinHeight = 16;

        private static readonly (PictogramKind Kind, string Name, string[] Art16, string[] Art32)[] All =
        {
            (PictogramKind.Flood, "flood", PictogramArt16.Flood, PictogramArt32.Flood),
            (PictogramKind.Landslide, "landslide", PictogramArt16.Landslide, PictogramArt32.Landslide),
            (PictogramKind.Storm, "storm", PictogramArt16.Storm, PictogramArt32.Storm),
            (PictogramKind.Fire, "fire", PictogramArt16.Fire, PictogramArt32.Fire),
            (PictogramKind.Epidemic, "epidemic", PictogramArt16.Epidemic, PictogramArt32.Epidemic),
            (PictogramKind.Warning, "warning", PictogramArt16.Warning, PictogramArt32.Warning),
            (PictogramKind.Information, "information", PictogramArt16.Information, PictogramArt32.Information),
            (PictogramKind.Vaccination, "vaccination", PictogramArt16.Vaccination, PictogramArt32.Vaccination),
            (PictogramKind.Announcement, "announcement", PictogramArt16.Announcement, PictogramArt32.Announcement),
            (PictogramKind.PowerCut, "power-cut", PictogramArt16.PowerCut, PictogramArt32.PowerCut),
        };

        /// <summary>Every pictogram, in the order of <see cref="PictogramKind"/>.</summary>
        public static IReadOnlyList<PictogramKind> Kinds { get; } = All.Select(a => a.Kind).ToArray();

        /// <summary>The command-line names: flood, landslide, storm, fire, epidemic, warning, information, vaccination,
        /// announcement, power-cut.</summary>
        public static IReadOnlyList<string> Names { get; } = All.Select(a => a.Name).ToArray();

        /// <summary>True for the six emergency pictograms (flood to warning).</summary>
        public static bool IsEmergency(PictogramKind kind) => kind <= PictogramKind.Warning;

        /// <summary>The command-line name of <paramref name="kind"/>, e.g. "power-cut".</summary>
        public static string NameOf(PictogramKind kind) => Entry(kind).Name;

        /// <summary>The pictogram named <paramref name="name"/> (case-insensitive), or null.</summary>
        public static PictogramKind? Parse(string name)
        {
            ArgumentNullException.ThrowIfNull(name);
            foreach (var entry in All)
            {
                if (string.Equals(entry.Name, name, StringComparison.OrdinalIgnoreCase))
                {
                    return entry.Kind;
                }
            }

            return null;
        }

        /// <summary>The hand-drawn rows of <paramref name="kind"/> at <paramref name="size"/> (16 or 32) px.</summary>
        public static IReadOnlyList<string> Art(PictogramKind kind, int size) => size switch
        {
            16 => Entry(kind).Art16,
            32 => Entry(kind).Art32,
            _ => throw new ArgumentOutOfRangeException(nameof(size), size, "Pictograms are drawn at 16 and 32 px."),
        };

        /// <summary>
        /// <paramref name="kind"/> as a square bitmap at most <paramref name="maxHeight"/> px tall (16 or more): the
        /// drawing d ∈ {16, 32} and whole factor k ≥ 1 with the largest d·k ≤ maxHeight (on a tie the 32-px drawing).
        /// Palette: black, then the drawing's colours in the order they first appear, row by row.
        /// </summary>
        /// <exception cref="ArgumentException"><paramref name="maxHeight"/> is below <see cref="MinHeight"/>.</exception>
        public static IndexedBitmap Draw(PictogramKind kind, int maxHeight)
        {
            if (maxHeight < MinHeight)
            {
                throw new ArgumentException(
                    $"The {NameOf(kind)} pictogram is drawn for 16 and 32 px; {maxHeight} px is too low to show it (at least {MinHeight} px).",
                    nameof(maxHeight));
            }

            int size = DrawingSize(maxHeight);
            int factor = Math.Min(maxHeight / size, RenderRequest.MaxPanelSide / size);
            IReadOnlyList<string> art = Art(kind, size);
            var colours = new List<uint> { 0x000000 };
            foreach (string row in art)
            {
                foreach (char key in row)
                {
                    uint c = PictogramColours.Of(key);
                    if (!colours.Contains(c))
                    {
                        colours.Add(c);
                    }
                }
            }

            int side = size * factor;
            var bitmap = new IndexedBitmap(side, side, colours.ToArray());
            for (int y = 0; y < side; y++)
            {
                string row = art[y / factor];
                for (int x = 0; x < side; x++)
                {
                    bitmap[x, y] = (byte)colours.IndexOf(PictogramColours.Of(row[x / factor]));
                }
            }

            return bitmap;
        }

        /// <summary>The drawing (16 or 32 px) <see cref="Draw"/> uses for <paramref name="maxHeight"/> (16 or more).</summary>
        public static int DrawingSize(int maxHeight) => maxHeight >= 32 && (maxHeight / 32 * 32) >= (maxHeight / 16 * 16) ? 32 : 16;

        private static (PictogramKind Kind, string Name, string[] Art16, string[] Art32) Entry(PictogramKind kind)
        {
            foreach (var entry in All)
            {
                if (entry.Kind == kind)
                {
                    return entry;
                }
            }

            throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown pictogram.");
        }
    }
}
