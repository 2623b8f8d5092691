using System;
using System.Collections.Generic;
using System.Linq;
using BoardKit.Firmware.Core.Wire;
using BoardKit.Gateway.Rendering;
using BoardKit.Gateway.Text;

namespace BoardKit.Gateway.Publishing
{
    /// <summary>
    /// The longest start of a bulletin that fits one program, for a bulletin that lays out but is too long: where the
    /// editor must cut. Found by planning starts of the text that end at word boundaries; adding words never makes a
    /// bulletin smaller, so the search finds the longest one, and each probe is a full split and check, so the advice is
    /// exact, not an estimate.
    /// </summary>
    /// <param name="Characters">User-perceived characters (grapheme clusters) in the whole bulletin.</param>
    /// <param name="FittingCharacters">Characters in <paramref name="Text"/>; 0 when not even the first word fits.</param>
    /// <param name="Text">The start that fits (NFC, without colours).</param>
    /// <param name="Advice">For the editor: how much fits, from where to cut, and that BoardKit does not play several
    /// programs in turn.</param>
    internal sealed record FittingStart(int Characters, int FittingCharacters, string Text, string Advice)
    {
        /// <summary>Searches the start of <paramref name="request"/>'s text that fits, guided by the sizes in the refused
        /// <paramref name="plan"/>.</summary>
        public static FittingStart Find(BulletinPlan plan, RenderRequest request, PlaySettings settings, int utcOffsetMinutes)
        {
            ShapedText shaped = request.Shaper.Shape(TextSlicer.WholeText(request));
            var slicer = new TextSlicer(request, shaped);
            IReadOnlyList<ShapedCluster> clusters = shaped.Clusters;
            var ends = new List<int>();
            for (int k = 1; k <= clusters.Count; k++)
            {
                if (!IsBlank(clusters[k - 1]) && (k == clusters.Count || IsBlank(clusters[k]) || clusters[k].CanBreakBefore))
                {
                    ends.Add(k);
                }
            }

            int found = LongestFitting(ends.Count, Estimate(plan, ends, clusters.Count), k => Fits(slicer, ends[k], settings, utcOffsetMinutes));
            int fitting = found < 0 ? 0 : ends[found];
            int next = fitting;
            while (next < clusters.Count && IsBlank(clusters[next]))
            {
                next++;
            }

            string rotation = "BoardKit does not play several programs in turn on one board: a board holds one program of at most " +
                $"{WireLimits.MaxItems} items and {NumberText.Grouped(WireLimits.MaxProgramBytes)} bytes.";
            string advice;
            if (fitting == 0)
            {
                advice = "Not even the first word fits one program. " + rotation;
            }
            else
            {
                TextOrigin from = slicer.OriginOf(Math.Min(next, clusters.Count - 1));
                string snippet = slicer.TextOf(next, Math.Min(clusters.Count, next + 24)).ReplaceLineEndings(" ").Trim();
                advice = $"The first {NumberText.Grouped(fitting)} of {NumberText.Grouped(clusters.Count)} characters fit one program. " +
                    $"Cut the remaining {NumberText.Grouped(clusters.Count - fitting)} characters, from line {from.Line}, character {from.Column} " +
                    $"(\"{snippet}…\"), or publish them as a separate bulletin. {rotation}";
            }

            return new FittingStart(clusters.Count, fitting, slicer.TextOf(0, fitting), advice);
        }

        /// <summary>True when the start of the bulletin up to (not including) cluster <paramref name="end"/> lays out and
        /// fits one program.</summary>
        private static bool Fits(TextSlicer slicer, int end, PlaySettings settings, int utcOffsetMinutes)
        {
            SplitResult split = BulletinSplitter.Split(slicer.Piece(0, end));
            return split.Ok && FitCheck.CheckProgram(split.Pieces.Select(p => new BulletinItem(p, settings)).ToArray(), utcOffsetMinutes).Ok;
        }

        /// <summary>
        /// The largest k in [0, <paramref name="count"/>) with <paramref name="fits"/>(k), or −1; <paramref name="count"/>
        /// itself is known not to fit. Searches outwards from <paramref name="guess"/> in doubling steps, then bisects, so a
        /// good guess costs a handful of probes of about the fitting length rather than bisection over the whole text.
        /// </summary>
        private static int LongestFitting(int count, int guess, Func<int, bool> fits)
        {
            int lo = -1;
            int hi = count;
            if (count == 0)
            {
                return lo;
            }

            guess = Math.Clamp(guess, 0, count - 1);
            if (fits(guess))
            {
                lo = guess;
                for (int step = 1; lo + step < hi; step *= 2)
                {
                    if (!fits(lo + step))
                    {
                        hi = lo + step;
                        break;
                    }

                    lo += step;
                }
            }
            else
            {
                hi = guess;
                for (int step = 1; hi - step > lo; step *= 2)
                {
                    if (fits(hi - step))
                    {
                        lo = hi - step;
                        break;
                    }

                    hi -= step;
                }
            }

            while (hi - lo > 1)
            {
                int mid = lo + ((hi - lo) / 2);
                if (fits(mid))
                {
                    lo = mid;
                }
                else
                {
                    hi = mid;
                }
            }

            return lo;
        }

        /// <summary>Index in <paramref name="ends"/> of the word end nearest the share of the text the program limits
        /// allow: the bulletin's characters times the smaller of 16 / items and the byte budget / bytes.</summary>
        private static int Estimate(BulletinPlan plan, List<int> ends, int characters)
        {
            double share = 1.0;
            if (plan.Pieces.Count > WireLimits.MaxItems)
            {
                share = Math.Min(share, (double)WireLimits.MaxItems / plan.Pieces.Count);
            }

            int fixedBytes = Envelope.Overhead + ProgramCodec.ProgramHeaderSize;
            if (plan.MessageBytes > plan.MaxMessageBytes)
            {
                share = Math.Min(share, (double)(plan.MaxMessageBytes - fixedBytes) / (plan.MessageBytes - fixedBytes));
            }

            int index = ends.BinarySearch((int)(characters * share));
            return index >= 0 ? index : Math.Max(0, ~index - 1);
        }

        private static bool IsBlank(ShapedCluster c) => c.IsSpace || c.IsLineBreak;
    }
}
