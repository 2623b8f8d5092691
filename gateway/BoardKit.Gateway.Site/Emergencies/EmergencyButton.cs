using System;
using System.Device.Gpio;
using System.Threading;
using BoardKit.Firmware.Core.Board;
using Iot.Device.Button;

namespace BoardKit.Gateway.Site.Emergencies
{
    /// <summary>
    /// The gateway's emergency button: a normally-open push button from a Pi GPIO to ground, read through .NET IoT's
    /// <see cref="GpioButton"/> (Iot.Device.Bindings 4.2, src/devices/Button: it opens the pin with the pull-up and
    /// reports each edge as ButtonDown/ButtonUp), interpreted by the boards' own rule, the firmware core's
    /// <see cref="EmergencyButtonLogic"/> (docs/protocol.md 15.6): a level counts once it has lasted the debounce time,
    /// a press held for the hold time completes a hold at that moment (once per press), an earlier release is a short
    /// press that does nothing.
    /// <para>
    /// Why GpioButton's own debounce and Holding event are not used: in 4.2 both run on the wall clock
    /// (DateTime.UtcNow and a System.Threading.Timer), and its debounce ignores edges for a while after a release
    /// rather than requiring a level to last. The core's rule is what the boards do, and it takes its time as an
    /// argument, here from a <see cref="TimeProvider"/>: tests drive it with a fake clock and never sleep.
    /// </para>
    /// The logic is sampled on every edge and every <see cref="SamplePeriod"/>, so a hold completes within that period
    /// of the hold time. Events are raised on the GPIO event thread or a timer thread; handlers must not block.
    /// </summary>
    public sealed class EmergencyButton : IDisposable
    {
        /// <summary>Sampling period between edges, 20 ms: holds complete at most 20 ms late, 50 wake-ups a second on the Pi.</summary>
        public static readonly TimeSpan SamplePeriod = TimeSpan.FromMilliseconds(20);

        private readonly object _gate = new();
        private readonly GpioButton _button;
        private readonly EmergencyButtonLogic _logic;
        private readonly TimeProvider _time;
        private readonly long _startTimestamp;
        private readonly ITimer _sampler;
        private bool _disposed;

        /// <summary>
        /// Opens the button on <paramref name="controller"/> as <paramref name="options"/> say (GPIO, pull-up, hold,
        /// debounce), timed by <paramref name="time"/>. The controller stays the caller's unless
        /// <paramref name="shouldDispose"/>.
        /// </summary>
        /// <exception cref="ArgumentException">Unusable options, or a pin that cannot be an input with the pull-up asked for.</exception>
        public EmergencyButton(GpioController controller, EmergencyButtonOptions options, TimeProvider time, bool shouldDispose = false)
        {
            ArgumentNullException.ThrowIfNull(controller);
            ArgumentNullException.ThrowIfNull(options);
            _time = time ?? throw new ArgumentNullException(nameof(time));
            if (options.Problems().Count > 0)
            {
                throw new ArgumentException(string.Join(" ", options.Problems()), nameof(options));
            }

            Gpio = options.Gpio;
            _logic = new EmergencyButtonLogic(options.HoldMs, options.DebounceMs);
            _startTimestamp = time.GetTimestamp();

            // Active low: the button closes to ground against the pull-up. Debounce zero and holding off: the core's
            // rule does both (see the class remarks).
            _button = new GpioButton(options.Gpio, isPullUp: true, hasExternalResistor: options.ExternalPullUp, gpio: controller, shouldDispose: shouldDispose, debounceTime: TimeSpan.Zero)
            {
                IsHoldingEnabled = false,
                IsDoublePressEnabled = false,
            };
            PressedAtStart = controller.Read(options.Gpio) == PinValue.Low;
            _button.ButtonDown += OnEdge;
            _button.ButtonUp += OnEdge;
            _sampler = time.CreateTimer(_ => Sample(), null, SamplePeriod, SamplePeriod);
        }

        /// <summary>A hold completed (the guard is still pressing): start or clear the emergency.</summary>
        public event EventHandler? HoldCompleted;

        /// <summary>A press released before the hold time: does nothing but is worth a log line.</summary>
        public event EventHandler? ShortPress;

        /// <summary>The button's GPIO (BCM).</summary>
        public int Gpio { get; }

        /// <summary>True when the pin read "pressed" (low) when the button was opened: stuck, or wired to the wrong pin.
        /// That press is not acted on; the next real press counts.</summary>
        public bool PressedAtStart { get; }

        /// <summary>True while the button is (debounced) down.</summary>
        public bool IsPressed
        {
            get
            {
                lock (_gate)
                {
                    return _logic.IsPressed;
                }
            }
        }

        /// <summary>Debounced presses since the button was opened, short or held.</summary>
        public int PressCount
        {
            get
            {
                lock (_gate)
                {
                    return _logic.PressCount;
                }
            }
        }

        /// <summary>Stops sampling and closes the pin (and the controller if it was given with shouldDispose).</summary>
        public void Dispose()
        {
            lock (_gate)
            {
                if (_disposed)
                {
                    return;
                }

                _disposed = true;
            }

            _sampler.Dispose();
            _button.ButtonDown -= OnEdge;
            _button.ButtonUp -= OnEdge;
            _button.Dispose();
        }

        private void OnEdge(object? sender, EventArgs e) => Sample();

        private void Sample()
        {
            int action;
            lock (_gate)
            {
                if (_disposed)
                {
                    return;
                }

                long nowMs = (long)_time.GetElapsedTime(_startTimestamp).TotalMilliseconds;
                action = _logic.Update(_button.IsPressed, nowMs);
            }

            if (action == EmergencyButtonLogic.ActionHoldCompleted)
            {
                HoldCompleted?.Invoke(this, EventArgs.Empty);
            }
            else if (action == EmergencyButtonLogic.ActionShortPress)
            {
                ShortPress?.Invoke(this, EventArgs.Empty);
            }
        }
    }
}
