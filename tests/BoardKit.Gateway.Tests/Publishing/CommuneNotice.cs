namespace BoardKit.Gateway.Tests.Publishing
{
    /// <summary>
    /// A long commune notice as a provincial editor would publish it: Vietnamese with stacked diacritics (NFC), a
    /// sentence in Chinese for the neighbours across the border gate and one in H'Mông (RPA). Written for these tests;
    /// about 1,900 characters, 15,000 px of 16-px Unifont on one line.
    /// </summary>
    internal static class CommuneNotice
    {
        public const string Text =
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
    }
}
