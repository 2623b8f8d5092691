using System;

namespace BoardKit.Gateway.Fonts
{
    /// <summary>
    /// A font file is malformed. The message names the file and the 1-based line, so an installer can fix or replace it.
    /// Font parsers throw only this exception for bad content (I/O errors stay <see cref="System.IO.IOException"/>).
    /// </summary>
    public sealed class FontFormatException : Exception
    {
        /// <summary>Creates the exception for <paramref name="fileName"/> at 1-based <paramref name="lineNumber"/>
        /// (0 when the problem is not tied to one line, e.g. a missing ENDFONT).</summary>
        public FontFormatException(string fileName, int lineNumber, string problem)
            : base(lineNumber > 0 ? $"{fileName}, line {lineNumber}: {problem}" : $"{fileName}: {problem}")
        {
            FileName = fileName;
            LineNumber = lineNumber;
            Problem = problem;
        }

        /// <summary>Name of the font file (or the name the caller gave to an in-memory font).</summary>
        public string FileName { get; }

        /// <summary>1-based line number of the problem; 0 when it concerns the whole file.</summary>
        public int LineNumber { get; }

        /// <summary>What is wrong, without the file name and line.</summary>
        public string Problem { get; }
    }
}
