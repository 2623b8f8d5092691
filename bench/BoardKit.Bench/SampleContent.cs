using System;
using BoardKit.Gateway.Fonts;
using BoardKit.Gateway.Publishing;
using BoardKit.Gateway.Rendering;
using BoardKit.Gateway.Text;

namespace BoardKit.Bench
{
    /// <summary>Real bulletin text rendered with the real fonts: what the benchmarks encode, decode and render.</summary>
    public static class SampleContent
    {
        /// <summary>A commune bulletin in Vietnamese with stacked diacritics.</summary>
        public const string Bulletin =
            "UBND xã Mồ Sì San thông báo: Lịch tiêm chủng vắc-xin cho trẻ em từ 7 giờ sáng thứ Hai tại trạm y tế xã. " +
            "Đề nghị các hộ gia đình đưa trẻ đến đúng giờ, mang theo sổ tiêm chủng. Cửa khẩu Ma Lù Thàng 口岸 马鹿塘.";

        /// <summary>Loaded once per process: Unifont takes ~100 ms to index.</summary>
        public static FontSets Fonts { get; } = new FontSets();

        /// <summary>The first page of <see cref="Bulletin"/> on a <paramref name="width"/> x <paramref name="height"/> panel
        /// (16-px lines: one line on 64x16, two on 128x32), in normal style.</summary>
        public static IndexedBitmap TextFrame(int width, int height)
        {
            RenderResult result = Render(width, height, RenderMode.Pages, Bulletin);
            return result.Frames[0];
        }

        /// <summary>Renders <paramref name="text"/>; throws when the renderer refuses it (a benchmark must not time refusals).</summary>
        public static RenderResult Render(int width, int height, RenderMode mode, string text)
        {
            var shaper = new TextShaper(Fonts.ForLineHeight(16));
            RenderResult result = TextRenderer.Render(new RenderRequest
            {
                Text = text,
                PanelWidth = width,
                PanelHeight = height,
                Mode = mode,
                Shaper = shaper,
            });
            if (!result.Ok)
            {
                throw new InvalidOperationException(string.Join("; ", result.Errors));
            }

            return result;
        }

        /// <summary>Fraction of LEDs lit (palette index ≠ 0) in <paramref name="frame"/>.</summary>
        public static double LitFraction(IndexedBitmap frame)
        {
            int lit = 0;
            foreach (byte p in frame.Pixels)
            {
                if (p != 0)
                {
                    lit++;
                }
            }

            return (double)lit / frame.Pixels.Length;
        }

        /// <summary>The frame packed for the wire.</summary>
        public static PackedFrame Packed(int width, int height) => FramePacker.Pack(TextFrame(width, height));
    }
}
