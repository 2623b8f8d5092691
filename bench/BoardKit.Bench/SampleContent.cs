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

        /// <summary>A long commune notice (1,975 characters, ~15,000 px of 16-px Unifont on one line): the same text as
        /// tests/BoardKit.Gateway.Tests/Publishing/CommuneNotice.cs.</summary>
        public const string Notice =
            "UBND xã Mồ Sì San thông báo về phòng chống mưa lũ và sạt lở đất trong mùa mưa năm nay. " +
            "Theo Đài Khí tượng Thủy văn tỉnh Lai Châu, từ đêm thứ Năm đến hết Chủ nhật, khu vực các bản Nậm Khao, " +
            "Pa Vệ Sủ, Tả Phìn và Mù Cả có mưa to đến rất to, lượng mưa phổ biến từ 80 đến 150 mm, có nơi trên 200 mm. " +
            "Nguy cơ cao xảy ra lũ quét trên các suối nhỏ và sạt lở đất ở sườn đồi dốc. " +
            "Đề nghị các hộ gia đình sống gần suối, chân đồi hoặc ven đường tỉnh lộ 128 chủ động đưa người già, trẻ em " +
            "và tài sản đến nơi an toàn trước 17 giờ chiều thứ Năm. Nhà văn hóa bản và trường tiểu học xã là điểm tập trung " +
            "tạm thời; tại đây có nước uống, chăn màn và thuốc men. Không đi qua ngầm tràn, không vớt củi trên suối khi nước " +
            "đang lên, không cho trẻ em tắm suối. Khi thấy nước suối đục bất thường, có tiếng nổ lớn hoặc đất đá lăn xuống, " +
            "hãy rời khỏi nhà ngay và báo cho trưởng bản. Số điện thoại trực ban của Ban Chỉ huy phòng chống thiên tai xã: " +
            "0213 3876 555, trực 24 giờ. Cửa khẩu Ma Lù Thàng tạm dừng thông quan hàng hóa trong thời gian mưa lớn; người " +
            "và phương tiện chờ tại bãi đỗ xe phía trong. 马鹿塘口岸暂停货物通关，请在停车场等候。 " +
            "Cov neeg Hmoob nyob ze dej yuav tsum tsiv mus rau qhov chaw nyab xeeb ua ntej tsaus ntuj. " +
            "Lịch tiêm chủng vắc-xin cho trẻ em vẫn giữ nguyên vào 7 giờ sáng thứ Hai tại trạm y tế xã, nếu đường đi an toàn. " +
            "Các hộ có người ốm, phụ nữ có thai hoặc người khuyết tật cần hỗ trợ di chuyển xin báo trước cho tổ công tác " +
            "của xã. Lực lượng dân quân, công an xã và đoàn viên thanh niên trực tại các điểm xung yếu suốt thời gian mưa. " +
            "Khi có cảnh báo khẩn cấp, bảng tin này sẽ hiện chữ đỏ nhấp nháy; hãy làm theo hướng dẫn ngay. " +
            "Sau khi mưa ngớt, các hộ chưa quay về nhà khi tổ công tác chưa kiểm tra nền nhà, tường và mái. " +
            "Trẻ em không chơi gần hố sụt, bờ taluy và cột điện đổ. Nước giếng và nước suối phải đun sôi trước khi uống. " +
            "Mọi thiệt hại về người, nhà cửa, hoa màu và vật nuôi xin báo về UBND xã để được hỗ trợ kịp thời. " +
            "UBND xã cảm ơn bà con đã cùng chung tay giữ an toàn cho bản làng.";

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
