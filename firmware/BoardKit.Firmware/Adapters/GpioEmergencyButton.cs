using System;
using System.Device.Gpio;

using BoardKit.Firmware.Core.Ports;

namespace BoardKit.Firmware.Adapters
{
    /// <summary>
    /// The emergency button: normally open from a GPIO to GND with the internal pull-up, so pressed reads low. The core
    /// samples <see cref="IsPressed"/> each step and applies its own hold-to-trigger logic. Facts:
    /// firmware/nanoframework/facts.md §3.
    /// <para>
    /// Debounce: nanoFramework's <see cref="GpioPin.DebounceTimeout"/> filters only ValueChanged events, while
    /// <see cref="GpioPin.Read"/> returns the raw level (facts.md §3). So the adapter keeps the debounced level from
    /// the events and reports pressed only while that level and the raw level are both low: a press counts once it
    /// has passed the native debounce, a release counts at once, and a missed event can never hold a released
    /// button "pressed" (the ESP32 debounce can drop an edge that arrives while its timer handler runs, facts.md §3).
    /// </para>
    /// </summary>
    public sealed class GpioEmergencyButton : IEmergencyButton, IDisposable
    {
        private readonly GpioController _controller;
        private readonly bool _ownsController;
        private readonly GpioPin _pin;
        private bool _debouncedLow;
        private bool _disposed;

        /// <summary>
        /// Opens <paramref name="pinNumber"/> as <see cref="PinMode.InputPullUp"/> on <paramref name="controller"/>
        /// with a native debounce of <paramref name="debounceMs"/> (board.json emergencyButton.debounceMs).
        /// </summary>
        /// <param name="controller">The board's GPIO controller.</param>
        /// <param name="pinNumber">ESP32 GPIO number of the button.</param>
        /// <param name="debounceMs">Native debounce; the ESP32 rounds it to 10 ms FreeRTOS ticks, at least one.</param>
        /// <param name="ownsController">Whether <see cref="Dispose"/> also disposes <paramref name="controller"/>.</param>
        public GpioEmergencyButton(GpioController controller, int pinNumber, int debounceMs, bool ownsController)
        {
            if (controller == null)
            {
                throw new ArgumentNullException(nameof(controller));
            }

            if (debounceMs < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(debounceMs));
            }

            _controller = controller;
            _ownsController = ownsController;
            _pin = controller.OpenPin(pinNumber, PinMode.InputPullUp);

            // Set before subscribing: subscribing installs the interrupt with the stored debounce time (facts.md §3).
            _pin.DebounceTimeout = TimeSpan.FromMilliseconds(debounceMs);
            _pin.ValueChanged += OnValueChanged;

            // Start from the current level; an event after this line overwrites it with a newer one.
            _debouncedLow = _pin.Read() == PinValue.Low;
        }

        /// <inheritdoc/>
        public bool IsPressed => _debouncedLow && _pin.Read() == PinValue.Low;

        /// <summary>Stops the events and closes the pin (and the controller if this adapter owns it).</summary>
        public void Dispose()
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _pin.ValueChanged -= OnValueChanged;
            _controller.ClosePin(_pin.PinNumber);
            if (_ownsController)
            {
                _controller.Dispose();
            }
        }

        private void OnValueChanged(object sender, PinValueChangedEventArgs e)
        {
            // Active low: falling = closed to GND = pressed; rising = released to the pull-up.
            if (e.ChangeType == PinEventTypes.Falling)
            {
                _debouncedLow = true;
            }
            else if (e.ChangeType == PinEventTypes.Rising)
            {
                _debouncedLow = false;
            }
        }
    }
}
