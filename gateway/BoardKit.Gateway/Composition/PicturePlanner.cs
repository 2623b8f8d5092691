using System;
using BoardKit.Firmware.Core.Wire;
using BoardKit.Gateway.Publishing;
using BoardKit.Gateway.Rendering;

namespace BoardKit.Gateway.Composition
{
    /// <summary>
    /// Decides whether a composed picture bulletin can reach a board, as <see cref="BulletinPlanner"/> does for text:
    /// composition (<see cref="PictureComposer"/>), then every wire and board limit of the one-item program
    /// (<see cref="FitCheck.CheckProgram"/>: frame size in its format, the 16,384-byte frame buffer, the signed size).
    /// A composed bulletin is not split: text too long to sit beside the picture in one item is refused. Stateless and
    /// thread-safe.
    /// </summary>
    public static class PicturePlanner
    {
        /// <summary>Plans <paramref name="request"/> as a one-item program played with <paramref name="settings"/>
        /// (default <see cref="PlaySettings.Default"/>). Never throws for bad input.</summary>
        public static BulletinPlan Plan(PictureRequest request, PlaySettings? settings = null, int utcOffsetMinutes = ProgramComposer.VietnamUtcOffsetMinutes)
        {
            ArgumentNullException.ThrowIfNull(request);
            settings ??= PlaySettings.Default;
            if (request.Text is not null && InputBounds.CheckText(request.Text) is { } tooLarge)
            {
                return new BulletinPlan { Problems = new[] { tooLarge }, MaxMessageBytes = WireLimits.MaxProgramBytes };
            }

            RenderResult composed = PictureComposer.Compose(request);
            if (!composed.Ok)
            {
                var problems = new FitProblem[composed.Errors.Count];
                for (int i = 0; i < problems.Length; i++)
                {
                    problems[i] = new FitProblem(composed.Missing.Count > 0 ? FitLimit.Coverage : FitLimit.PanelLayout, composed.Errors[i]);
                }

                return new BulletinPlan { Problems = problems, Warnings = composed.Warnings, MaxMessageBytes = WireLimits.MaxProgramBytes };
            }

            var item = new BulletinItem(composed, settings);
            FitReport report = FitCheck.CheckProgram(new[] { item }, utcOffsetMinutes);
            return new BulletinPlan
            {
                Items = report.Ok ? new[] { item } : Array.Empty<BulletinItem>(),
                Pieces = new[] { composed },
                Problems = report.Problems,
                Warnings = composed.Warnings,
                MessageBytes = report.MessageBytes,
                MaxMessageBytes = report.MaxMessageBytes,
            };
        }
    }
}
