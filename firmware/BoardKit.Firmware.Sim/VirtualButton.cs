using BoardKit.Firmware.Core.Ports;

namespace BoardKit.Firmware.Sim
{
    /// <summary>
    /// The simulated board's emergency button: pressed and released by the keyboard (boardkit-sim's terminal), a
    /// control file, or a test. The core samples it every step, exactly as it samples the GPIO on a device.
    /// </summary>
    public sealed class VirtualButton : IEmergencyButton
    {
        private volatile bool _pressed;

        /// <inheritdoc/>
        public bool IsPressed => _pressed;

        /// <summary>Presses (true) or releases (false) the button.</summary>
        public void Set(bool pressed) => _pressed = pressed;
    }
}
