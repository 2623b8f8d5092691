using System;

namespace BoardKit.Firmware.Adapters
{
    /// <summary>
    /// The emergency button's debounced edges. How long it must be held (board.json holdToTriggerMs) is the
    /// core's emergency logic, which timestamps these edges with its own nowMs. Should move into the core with that
    /// logic (and get a virtual implementation in the simulator).
    /// </summary>
    public interface IEmergencyButton
    {
        /// <summary>Raised on the pressed edge, on a GPIO event thread: keep handlers short.</summary>
        event EventHandler Pressed;

        /// <summary>Raised on the released edge, on a GPIO event thread.</summary>
        event EventHandler Released;

        /// <summary>True while the button is held down.</summary>
        bool IsPressed { get; }
    }
}
