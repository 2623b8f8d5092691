using System;
using System.Buffers;
using System.Threading;
using System.Threading.Tasks;
using BoardKit.Firmware.Core.Ports;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace BoardKit.Firmware.Sim
{
    /// <summary>
    /// <see cref="IMqttPort"/> over MQTTnet (MQTT 3.1.1), as a simulated board's network thread uses it: every call
    /// blocks until the broker answered or <see cref="TimeoutMs"/> passed. Received messages are handed to
    /// <see cref="MessageReceived"/> as fresh arrays (as nanoFramework.M2Mqtt does on the device).
    /// </summary>
    public sealed class MqttNetPort : IMqttPort, IDisposable
    {
        /// <summary>How long one connect, subscribe or publish may take before it counts as failed, ms.</summary>
        public const int TimeoutMs = 5000;

        private readonly string _host;
        private readonly int _port;
        private readonly IMqttClient _client;
        private readonly MqttClientFactory _factory = new();

        /// <summary>A port to the broker at <paramref name="host"/>:<paramref name="port"/> (plain TCP; the simulator runs on loopback).</summary>
        public MqttNetPort(string host, int port)
        {
            _host = host;
            _port = port;
            _client = _factory.CreateMqttClient();
            _client.ApplicationMessageReceivedAsync += e =>
            {
                byte[] payload = e.ApplicationMessage.Payload.ToArray();
                MessageReceived?.Invoke(e.ApplicationMessage.Topic, payload);
                return Task.CompletedTask;
            };
        }

        /// <summary>Raised on MQTTnet's thread for every message received: topic and payload (a fresh array).</summary>
        public event Action<string, byte[]>? MessageReceived;

        /// <inheritdoc/>
        public bool IsConnected => _client.IsConnected;

        /// <inheritdoc/>
        public bool Connect(string clientId, string username, string? password, string willTopic, string willMessage, int keepAliveSeconds, bool cleanSession)
        {
            MqttClientOptions options = new MqttClientOptionsBuilder()
                .WithTcpServer(_host, _port)
                .WithProtocolVersion(MqttProtocolVersion.V311)
                .WithClientId(clientId)
                .WithCredentials(username, password)
                .WithCleanSession(cleanSession)
                .WithKeepAlivePeriod(TimeSpan.FromSeconds(keepAliveSeconds))
                .WithTimeout(TimeSpan.FromMilliseconds(TimeoutMs))
                .WithWillTopic(willTopic)
                .WithWillPayload(System.Text.Encoding.ASCII.GetBytes(willMessage))
                .WithWillQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
                .WithWillRetain(true)
                .Build();
            return Run(async token => (await _client.ConnectAsync(options, token)).ResultCode == MqttClientConnectResultCode.Success);
        }

        /// <inheritdoc/>
        public bool Subscribe(string[] topics, int[] qos)
        {
            MqttClientSubscribeOptionsBuilder builder = _factory.CreateSubscribeOptionsBuilder();
            for (int i = 0; i < topics.Length; i++)
            {
                builder.WithTopicFilter(topics[i], (MqttQualityOfServiceLevel)qos[i]);
            }

            MqttClientSubscribeOptions options = builder.Build();
            return Run(async token =>
            {
                MqttClientSubscribeResult result = await _client.SubscribeAsync(options, token);
                foreach (MqttClientSubscribeResultItem item in result.Items)
                {
                    if ((int)item.ResultCode > 2)
                    {
                        return false; // refused (e.g. not allowed by the broker's ACL)
                    }
                }

                return true;
            });
        }

        /// <inheritdoc/>
        public bool Publish(string topic, byte[] payload, int length, int qos, bool retain)
        {
            MqttApplicationMessage message = new MqttApplicationMessageBuilder()
                .WithTopic(topic)
                .WithPayload(payload.AsSpan(0, length).ToArray())
                .WithQualityOfServiceLevel((MqttQualityOfServiceLevel)qos)
                .WithRetainFlag(retain)
                .Build();
            return Run(async token => (await _client.PublishAsync(message, token)).IsSuccess);
        }

        /// <inheritdoc/>
        public void Disconnect() => Run(async token =>
        {
            await _client.DisconnectAsync(new MqttClientDisconnectOptions(), token);
            return true;
        });

        /// <summary>Drops the connection without DISCONNECT, as a lost link or a killed board does (the broker then publishes the will).</summary>
        public void Abort() => _client.Dispose();

        /// <inheritdoc/>
        public void Dispose() => _client.Dispose();

        private static bool Run(Func<CancellationToken, Task<bool>> call)
        {
            try
            {
                using var timeout = new CancellationTokenSource(TimeoutMs);
                return call(timeout.Token).GetAwaiter().GetResult();
            }
            catch (Exception e) when (e is MQTTnet.Exceptions.MqttCommunicationException or OperationCanceledException or InvalidOperationException or ObjectDisposedException or System.Net.Sockets.SocketException)
            {
                return false;
            }
        }
    }
}
