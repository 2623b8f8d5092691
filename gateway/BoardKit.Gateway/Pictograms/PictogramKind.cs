namespace BoardKit.Gateway.Pictograms
{
    /// <summary>
    /// The pictograms BoardKit draws. The first six are the emergencies the provincial plans name, drawn in the
    /// renderer's emergency style (a red frame round a white, amber, yellow or blue sign; the warning is a red
    /// triangle); the others are common notices in the normal style (amber, no frame).
    /// </summary>
    public enum PictogramKind
    {
        /// <summary>Flood (lũ lụt): a house standing in waves.</summary>
        Flood = 0,

        /// <summary>Landslide (sạt lở đất): a slope with rocks falling onto a road.</summary>
        Landslide = 1,

        /// <summary>Storm (bão, dông): a cloud with a lightning bolt.</summary>
        Storm = 2,

        /// <summary>Fire (cháy): a flame.</summary>
        Fire = 3,

        /// <summary>Epidemic (dịch bệnh): a virus particle.</summary>
        Epidemic = 4,

        /// <summary>General warning (cảnh báo): a red triangle with an exclamation mark.</summary>
        Warning = 5,

        /// <summary>Information (thông tin): a dark "i" on an amber disc.</summary>
        Information = 10,

        /// <summary>Vaccination (tiêm chủng): a syringe.</summary>
        Vaccination = 11,

        /// <summary>Announcement (thông báo, the commune loudspeaker): a loudspeaker with sound waves.</summary>
        Announcement = 12,

        /// <summary>Power cut (cắt điện): a lightning bolt struck through.</summary>
        PowerCut = 13,
    }
}
