namespace BoardKit.Firmware.Adapters
{
    /// <summary>
    /// Whole-file storage by name. Writes are power-loss safe: a reader sees the old content or the new, never a
    /// mix. Validating content (CRC, HMAC, sequence) is the core's storage format, not this interface's job.
    /// Should move into the core with that format (and a RAM implementation for tests and the simulator).
    /// </summary>
    public interface IFileStore
    {
        /// <summary>The file's bytes, or null when it does not exist. Loads the whole file into the heap.</summary>
        byte[]? Read(string name);

        /// <summary>Replaces the file with <paramref name="data"/> (the caller keeps ownership of it).</summary>
        void Write(string name, byte[] data);
    }
}
