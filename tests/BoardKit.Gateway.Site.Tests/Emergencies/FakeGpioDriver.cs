using System;
using System.Collections.Generic;
using System.Device.Gpio;
using System.Threading;

namespace BoardKit.Gateway.Site.Tests.Emergencies
{
    /// <summary>
    /// A GPIO driver the test drives instead of real pins (System.Device.Gpio.GpioDriver, the class LibGpiodDriver
    /// implements on the Pi): it remembers each pin's mode, holds an input level the test sets, and raises the pin
    /// change callbacks on the test's thread for every edge, as the libgpiod event thread would.
    /// </summary>
    internal sealed class FakeGpioDriver : GpioDriver
    {
        private readonly object _gate = new();
        private readonly Dictionary<int, PinMode> _modes = new();
        private readonly Dictionary<int, PinValue> _levels = new();
        private readonly List<(int Pin, PinEventTypes Types, PinChangeEventHandler Callback)> _callbacks = new();

        /// <summary>Pins the controller opened and not yet closed.</summary>
        public HashSet<int> OpenPins { get; } = new();

        /// <summary>The mode a pin was last set to.</summary>
        public PinMode ModeOf(int pin)
        {
            lock (_gate)
            {
                return _modes[pin];
            }
        }

        /// <summary>Callbacks registered for <paramref name="pin"/>.</summary>
        public int CallbackCount(int pin)
        {
            lock (_gate)
            {
                return _callbacks.FindAll(c => c.Pin == pin).Count;
            }
        }

        /// <summary>Sets an input's level (High at rest with a pull-up) and raises the edge's callbacks when it changed.</summary>
        public void SetLevel(int pin, PinValue level)
        {
            List<PinChangeEventHandler> toCall = new();
            PinEventTypes edge;
            lock (_gate)
            {
                PinValue before = _levels.TryGetValue(pin, out PinValue v) ? v : PinValue.High;
                _levels[pin] = level;
                if (before == level)
                {
                    return;
                }

                edge = level == PinValue.High ? PinEventTypes.Rising : PinEventTypes.Falling;
                foreach ((int p, PinEventTypes types, PinChangeEventHandler callback) in _callbacks)
                {
                    if (p == pin && (types & edge) != 0)
                    {
                        toCall.Add(callback);
                    }
                }
            }

            foreach (PinChangeEventHandler callback in toCall)
            {
                callback(this, new PinValueChangedEventArgs(edge, pin));
            }
        }

        protected override int PinCount => 28;

        protected override void OpenPin(int pinNumber)
        {
            lock (_gate)
            {
                OpenPins.Add(pinNumber);
            }
        }

        protected override void ClosePin(int pinNumber)
        {
            lock (_gate)
            {
                OpenPins.Remove(pinNumber);
            }
        }

        protected override void SetPinMode(int pinNumber, PinMode mode)
        {
            lock (_gate)
            {
                _modes[pinNumber] = mode;
            }
        }

        protected override PinMode GetPinMode(int pinNumber) => ModeOf(pinNumber);

        protected override bool IsPinModeSupported(int pinNumber, PinMode mode) => mode is PinMode.Input or PinMode.InputPullUp or PinMode.InputPullDown;

        protected override PinValue Read(int pinNumber)
        {
            lock (_gate)
            {
                return _levels.TryGetValue(pinNumber, out PinValue v) ? v : PinValue.High;
            }
        }

        protected override void Write(int pinNumber, PinValue value) => throw new InvalidOperationException("The button pin is an input.");

        protected override WaitForEventResult WaitForEvent(int pinNumber, PinEventTypes eventTypes, CancellationToken cancellationToken) =>
            throw new NotSupportedException("The button uses callbacks.");

        protected override void AddCallbackForPinValueChangedEvent(int pinNumber, PinEventTypes eventTypes, PinChangeEventHandler callback)
        {
            lock (_gate)
            {
                _callbacks.Add((pinNumber, eventTypes, callback));
            }
        }

        protected override void RemoveCallbackForPinValueChangedEvent(int pinNumber, PinChangeEventHandler callback)
        {
            lock (_gate)
            {
                _callbacks.RemoveAll(c => c.Pin == pinNumber && c.Callback == callback);
            }
        }
    }
}
