using System.Collections.Generic;
using BoardKit.Firmware.Core.Board;

namespace BoardKit.Gateway.Site.Emergencies
{
    /// <summary>
    /// The gateway's own emergency button on a Raspberry Pi GPIO (hardware/README.md, "The gateway's emergency button").
    /// Config section: <c>Emergency:Button</c>.
    /// </summary>
    public sealed class EmergencyButtonOptions
    {
        /// <summary>True when a button is wired to the Pi. Default false (a gateway without a button). Config: Emergency:Button:Enabled.</summary>
        public bool Enabled { get; set; }

        /// <summary>The button's GPIO, BCM (Broadcom) numbering, 2..27. Default 17 (header pin 11, next to ground on pin 9). Config: Emergency:Button:Gpio.</summary>
        public int Gpio { get; set; } = 17;

        /// <summary>The GPIO chip the libgpiod driver opens (/dev/gpiochipN). Default 0: the header's GPIOs on a Pi 3, 4
        /// and (with kernel 6.6.45 or later) 5; older Pi 5 kernels number it 4. Config: Emergency:Button:Chip.</summary>
        public int Chip { get; set; }

        /// <summary>Hold time that starts or clears the emergency, ms (500..10000). Default 2000, as on the boards (EmergencyButtonLogic.DefaultHoldMs). Config: Emergency:Button:HoldMs.</summary>
        public int HoldMs { get; set; } = EmergencyButtonLogic.DefaultHoldMs;

        /// <summary>How long a level must last to count, ms (10..500). Default 50, as on the boards. Config: Emergency:Button:DebounceMs.</summary>
        public int DebounceMs { get; set; } = EmergencyButtonLogic.DefaultDebounceMs;

        /// <summary>True when the button has its own pull-up resistor to 3.3 V (a long cable); false: the Pi's internal
        /// pull-up (about 50 kΩ) is switched on. Default false. Config: Emergency:Button:ExternalPullUp.</summary>
        public bool ExternalPullUp { get; set; }

        /// <summary>Every problem of these options, one sentence each; empty when they are usable.</summary>
        public IReadOnlyList<string> Problems()
        {
            var problems = new List<string>();
            if (Gpio is < 2 or > 27)
            {
                problems.Add($"Emergency:Button:Gpio is {Gpio}; the Pi's header has GPIO 2..27 (BCM numbering).");
            }

            if (Chip < 0)
            {
                problems.Add($"Emergency:Button:Chip is {Chip}; it is the N of /dev/gpiochipN (0 or more).");
            }

            if (HoldMs is < 500 or > 10000)
            {
                problems.Add($"Emergency:Button:HoldMs is {HoldMs}; it must be 500..10000.");
            }

            if (DebounceMs is < 10 or > 500)
            {
                problems.Add($"Emergency:Button:DebounceMs is {DebounceMs}; it must be 10..500.");
            }

            return problems;
        }
    }
}
