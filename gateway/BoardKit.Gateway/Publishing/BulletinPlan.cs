using System;
using System.Collections.Generic;
using BoardKit.Gateway.Rendering;

namespace BoardKit.Gateway.Publishing
{
    /// <summary>
    /// What <see cref="BulletinPlanner"/> decided for one bulletin and one board: the items of a program that a board
    /// accepts, or every reason there are none and how much to cut. Never partial: when <see cref="Ok"/> is false there
    /// are no <see cref="Items"/>.
    /// </summary>
    public sealed class BulletinPlan
    {
        /// <summary>True when the bulletin fits one program; <see cref="Problems"/> is empty.</summary>
        public bool Ok => Problems.Count == 0;

        /// <summary>The program's items in play order, ready for <see cref="ProgramComposer.ComposeProgram"/>; they must
        /// stay together and in this order. Empty when refused.</summary>
        public IReadOnlyList<BulletinItem> Items { get; init; } = Array.Empty<BulletinItem>();

        /// <summary>The laid-out pieces (one per item), also when the program limits refused them; empty when the text
        /// could not be laid out at all.</summary>
        public IReadOnlyList<RenderResult> Pieces { get; init; } = Array.Empty<RenderResult>();

        /// <summary>Every reason the bulletin cannot reach a board, each naming the limit, the actual value and how much
        /// to cut. Empty when <see cref="Ok"/>.</summary>
        public IReadOnlyList<FitProblem> Problems { get; init; } = Array.Empty<FitProblem>();

        /// <summary>What the editor should know that did not stop publishing (e.g. the emergency border left out).</summary>
        public IReadOnlyList<string> Warnings { get; init; } = Array.Empty<string>();

        /// <summary>Exact size of the signed program in bytes (0 when it could not be measured).</summary>
        public int MessageBytes { get; init; }

        /// <summary>The largest program a board accepts: 16,384 bytes.</summary>
        public int MaxMessageBytes { get; init; }

        /// <summary>User-perceived characters (grapheme clusters, spaces and line breaks included) in the bulletin; 0 when
        /// it was refused before shaping.</summary>
        public int Characters { get; init; }

        /// <summary>When the bulletin lays out but is too long for one program: the longest start of it, ending at a word
        /// boundary, that fits (NFC, without colours). Null otherwise.</summary>
        public string? FittingText { get; init; }

        /// <summary>User-perceived characters in <see cref="FittingText"/> (0 when null).</summary>
        public int FittingCharacters { get; init; }

        /// <summary>For the editor, when the bulletin is too long for one program: how much fits, from where to cut, and
        /// that BoardKit does not play several programs in turn. Null otherwise.</summary>
        public string? Advice { get; init; }
    }
}
