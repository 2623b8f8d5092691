using System;
using System.Threading;

using BoardKit.Firmware.Core.Board;
using BoardKit.Firmware.Core.Ports;

using nanoFramework.Runtime.Native;

namespace BoardKit.Firmware
{
    /// <summary>
    /// The board's two loops around the core's BoardRuntime, each on its own thread, as the simulator runs them
    /// (BoardKit.Firmware.Sim/SimulatedBoard.cs): the display loop (Step, every <see cref="DisplayPeriodMs"/>) and the
    /// network loop (NetworkStep, every <see cref="NetworkPeriodMs"/> after each step, which blocks while it talks to
    /// the broker). Received MQTT messages enter through <see cref="OnMqttMessage"/> on M2Mqtt's event thread. The
    /// runtime takes its own lock at every entry point.
    /// </summary>
    internal sealed class BoardLoops
    {
        /// <summary>Display loop period, ms: 25 frames a second, the rate the core is designed for (20-40 ms).</summary>
        public const int DisplayPeriodMs = 40;

        /// <summary>Pause after each network step, ms.</summary>
        public const int NetworkPeriodMs = 100;

        /// <summary>How often the free heap is measured for status, ms (a full garbage collection each time).</summary>
        public const int HeapPeriodMs = 60000;

        /// <summary>Longest wait, after a reboot command, for the waiting events to be published, ms.</summary>
        public const int RebootGraceMs = 10000;

        private readonly BoardRuntime _runtime;
        private readonly IClock _clock;
        private readonly bool _useNetworkTime;
        private long _rebootRequestedAt = -1;
        private long _nextHeapMs;

        /// <summary>
        /// Loops for <paramref name="runtime"/> on <paramref name="clock"/>. <paramref name="useNetworkTime"/>: pass the
        /// system clock (set by the firmware's SNTP) to the runtime; false keeps the board on the time of signed
        /// messages only (board.json "sntp": []).
        /// </summary>
        public BoardLoops(BoardRuntime runtime, IClock clock, bool useNetworkTime)
        {
            _runtime = runtime;
            _clock = clock;
            _useNetworkTime = useNetworkTime;
        }

        /// <summary>Measures the free managed heap now and hands it to the runtime's status (nanoFramework GC.Run, facts §8).</summary>
        public void MeasureFreeHeap()
        {
            // GC.Run(false): collect without compacting, return the free bytes.
            uint free = nanoFramework.Runtime.Native.GC.Run(false);
            lock (_runtime.SyncRoot)
            {
                _runtime.FreeHeapBytes = free;
            }

            _nextHeapMs = _clock.MonotonicMs + HeapPeriodMs;
        }

        /// <summary>The display loop: never returns.</summary>
        public void RunDisplay()
        {
            while (true)
            {
                long start = _clock.MonotonicMs;
                try
                {
                    _runtime.Step(start, _useNetworkTime ? _clock.UtcMs : 0);
                    RebootWhenDue(start);
                }
                catch (Exception e)
                {
                    // E.g. an SPI transfer refused (facts §2.4): keep the loop alive, the next step tries again.
                    Console.WriteLine("display step failed: " + e.Message);
                }

                long left = DisplayPeriodMs - (_clock.MonotonicMs - start);
                Thread.Sleep(left > 0 ? (int)left : 0);
            }
        }

        /// <summary>The network loop: never returns.</summary>
        public void RunNetwork()
        {
            while (true)
            {
                try
                {
                    if (_clock.MonotonicMs >= _nextHeapMs)
                    {
                        MeasureFreeHeap();
                    }

                    _runtime.NetworkStep(_clock.MonotonicMs);
                }
                catch (Exception e)
                {
                    Console.WriteLine("network step failed: " + e.Message);
                }

                Thread.Sleep(NetworkPeriodMs);
            }
        }

        /// <summary>One received MQTT message (M2MqttPort.MessageReceived; M2Mqtt passes a fresh array per message).</summary>
        public void OnMqttMessage(string topic, byte[] message)
        {
            _runtime.OnMessage(message, message.Length, _clock.MonotonicMs);
        }

        // Reboots once a reboot command was carried out and its events were published, or RebootGraceMs later.
        private void RebootWhenDue(long nowMs)
        {
            lock (_runtime.SyncRoot)
            {
                if (!_runtime.RebootRequested)
                {
                    return;
                }

                if (_rebootRequestedAt < 0)
                {
                    _rebootRequestedAt = nowMs;
                }

                if (_runtime.Outbox.Count == 0 || nowMs - _rebootRequestedAt >= RebootGraceMs)
                {
                    // Under the runtime's lock, so no flash write of the core is cut half-way. esp_restart() (facts §8).
                    Console.WriteLine("rebooting on command");
                    Power.RebootDevice();
                }
            }
        }
    }
}
