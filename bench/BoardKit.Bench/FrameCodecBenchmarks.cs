using BenchmarkDotNet.Attributes;
using BoardKit.Firmware.Core.Wire;
using BoardKit.Gateway.Publishing;

namespace BoardKit.Bench
{
    /// <summary>Encode and decode of one text frame, compressed, into caller-owned buffers (no allocation expected).</summary>
    [MemoryDiagnoser]
    [ShortRunJob]
    public class FrameCodecBenchmarks
    {
        private readonly byte[] wire = new byte[WireLimits.MaxMessageBytes];
        private readonly byte[] decoded = new byte[WireLimits.MaxFrameRawBytes];
        private readonly FrameHeader decodedHeader = new FrameHeader();
        private PackedFrame frame = null!;
        private int wireLength;

        /// <summary>Panel size, e.g. "64x16".</summary>
        [Params("64x16", "128x32")]
        public string Panel { get; set; } = "64x16";

        /// <summary>Renders the sample bulletin's first page and encodes it once.</summary>
        [GlobalSetup]
        public void Setup()
        {
            string[] size = Panel.Split('x');
            frame = SampleContent.Packed(int.Parse(size[0]), int.Parse(size[1]));
            wireLength = FrameCodec.Encode(frame.Header, frame.Pixels, frame.Pixels.Length, wire, 0, allowCompression: true);
        }

        /// <summary>Gateway side: packed pixels to run-length compressed wire bytes.</summary>
        [Benchmark]
        public int Encode() => FrameCodec.Encode(frame.Header, frame.Pixels, frame.Pixels.Length, wire, 0, allowCompression: true);

        /// <summary>Board side: wire bytes to packed pixels, validated, in place.</summary>
        [Benchmark]
        public bool Decode() => FrameCodec.TryDecode(wire, 0, wireLength, decodedHeader, decoded, out _);
    }
}
