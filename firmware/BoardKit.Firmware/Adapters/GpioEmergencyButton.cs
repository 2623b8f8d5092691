using System;
using System.Device.Gpio;

using BoardKit.Firmware.Core.Ports;

namespace BoardKit.Firmware.Adapters
{
    /// <summary>
    /// A normally-open button from a GPIO to GND with the internal pull-up (active low), debounced natively by
    /// GpioPin.DebounceTimeout: "changes… are filtered out and do not generate ValueChanged events"
    /// (facts.md §4, System.Device.Gpio:System.Device.Gpio/GpioPin.cs). Event-driven: no polling thread.
    /// </summary>
    public sealed class GpioEmergencyButton : IEmergencyButton, IDisposable
    {
        private readonly GpioController _controller;
        private readonly bool _shouldDispose;
        private readonly GpioPin _pin;

        /// <summary>
        /// Opens <paramref name="pinNumber"/> as InputPullUp on <paramref name="controller"/> with a
        /// <paramref name="debounceMs"/> filter (board.json emergencyButton.debounceMs, 50 on the reference board).
        /// <paramref name="shouldDispose"/>: whether <see cref="Dispose"/> also disposes the controller.
        /// </summary>
        public GpioEmergencyButton(GpioController controller, int pinNumber, int debounceMs, bool shouldDispose = false)
        {
            _controller = controller;
            _shouldDispose = shouldDispose;
            _pin = controller.OpenPin(pinNumber, PinMode.InputPullUp);
            _pin.DebounceTimeout = TimeSpan.FromMilliseconds(debounceMs);
            _pin.ValueChanged += OnValueChanged;
        }

        /// <inheritdoc/>
        public event EventHandler? Pressed;

        /// <inheritdoc/>
        public event EventHandler? Released;

        /// <inheritdoc/>
        public bool IsPressed => _pin.Read() == PinValue.Low;

        /// <summary>Stops the events and closes the pin.</summary>
        public void Dispose()
        {
            _pin.ValueChanged -= OnValueChanged;
            _controller.ClosePin(_pin.PinNumber);
            if (_shouldDispose)
            {
                _controller.Dispose();
            }
        }

        private void OnValueChanged(object sender, PinValueChangedEventArgs e)
        {
            // Active low: falling = pressed (closed to GND), rising = released (pull-up).
            if (e.ChangeType == PinEventTypes.Falling)
            {
                Pressed?.Invoke(this, EventArgs.Empty);
            }
            else if (e.ChangeType == PinEventTypes.Rising)
            {
                Released?.Invoke(this, EventArgs.Empty);
            }
        }
    }
}
