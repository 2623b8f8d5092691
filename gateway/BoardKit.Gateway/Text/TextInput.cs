using System;
using System.Buffers;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace BoardKit.Gateway.Text
{
    /// <summary>One invalid UTF-8 sequence found by <see cref="TextInput.DecodeUtf8Strict"/>.</summary>
    /// <param name="ByteOffset">0-based offset of the first bad byte in the input.</param>
    /// <param name="Length">Number of bytes that form the invalid sequence (1–3).</param>
    /// <param name="Bytes">The bad bytes in hex, e.g. "C3 28".</param>
    /// <param name="Reason">What is wrong, e.g. "truncated 2-byte sequence at end of input".</param>
    public sealed record Utf8Error(int ByteOffset, int Length, string Bytes, string Reason)
    {
        /// <inheritdoc/>
        public override string ToString() => $"byte {ByteOffset}: {Bytes}: {Reason}";
    }

    /// <summary>Result of a strict UTF-8 decode.</summary>
    /// <param name="Text">The decoded text; each invalid sequence is replaced by U+FFFD so it can still be previewed.</param>
    /// <param name="Errors">Invalid sequences in input order; empty when the input was valid UTF-8.</param>
    public sealed record Utf8DecodeResult(string Text, IReadOnlyList<Utf8Error> Errors)
    {
        /// <summary>True when the input was valid UTF-8.</summary>
        public bool IsValid => Errors.Count == 0;
    }

    /// <summary>Reading editor text from files and the command line without silently hiding damage.</summary>
    public static class TextInput
    {
        // Report at most this many errors; a binary file would otherwise produce one per byte.
        private const int MaxErrors = 1000;

        /// <summary>
        /// Decodes <paramref name="bytes"/> as UTF-8 and reports every invalid sequence with its byte offset (overlong
        /// forms, surrogates, bytes F5–FF, stray continuation bytes, truncated sequences). A leading byte-order mark
        /// is dropped. Never throws for any input.
        /// </summary>
        public static Utf8DecodeResult DecodeUtf8Strict(byte[] bytes)
        {
            ArgumentNullException.ThrowIfNull(bytes);
            var errors = new List<Utf8Error>();
            var text = new StringBuilder(bytes.Length);
            ReadOnlySpan<byte> rest = bytes;
            int offset = 0;
            if (rest.Length >= 3 && rest[0] == 0xEF && rest[1] == 0xBB && rest[2] == 0xBF)
            {
                rest = rest.Slice(3);
                offset = 3;
            }

            Span<char> buffer = stackalloc char[2];
            while (!rest.IsEmpty)
            {
                OperationStatus status = Rune.DecodeFromUtf8(rest, out Rune rune, out int consumed);
                if (status == OperationStatus.Done)
                {
                    text.Append(buffer.Slice(0, rune.EncodeToUtf16(buffer)));
                }
                else
                {
                    if (errors.Count < MaxErrors)
                    {
                        errors.Add(new Utf8Error(offset, consumed, Hex(rest.Slice(0, consumed)), Describe(rest, consumed, status)));
                    }

                    text.Append('\uFFFD');
                }

                rest = rest.Slice(consumed);
                offset += consumed;
            }

            return new Utf8DecodeResult(text.ToString(), errors);
        }

        private static string Describe(ReadOnlySpan<byte> rest, int consumed, OperationStatus status)
        {
            byte first = rest[0];
            int expected = first >= 0xF0 ? 4 : first >= 0xE0 ? 3 : first >= 0xC0 ? 2 : 1;
            if (status == OperationStatus.NeedMoreData)
            {
                return $"truncated {expected}-byte sequence at end of input";
            }

            if (first >= 0x80 && first <= 0xBF)
            {
                return "continuation byte without a lead byte";
            }

            if (first == 0xC0 || first == 0xC1 || first >= 0xF5)
            {
                return $"byte 0x{first:X2} never occurs in UTF-8";
            }

            if (consumed < expected && consumed < rest.Length)
            {
                return $"{expected}-byte sequence interrupted by byte 0x{rest[consumed]:X2}";
            }

            return "overlong form, surrogate or value above U+10FFFF";
        }

        private static string Hex(ReadOnlySpan<byte> bytes)
        {
            var builder = new StringBuilder(bytes.Length * 3);
            foreach (byte b in bytes)
            {
                if (builder.Length > 0)
                {
                    builder.Append(' ');
                }

                builder.Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }

            return builder.ToString();
        }
    }
}
