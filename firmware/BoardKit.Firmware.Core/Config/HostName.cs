namespace BoardKit.Firmware.Core.Config
{
    /// <summary>The host names board.json accepts for the broker and SNTP servers: DNS names and IPv4 addresses.</summary>
    public static class HostName
    {
        /// <summary>
        /// True for 1..<paramref name="maxLength"/> characters of a-z, A-Z, 0-9, '-' and '.', starting and ending with a
        /// letter or digit, with no empty label (".."). IPv6 literals and internationalised names (write them as
        /// xn--) are not accepted.
        /// </summary>
        public static bool IsValid(string host, int maxLength)
        {
            if (host == null || host.Length < 1 || host.Length > maxLength)
            {
                return false;
            }

            for (int i = 0; i < host.Length; i++)
            {
                char c = host[i];
                bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
                bool edge = i == 0 || i == host.Length - 1;
                if (!alnum && (edge || (c != '-' && c != '.') || (c == '.' && host[i - 1] == '.')))
                {
                    return false;
                }
            }

            return true;
        }
    }
}
