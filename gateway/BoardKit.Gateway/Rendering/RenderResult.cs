using System;
using System.Collections.Generic;
using BoardKit.Firmware.Core.Wire;
using BoardKit.Gateway.Text;

namespace BoardKit.Gateway.Rendering
{
    /// <summary>
    /// Frames for a board, or the reasons there are none. Never partial: when <see cref="Ok"/> is false there are no
    /// frames and no strip, and <see cref="Errors"/> says exactly which character or line failed and why.
    /// </summary>
    public sealed class RenderResult
    {
        /// <summary>True when every character was drawn whole; false when refused.</summary>
        public bool Ok => Errors.Count == 0;

        /// <summary>Why the text was refused, one message per problem, for the editor. Empty when <see cref="Ok"/>.</summary>
        public IReadOnlyList<string> Errors { get; init; } = Array.Empty<string>();

        /// <summary>Things the editor should know that did not stop rendering, e.g. an emergency border left out for lack of room.</summary>
        public IReadOnlyList<string> Warnings { get; init; } = Array.Empty<string>();

        /// <summary>Characters the font set cannot draw (also listed in <see cref="Errors"/>).</summary>
        public IReadOnlyList<MissingCharacter> Missing { get; init; } = Array.Empty<MissingCharacter>();

        /// <summary>Static: one frame; pages: one frame per page, in order; scroll: empty (see <see cref="Strip"/>).
        /// Every frame is panel-sized and has the same palette as <see cref="Palette"/>.</summary>
        public IReadOnlyList<IndexedBitmap> Frames { get; init; } = Array.Empty<IndexedBitmap>();

        /// <summary>Scroll mode: the strip, panel height tall; the board shows a panel-wide window of it moving left,
        /// wrapping from its end back to its start (with <see cref="Still"/>: a window of the columns right of the still
        /// frame). Null in the other modes.</summary>
        public IndexedBitmap? Strip { get; init; }

        /// <summary>
        /// Scroll mode with a still picture (wire layout 3, "scroll beside a still frame", docs/protocol.md 5.2a): the
        /// frame the board holds still at the panel's left while <see cref="Strip"/> scrolls in the columns right of it,
        /// e.g. a pictogram and its gap beside scrolling text. It has its own palette, as the strip has, so each goes in
        /// its smallest wire format (<see cref="Palette"/> is then the union of both and <see cref="PixelFormat"/> the
        /// wider format). Null otherwise.
        /// </summary>
        public IndexedBitmap? Still { get; init; }

        /// <summary>Colours used, 0xRRGGBB; entry 0 is black (LEDs off). As small as the content allows: at most 16 for
        /// text, up to 256 for a full-colour picture (sent as Rgb888).</summary>
        public IReadOnlyList<uint> Palette { get; init; } = new uint[] { 0x000000 };

        /// <summary>Smallest wire pixel format that holds <see cref="Palette"/>: Mono1 (2), Palette2 (4), Palette4 (16) or,
        /// above 16 colours, Rgb888.</summary>
        public PixelFormat PixelFormat { get; init; } = PixelFormat.Mono1;

        /// <summary>Mode that was rendered.</summary>
        public RenderMode Mode { get; init; }

        /// <summary>Bulletin level that was rendered.</summary>
        public BulletinLevel Level { get; init; }

        /// <summary>True when the board should blink the frames.</summary>
        public bool Blink => BlinkPeriodMs > 0;

        /// <summary>Blink period for the board in milliseconds (half on, half off); 0 = steady.</summary>
        public int BlinkPeriodMs { get; init; }

        /// <summary>Number of text lines laid out (after wrapping in pages mode; 1 in scroll mode).</summary>
        public int LineCount { get; init; }

        /// <summary>Static and pages: the number of text lines on each frame of <see cref="Frames"/>, in order (they add
        /// up to <see cref="LineCount"/>). Scroll: empty.</summary>
        public IReadOnlyList<int> LinesPerFrame { get; init; } = Array.Empty<int>();

        /// <summary>True when the level's border was left out because the text fits the panel only without it
        /// (<see cref="Warnings"/> then says so).</summary>
        public bool BorderLeftOut { get; init; }

        /// <summary>For a picture composed by <c>Composition.PictureComposer</c>: what was drawn and how its colours were
        /// chosen. Null for text alone.</summary>
        public Composition.PictureReport? Picture { get; init; }

        /// <summary>The smallest format that holds <paramref name="colours"/> entries: a palette format for 1–16, Rgb888 above.</summary>
        public static PixelFormat SmallestFormat(int colours) => colours switch
        {
            <= 2 => PixelFormat.Mono1,
            <= 4 => PixelFormat.Palette2,
            <= 16 => PixelFormat.Palette4,
            _ => PixelFormat.Rgb888,
        };
    }
}
