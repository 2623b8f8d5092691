using System;
using System.Linq;

namespace BoardKit.Gateway.Publishing
{
    /// <summary>
    /// Thrown by <see cref="ProgramComposer"/> when <see cref="FitCheck"/> refuses what it was asked to build: the
    /// composer never builds what the check refused. The message lists every problem.
    /// </summary>
    public sealed class BulletinDoesNotFitException : Exception
    {
        /// <summary>Creates the exception for the refused <paramref name="report"/> (whose problems become the message).</summary>
        public BulletinDoesNotFitException(FitReport report)
            : base("The bulletin cannot be sent to a board: " + string.Join(" ", (report ?? throw new ArgumentNullException(nameof(report))).Problems.Select(p => p.Message)))
        {
            Report = report;
        }

        /// <summary>The check's verdict, with every problem.</summary>
        public FitReport Report { get; }
    }
}
