using BoardKit.Firmware.Core.Wire;

namespace BoardKit.Firmware.Core.Security
{
    /// <summary>
    /// Replay protection for session-bound messages (live frame, command) on the board, kept in RAM only
    /// (docs/protocol.md, "Session-bound messages"). At every boot the glue draws a random non-zero 64-bit nonce from
    /// the hardware RNG and publishes it in its signed, retained status. A message is accepted only if it carries the
    /// current nonce and a sequence strictly greater than the last one accepted on its stream in this session; so a
    /// captured reboot command cannot be replayed, not even after the reboot it caused (the nonce has changed).
    /// </summary>
    public sealed class SessionGuard
    {
        /// <summary>Stream index of live frames.</summary>
        public const int StreamFrame = 0;

        /// <summary>Stream index of commands.</summary>
        public const int StreamCommand = 1;

        /// <summary>Number of session-bound streams a board receives.</summary>
        public const int StreamCount = 2;

        private readonly ulong[] _sequences = new ulong[StreamCount];

        /// <summary>Creates a guard for the session <paramref name="nonce"/> (must not be 0).</summary>
        public SessionGuard(ulong nonce)
        {
            Nonce = nonce;
        }

        /// <summary>The current session nonce (changes only at boot).</summary>
        public ulong Nonce { get; private set; }

        /// <summary>Starts a new session: new nonce, all counters back to 0.</summary>
        public void Restart(ulong nonce)
        {
            Nonce = nonce;
            for (int i = 0; i < StreamCount; i++)
            {
                _sequences[i] = 0;
            }
        }

        /// <summary>Session stream of <paramref name="kind"/>, or -1 if a board does not receive it session-bound.</summary>
        public static int StreamOf(int kind)
        {
            switch (kind)
            {
                case MessageKind.LiveFrame: return StreamFrame;
                case MessageKind.Command: return StreamCommand;
                default: return -1;
            }
        }

        /// <summary>Highest sequence accepted on <paramref name="stream"/> in this session (0 = none).</summary>
        public ulong GetSequence(int stream)
        {
            return _sequences[stream];
        }

        /// <summary>
        /// Classifies an authentic message without changing state: None (new), WrongSession (other nonce, or a nonce of
        /// 0), Replay (sequence not above the last accepted), or BadArgument (kind not session-bound for a board).
        /// </summary>
        public int Check(int kind, ulong session, ulong sequence)
        {
            int stream = StreamOf(kind);
            if (stream < 0)
            {
                return WireError.BadArgument;
            }

            if (session == 0 || session != Nonce)
            {
                return WireError.WrongSession;
            }

            return sequence > _sequences[stream] ? WireError.None : WireError.Replay;
        }

        /// <summary>Check for an opened envelope.</summary>
        public int Check(EnvelopeHeader header)
        {
            return Check(header.Kind, header.Session, header.Sequence);
        }

        /// <summary>Records an accepted message; false and no change if it is not a valid new one (see Check).</summary>
        public bool Accept(EnvelopeHeader header)
        {
            if (Check(header) != WireError.None)
            {
                return false;
            }

            _sequences[StreamOf(header.Kind)] = header.Sequence;
            return true;
        }
    }
}
