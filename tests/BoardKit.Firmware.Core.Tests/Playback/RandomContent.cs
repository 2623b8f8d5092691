using System;
using BoardKit.Firmware.Core.Tests.Vectors;
using BoardKit.Firmware.Core.Wire;

namespace BoardKit.Firmware.Core.Tests.Playback
{
    /// <summary>
    /// Random but valid held content for the player's property test: programs, alerts, clears, presets and live
    /// frames of random layouts, levels, timings, schedules and frames of every format and size (up to panel sizes the
    /// player must clip or leave black), each signed with the vector key. A message the writer cannot build (too big)
    /// is returned as null and skipped.
    /// </summary>
    internal sealed class RandomContent
    {
        public const long T0 = VectorCatalog.IssuedAt;

        private static readonly int[] Formats = { 1, 2, 4, 24 };
        private readonly TestKit.Rng _rng;
        private ulong _programSequence;
        private ulong _alertSequence = 0x20000;
        private ulong _presetSequence;
        private ulong _liveSequence;

        public RandomContent(ulong seed) => _rng = new TestKit.Rng(seed);

        public TestKit.Rng Rng => _rng;

        public byte[]? Program()
        {
            MessageBuilder b = VectorCatalog.Builder();
            ProgramWriter w = b.StartProgram(_rng.Below(1561) - 720);
            int items = 1 + _rng.Below(5);
            for (int i = 0; i < items; i++)
            {
                AddItem(w, RandomItem(false));
            }

            return Take(b, b.SealProgramOrAlert(++_programSequence, VectorCatalog.IssuedAt));
        }

        public byte[]? Alert()
        {
            MessageBuilder b = VectorCatalog.Builder();
            ProgramWriter w = b.StartAlert();
            AddItem(w, RandomItem(true));
            return Take(b, b.SealProgramOrAlert(++_alertSequence, (uint)(T0 + _rng.Below(3600))));
        }

        public byte[]? Clear()
        {
            MessageBuilder b = VectorCatalog.Builder();
            ulong named = _rng.Below(2) == 0 ? 0 : _alertSequence;
            return Take(b, b.BuildAlertClear(named, ++_alertSequence, VectorCatalog.IssuedAt));
        }

        public byte[]? Preset()
        {
            MessageBuilder b = VectorCatalog.Builder();
            ProgramWriter w = b.StartPreset();
            AddItem(w, RandomItem(true));
            return Take(b, b.SealProgramOrAlert(++_presetSequence, VectorCatalog.IssuedAt));
        }

        public byte[]? LiveFrame()
        {
            MessageBuilder b = VectorCatalog.Builder();
            var (header, pixels) = RandomFrame(80);
            return Take(b, b.BuildLiveFrame(header, pixels, pixels.Length, _rng.Below(2) == 0, ++_liveSequence, VectorCatalog.Session, VectorCatalog.IssuedAt));
        }

        private ProgramItem RandomItem(bool single)
        {
            int layout = _rng.Below(3);
            var item = new ProgramItem
            {
                Layout = layout,
                Level = _rng.Below(3),
                DwellMs = (uint)(_rng.Below(4) == 0 ? 0 : _rng.Below(6000)),
                ScrollSpeed = layout == ProgramItem.LayoutScroll ? 1 + _rng.Below(1000) : 0,
                ScheduleStartMinute = _rng.Below(3) == 0 ? _rng.Below(1440) : 0,
                ScheduleEndMinute = _rng.Below(3) == 0 ? _rng.Below(1441) : 0,
                BlinkPeriodMs = _rng.Below(3) == 0 ? 500 + _rng.Below(9501) : 0,
                FrameCount = layout == ProgramItem.LayoutPage && !single ? 1 + _rng.Below(4) : 1,
            };
            if (layout == ProgramItem.LayoutPage && single)
            {
                item.FrameCount = 1 + _rng.Below(3);
            }

            if (_rng.Below(2) == 0)
            {
                item.ValidFrom = (uint)(T0 + _rng.Below(7200));
            }

            if (_rng.Below(2) == 0)
            {
                item.ValidUntil = (uint)(T0 + 7200 + _rng.Below(7200));
            }

            return item;
        }

        private void AddItem(ProgramWriter w, ProgramItem item)
        {
            w.BeginItem(item);
            int maxWidth = item.Layout == ProgramItem.LayoutScroll ? 400 : 80;
            for (int f = 0; f < item.FrameCount; f++)
            {
                var (header, pixels) = RandomFrame(maxWidth);
                w.AddFrame(header, pixels, pixels.Length, _rng.Below(2) == 0);
            }

            w.EndItem();
        }

        private (FrameHeader Header, byte[] Pixels) RandomFrame(int maxWidth)
        {
            int format = Formats[_rng.Below(Formats.Length)];
            int width = 1 + _rng.Below(format == 24 ? 40 : maxWidth);
            int height = 1 + _rng.Below(40);
            var header = new FrameHeader().Set(format, width, height);
            for (int i = 0; i < header.Palette.Length; i++)
            {
                header.Palette[i] = (byte)_rng.Next();
            }

            byte[] pixels = new byte[PixelPacking.RawLength(format, width, height)];
            int density = _rng.Below(4);
            for (int i = 0; i < pixels.Length; i++)
            {
                pixels[i] = _rng.Below(4) < density ? (byte)_rng.Next() : (byte)0;
            }

            return (header, pixels);
        }

        private static byte[]? Take(MessageBuilder b, int n) => n > 0 ? b.Buffer.AsSpan(0, n).ToArray() : null;
    }
}
