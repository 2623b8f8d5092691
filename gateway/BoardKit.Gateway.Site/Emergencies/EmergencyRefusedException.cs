using System;
using System.Collections.Generic;

namespace BoardKit.Gateway.Site.Emergencies
{
    /// <summary>
    /// A site emergency was refused before anything was signed or published: a character no font can draw, text that
    /// does not fit a board's alert, no boards, an expiry in the past. <see cref="Exception.Message"/> says all of it;
    /// <see cref="Problems"/> lists each problem with the board or panel it concerns.
    /// </summary>
    public sealed class EmergencyRefusedException : Exception
    {
        /// <summary>A refusal with its <paramref name="problems"/> (each one sentence).</summary>
        public EmergencyRefusedException(IReadOnlyList<string> problems)
            : base("The emergency was not sent to any board: " + string.Join(" ", problems ?? throw new ArgumentNullException(nameof(problems))))
        {
            Problems = problems;
        }

        /// <summary>Every problem, one sentence each.</summary>
        public IReadOnlyList<string> Problems { get; }
    }
}
