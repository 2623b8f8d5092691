using System;
using System.Collections.Generic;

namespace BoardKit.Gateway.Publishing
{
    /// <summary>The verdict of <see cref="FitCheck"/> on a program or an alert: fits, or every reason it does not.</summary>
    public sealed class FitReport
    {
        /// <summary>True when a board accepts the message: <see cref="Problems"/> is empty.</summary>
        public bool Ok => Problems.Count == 0;

        /// <summary>Every limit broken, one entry each, in item order. Empty when <see cref="Ok"/>.</summary>
        public IReadOnlyList<FitProblem> Problems { get; init; } = Array.Empty<FitProblem>();

        /// <summary>Exact size of the signed message in bytes (envelope, payload, tag), as the composer will write it;
        /// also when it is over <see cref="MaxMessageBytes"/>. 0 when a frame is invalid and nothing could be measured.</summary>
        public int MessageBytes { get; init; }

        /// <summary>The largest message a board accepts of this kind: 16,384 bytes for a program, 8,192 for an alert.</summary>
        public int MaxMessageBytes { get; init; }

        /// <summary>Bytes each item adds to the message (item header and encoded frames), in item order; empty when
        /// <see cref="MessageBytes"/> is 0.</summary>
        public IReadOnlyList<int> ItemBytes { get; init; } = Array.Empty<int>();
    }
}
