namespace BoardKit.Firmware.Core.Ports
{
    /// <summary>
    /// The board's flash files, by name (ESP32: LittleFS on I:\; simulator: a folder). Deliberately raw: a
    /// <see cref="Write"/> cut by a power loss may leave a partial file. Board.BoardStorage builds atomic,
    /// checksummed, power-cut-safe storage on top of these five calls, so that logic is the core's and is tested.
    /// </summary>
    public interface IFileStore
    {
        /// <summary>The whole file, or null when it does not exist or cannot be read. Loads it into the heap.</summary>
        byte[]? Read(string name);

        /// <summary>Creates or replaces the file with data[0..length). May be cut part-way by a power loss.</summary>
        void Write(string name, byte[] data, int length);

        /// <summary>True when the file exists.</summary>
        bool Exists(string name);

        /// <summary>Deletes the file if it exists.</summary>
        void Delete(string name);

        /// <summary>Renames <paramref name="from"/> to <paramref name="to"/>, which must not exist.</summary>
        void Move(string from, string to);
    }
}
