using System;
using System.Collections.Generic;
using BoardKit.Gateway.Rendering;

namespace BoardKit.Gateway.Publishing
{
    /// <summary>
    /// A bulletin laid out as the items a board plays one after another (<see cref="BulletinSplitter"/>), or why it
    /// cannot be. Never partial: when <see cref="Ok"/> is false there are no pieces.
    /// </summary>
    public sealed class SplitResult
    {
        /// <summary>True when every piece rendered; <see cref="Problems"/> is empty.</summary>
        public bool Ok => Problems.Count == 0;

        /// <summary>One successful render per item, in play order: one scroll strip each, up to 16 pages each, or the one
        /// static frame. Empty when refused.</summary>
        public IReadOnlyList<RenderResult> Pieces { get; init; } = Array.Empty<RenderResult>();

        /// <summary>Why the bulletin cannot be laid out (missing characters, does not fit the panel, a word wider than a
        /// whole strip), each once. Empty when <see cref="Ok"/>.</summary>
        public IReadOnlyList<FitProblem> Problems { get; init; } = Array.Empty<FitProblem>();

        /// <summary>What the editor should know that did not stop it (e.g. the emergency border left out), each once.</summary>
        public IReadOnlyList<string> Warnings { get; init; } = Array.Empty<string>();
    }
}
