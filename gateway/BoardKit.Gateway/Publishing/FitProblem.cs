namespace BoardKit.Gateway.Publishing
{
    /// <summary>
    /// One reason a bulletin cannot reach a board, for the editor: the rule, what the bulletin needs, what a board takes,
    /// and how much to cut. <see cref="Message"/> says all of it in one sentence.
    /// </summary>
    /// <param name="Limit">The rule that is broken.</param>
    /// <param name="Message">The whole explanation, e.g. "The signed program would be 19,345 bytes; a board accepts at
    /// most 16,384 bytes: cut 2,961 bytes ...".</param>
    public sealed record FitProblem(FitLimit Limit, string Message)
    {
        /// <summary>What the bulletin needs, in <see cref="Unit"/> (e.g. 19345 bytes); null when the rule has no measure
        /// (a missing character).</summary>
        public long? Actual { get; init; }

        /// <summary>The most a board takes, in <see cref="Unit"/> (e.g. 16384); null when the rule has no measure.</summary>
        public long? Maximum { get; init; }

        /// <summary>Unit of <see cref="Actual"/> and <see cref="Maximum"/>: "bytes", "px", "items", "frames", "colours".</summary>
        public string? Unit { get; init; }

        /// <summary>How much to cut: <see cref="Actual"/> − <see cref="Maximum"/> when the bulletin is over a measured
        /// limit, else null.</summary>
        public long? Excess => Actual is long a && Maximum is long m && a > m ? a - m : null;

        /// <inheritdoc/>
        public override string ToString() => Message;
    }
}
