using System;
using System.Collections.Generic;
using System.IO;
using BoardKit.Firmware.Core.Board;
using BoardKit.Firmware.Core.Wire;
using BoardKit.Gateway.Preview;
using BoardKit.Gateway.Rendering;

namespace BoardKit.Firmware.Sim
{
    /// <summary>
    /// Draws the simulated board's LEDs in a terminal (24-bit colour half blocks, at most 10 times a second) and
    /// prints a summary line when it stops. Without colour (a pipe, NO_COLOR) it prints nothing per frame.
    /// </summary>
    public sealed class TerminalPanel
    {
        private const long MinRedrawMs = 100;
        private readonly SimulatedBoard _board;
        private readonly TextWriter _out;
        private readonly bool _colour;
        private long _lastDrawMs;

        /// <summary>Draws <paramref name="board"/>'s frames on <paramref name="output"/> when <paramref name="colour"/>.</summary>
        public TerminalPanel(SimulatedBoard board, TextWriter output, bool colour)
        {
            _board = board;
            _out = output;
            _colour = colour;
            if (colour)
            {
                board.FrameShown += Draw;
            }
        }

        /// <summary>The panel pixels as an indexed bitmap (at most 256 colours; more are merged to the last one).</summary>
        public static IndexedBitmap ToBitmap(int width, int height, byte[] rgb)
        {
            var colours = new Dictionary<uint, byte>();
            var indices = new byte[width * height];
            for (int i = 0; i < indices.Length; i++)
            {
                uint c = ((uint)rgb[i * 3] << 16) | ((uint)rgb[(i * 3) + 1] << 8) | rgb[(i * 3) + 2];
                if (!colours.TryGetValue(c, out byte index))
                {
                    index = (byte)Math.Min(colours.Count, 255);
                    colours.TryAdd(c, index);
                }

                indices[i] = index;
            }

            var palette = new uint[Math.Max(1, Math.Min(colours.Count, 256))];
            foreach (var pair in colours)
            {
                palette[pair.Value] = pair.Key;
            }

            var bitmap = new IndexedBitmap(width, height, palette);
            indices.CopyTo(bitmap.Pixels, 0);
            return bitmap;
        }

        /// <summary>Prints what the board did: frames, messages taken and refused, statuses and events published.</summary>
        public void PrintSummary()
        {
            BoardRuntime r = _board.Runtime;
            lock (r.SyncRoot)
            {
                _out.WriteLine($"frames shown {_board.Panel.FrameCount}; program {r.Receiver.Content.ProgramSequence}; messages refused {r.Receiver.RejectedCount}" +
                    (r.Receiver.RejectedCount > 0 ? $" (last: {WireError.Describe(r.Receiver.LastError)})" : string.Empty) +
                    (r.Link != null ? $"; connections {r.Link.Connections}, statuses {r.Link.StatusesPublished}, events {r.Link.EventsPublished}" : "; offline"));
            }
        }

        private void Draw(byte[] rgb)
        {
            long now = Environment.TickCount64;
            if (now - _lastDrawMs < MinRedrawMs)
            {
                return;
            }

            _lastDrawMs = now;
            string art = AnsiPreview.Render(ToBitmap(_board.Panel.Width, _board.Panel.Height, rgb));
            lock (_out)
            {
                _out.Write("\u001b[H" + art);
            }
        }
    }
}
