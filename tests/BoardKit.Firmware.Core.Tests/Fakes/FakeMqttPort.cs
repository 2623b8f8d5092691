using System;
using System.Collections.Generic;
using BoardKit.Firmware.Core.Led;
using BoardKit.Firmware.Core.Ports;

namespace BoardKit.Firmware.Core.Tests.Fakes
{
    /// <summary>A broker that is up or down at the test's word, and records what the board publishes and subscribes to.</summary>
    internal sealed class FakeMqttPort : IMqttPort
    {
        public sealed record Published(string Topic, byte[] Payload, int Qos, bool Retain);

        public bool BrokerUp { get; set; } = true;

        public bool IsConnected { get; private set; }

        public List<Published> Messages { get; } = new();

        public List<string> Subscribed { get; } = new();

        public int ConnectAttempts { get; private set; }

        public string? WillTopic { get; private set; }

        public string? WillMessage { get; private set; }

        public string? ClientId { get; private set; }

        public bool? CleanSession { get; private set; }

        public int KeepAlive { get; private set; }

        /// <summary>The connection drops (a lost 4G link): the next call fails until the broker is up and the board reconnects.</summary>
        public void Drop() => IsConnected = false;

        public bool Connect(string clientId, string username, string? password, string willTopic, string willMessage, int keepAliveSeconds, bool cleanSession)
        {
            ConnectAttempts++;
            ClientId = clientId;
            WillTopic = willTopic;
            WillMessage = willMessage;
            CleanSession = cleanSession;
            KeepAlive = keepAliveSeconds;
            IsConnected = BrokerUp;
            return IsConnected;
        }

        public bool Subscribe(string[] topics, int[] qos)
        {
            if (!IsConnected)
            {
                return false;
            }

            Subscribed.AddRange(topics);
            return true;
        }

        public bool Publish(string topic, byte[] payload, int length, int qos, bool retain)
        {
            if (!IsConnected || !BrokerUp)
            {
                IsConnected = false;
                return false;
            }

            Messages.Add(new Published(topic, payload.AsSpan(0, length).ToArray(), qos, retain));
            return true;
        }

        public void Disconnect() => IsConnected = false;
    }

    /// <summary>A button the test presses and releases.</summary>
    internal sealed class FakeButton : IEmergencyButton
    {
        public bool IsPressed { get; set; }
    }

    /// <summary>A chain's LEDs: decodes every WS2812 stream it is given (or fails the test) and keeps the last colours. Allocates nothing per frame.</summary>
    internal sealed class DecodingPixelSink : IPixelSink
    {
        private readonly byte[] _decoded = new byte[3 * 4096];

        /// <summary>The last frame's LED bytes in wire order (G, R, B for WS2812B), 3 per LED; LedCount of them valid.</summary>
        public byte[] Leds => _decoded;

        public int LedCount { get; private set; }

        public int Frames { get; private set; }

        public void Show(byte[] wire, int length)
        {
            if (!Ws2812SpiDecoder.TryDecode(wire, length, _decoded, out int count, out int error, out _))
            {
                throw new InvalidOperationException("WS2812 stream does not decode: " + Ws2812SpiDecoder.Describe(error));
            }

            LedCount = count;
            Frames++;
        }
    }
}
