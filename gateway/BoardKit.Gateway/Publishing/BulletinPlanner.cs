using System;
using System.Collections.Generic;
using System.Linq;
using BoardKit.Firmware.Core.Wire;
using BoardKit.Gateway.Rendering;

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
            if (!tooLong || request.Mode == RenderMode.Static || request.Shaper is null)
            {
                return plan;
            }

            FittingStart start = FittingStart.Find(plan, request, settings, utcOffsetMinutes);
            return new BulletinPlan
            {
                Pieces = plan.Pieces,
                Problems = plan.Problems,
                Warnings = plan.Warnings,
                MessageBytes = plan.MessageBytes,
                MaxMessageBytes = plan.MaxMessageBytes,
                Characters = start.Characters,
                FittingText = start.Text,
                FittingCharacters = start.FittingCharacters,
                Advice = start.Advice,
            };
        }

        private static int CountCharacters(RenderRequest request) =>
            request.Shaper is null ? 0 : new System.Globalization.StringInfo(TextSlicer.WholeText(request)).LengthInTextElements;
    }
}
