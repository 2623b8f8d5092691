using System;
using System.Collections.Generic;
using System.Linq;
using BoardKit.Firmware.Core.Wire;
using BoardKit.Gateway.Rendering;
using BoardKit.Gateway.Text;

namespace BoardKit.Gateway.Publishing
{
    /// <summary>
    /// Decides whether a bulletin can reach a board, the one way <c>boardkit render --check</c>, publishing, content
    /// checks and the scheduler all ask it (docs/rendering.md, "Fit check"): the input bound before any work
    /// (<see cref="InputBounds"/>), then coverage and layout with splitting (<see cref="BulletinSplitter"/>), then every
    /// wire and board limit of the resulting program (<see cref="FitCheck"/>). What it passes,
    /// <see cref="ProgramComposer.ComposeProgram"/> builds and the board accepts; what it refuses, it refuses at once,
    /// with what to cut.
    /// <para>
    /// One board holds one program (16 items, 16,384 bytes signed). BoardKit does not play several programs in turn on
    /// a board: a bulletin longer than one program is refused, with the longest start of it that fits.
    /// </para>
    /// Stateless and thread-safe.
    /// </summary>
    public static class BulletinPlanner
    {
        /// <summary>Plans <paramref name="request"/> as one program whose items are played with <paramref name="settings"/>
        /// (default <see cref="PlaySettings.Default"/>) under the UTC offset <paramref name="utcOffsetMinutes"/>.
        /// Never throws for bad input.</summary>
        public static BulletinPlan Plan(RenderRequest request, PlaySettings? settings = null, int utcOffsetMinutes = ProgramComposer.VietnamUtcOffsetMinutes)
        {
            ArgumentNullException.ThrowIfNull(request);
            settings ??= PlaySettings.Default;
            FitProblem? tooLarge = InputBounds.CheckText(request);
            if (tooLarge is not null)
            {
                return new BulletinPlan { Problems = new[] { tooLarge }, MaxMessageBytes = WireLimits.MaxProgramBytes };
            }

            SplitResult split = BulletinSplitter.Split(request);
            if (!split.Ok)
            {
                return new BulletinPlan { Problems = split.Problems, Warnings = split.Warnings, MaxMessageBytes = WireLimits.MaxProgramBytes };
            }

            BulletinItem[] items = split.Pieces.Select(p => new BulletinItem(p, settings)).ToArray();
            FitReport report = FitCheck.CheckProgram(items, utcOffsetMinutes);
            if (report.Ok)
            {
                return new BulletinPlan
                {
                    Items = items,
                    Pieces = split.Pieces,
                    Warnings = split.Warnings,
                    MessageBytes = report.MessageBytes,
                    MaxMessageBytes = report.MaxMessageBytes,
                    Characters = CountCharacters(request),
                };
            }

            var plan = new BulletinPlan
            {
                Pieces = split.Pieces,
                Problems = report.Problems,
                Warnings = split.Warnings,
                MessageBytes = report.MessageBytes,
                MaxMessageBytes = report.MaxMessageBytes,
                Characters = CountCharacters(request),
            };
            bool tooLong = report.Problems.All(p => p.Limit is FitLimit.ItemsPerProgram or FitLimit.MessageBytes);
            return tooLong && request.Mode != RenderMode.Static && request.Shaper is not null
                ? WithFittingStart(plan, request, settings, utcOffsetMinutes)
                : plan;
        }

        /// <summary>True when the start of the bulletin up to (not including) cluster <paramref name="end"/> lays out and
        /// fits one program.</summary>
        private static bool Fits(TextSlicer slicer, int end, PlaySettings settings, int utcOffsetMinutes)
        {
            SplitResult split = BulletinSplitter.Split(slicer.Piece(0, end));
            return split.Ok && FitCheck.CheckProgram(split.Pieces.Select(p => new BulletinItem(p, settings)).ToArray(), utcOffsetMinutes).Ok;
        }

        /// <summary>
        /// Finds the longest start of the bulletin, ending at a word boundary, that fits one program, and tells the editor
        /// where to cut. Adding words never makes a bulletin smaller, so a search over word ends finds the longest one;
        /// each probe is a full split and check, so the advice is exact, not an estimate.
        /// </summary>
        private static BulletinPlan WithFittingStart(BulletinPlan plan, RenderRequest request, PlaySettings settings, int utcOffsetMinutes)
        {
            ShapedText shaped = request.Shaper.Shape(TextSlicer.WholeText(request));
            var slicer = new TextSlicer(request, shaped);
            IReadOnlyList<ShapedCluster> clusters = shaped.Clusters;
            var ends = new List<int>();
            for (int k = 1; k <= clusters.Count; k++)
            {
                bool wordEnds = !IsBlank(clusters[k - 1]) && (k == clusters.Count || IsBlank(clusters[k]) || clusters[k].CanBreakBefore);
                if (wordEnds)
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

            string rotation = $"BoardKit does not play several programs in turn on one board: a board holds one program of at most " +
                $"{WireLimits.MaxItems} items and {ItemRecord.Count(WireLimits.MaxProgramBytes)} bytes.";
            string advice;
            if (fitting == 0)
            {
                advice = "Not even the first word fits one program. " + rotation;
            }
            else
            {
                TextOrigin from = slicer.OriginOf(Math.Min(next, clusters.Count - 1));
                string snippet = slicer.TextOf(next, Math.Min(clusters.Count, next + 24)).ReplaceLineEndings(" ").Trim();
                advice = $"The first {ItemRecord.Count(fitting)} of {ItemRecord.Count(clusters.Count)} characters fit one program. " +
                    $"Cut the remaining {ItemRecord.Count(clusters.Count - fitting)} characters, from line {from.Line}, character {from.Column} " +
                    $"(\"{snippet}…\"), or publish them as a separate bulletin. {rotation}";
            }

            return new BulletinPlan
            {
                Pieces = plan.Pieces,
                Problems = plan.Problems,
                Warnings = plan.Warnings,
                MessageBytes = plan.MessageBytes,
                MaxMessageBytes = plan.MaxMessageBytes,
                Characters = clusters.Count,
                FittingText = slicer.TextOf(0, fitting),
                FittingCharacters = fitting,
                Advice = advice,
            };
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

            int target = (int)(characters * share);
            int index = ends.BinarySearch(target);
            return index >= 0 ? index : Math.Max(0, ~index - 1);
        }

        private static bool IsBlank(ShapedCluster c) => c.IsSpace || c.IsLineBreak;

        private static int CountCharacters(RenderRequest request) =>
            request.Shaper is null ? 0 : System.Globalization.StringInfo.ParseCombiningCharacters(TextSlicer.WholeText(request)).Length;
    }
}
