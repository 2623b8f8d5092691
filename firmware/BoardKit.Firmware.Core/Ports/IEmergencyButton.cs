namespace BoardKit.Firmware.Core.Ports
{
    /// <summary>
    /// The board's physical emergency button, sampled by the core every step (Board.EmergencyButtonLogic decides what a
    /// press means from the samples and its own time: debounce, press-and-hold, a short press never triggers).
    /// </summary>
    public interface IEmergencyButton
    {
        /// <summary>True while the button is held down (the device glue reads the pin; the simulator a virtual key).</summary>
        bool IsPressed { get; }
    }
}
